/**
 * Names, birth dates and IDs for the synthetic households. Surnames are those common among the
 * Miao and Han families of Chengbu (杨 龙 蓝 刘 吴 …); every ID is unique within one township.
 */
import type { Person, Sex } from './model';
import { makeId } from './idnumber';
import type { Prng } from './prng';

const SURNAMES = ['杨', '杨', '杨', '龙', '龙', '蓝', '蓝', '刘', '吴', '雷', '戴', '肖', '李', '陈', '罗', '谢', '唐'];
const MALE = [
  '昌明',
  '志华',
  '德才',
  '光荣',
  '永富',
  '国华',
  '正清',
  '世文',
  '春生',
  '和平',
  '家旺',
  '登科',
  '桂生',
  '顺林',
  '老三',
  '明生',
  '宏斌',
  '建军',
  '再兴',
  '玉林',
  '海龙',
  '运祥',
];
const FEMALE = [
  '秀英',
  '桂花',
  '翠兰',
  '春梅',
  '玉莲',
  '金凤',
  '冬梅',
  '小红',
  '美玲',
  '满妹',
  '银花',
  '菊香',
  '月娥',
  '凤英',
  '水莲',
  '梅花',
  '群英',
  '爱珍',
];

/** Hands out IDs that no other person of the township has. */
export class People {
  private readonly used = new Set<string>();

  constructor(
    private readonly rng: Prng,
    public readonly areaCode: string,
  ) {}

  birth(fromYear: number, toYear: number): string {
    const y = this.rng.int(fromYear, toYear);
    const m = this.rng.int(1, 12);
    const d = this.rng.int(1, 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  id(birth: string, sex: Sex, area = this.areaCode): string {
    for (;;) {
      const id = makeId(area, birth, this.rng.int(1, 999), sex);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  /** Reserve IDs made elsewhere (another township's shared household) so they are not reused. */
  reserve(id: string): void {
    this.used.add(id);
  }

  givenName(sex: Sex): string {
    return this.rng.pick(sex === '男' ? MALE : FEMALE);
  }

  surname(): string {
    return this.rng.pick(SURNAMES);
  }

  person(opts: { sex: Sex; from: number; to: number; relation: string; surname?: string }): Person {
    const birth = this.birth(opts.from, opts.to);
    return {
      name: (opts.surname ?? this.surname()) + this.givenName(opts.sex),
      id: this.id(birth, opts.sex),
      sex: opts.sex,
      birth,
      relation: opts.relation,
      covered: true,
    };
  }
}

export const birthYear = (p: Person): number => Number(p.birth.slice(0, 4));
