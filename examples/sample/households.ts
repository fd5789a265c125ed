/**
 * Clean households: members, income and a benefit paid exactly to the standard
 * (按标施保：max(0, S − I) × 保障人数, to the fen). Plants start from these and break one thing.
 */
import type { Household, Person } from './model';
import { People, birthYear } from './people';
import type { Prng } from './prng';

/** Hunan 2017 rural standard: 3026 yuan/year, written in the roster as 252.17 a month. */
export const MONTHLY_STANDARD = 252.17;

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

export function expectedBenefit(standard: number, perCapitaIncome: number, covered: number): number {
  return round2(Math.max(0, standard - perCapitaIncome) * covered);
}

const HARDSHIP = ['缺劳力', '缺技术', '因学', '年老体弱', '因灾', '缺资金'];
const YES_PAPER = ['√', '√', '√', '有', '是', '齐全'];
const YES_SIGNED = ['已签字', '√', '是', '已签'];

export class HouseholdMaker {
  constructor(
    private readonly rng: Prng,
    readonly people: People,
  ) {}

  /** Members of a family of `size`: head first, then spouse, children, a parent. */
  family(size: number): Person[] {
    const rng = this.rng;
    const surname = this.people.surname();
    if (size === 1) {
      const sex = rng.chance(0.6) ? '男' : '女';
      return [this.people.person({ sex, from: 1932, to: 1960, relation: '本人', surname })];
    }
    const head = this.people.person({ sex: '男', from: 1945, to: 1982, relation: '本人', surname });
    const hy = birthYear(head);
    const members: Person[] = [head];
    members.push(this.people.person({ sex: '女', from: hy - 2, to: hy + 4, relation: rng.pick(['配偶', '妻']) }));
    const children = size >= 4 ? 2 : size - 2;
    for (let i = 0; i < children; i++) {
      const sex = rng.chance(0.5) ? '男' : '女';
      const from = Math.min(hy + 22 + i * 3, 2012);
      const relation = sex === '男' ? (i === 0 ? '长子' : '次子') : i === 0 ? '长女' : '次女';
      members.push(this.people.person({ sex, from, to: Math.min(from + 6, 2014), relation, surname }));
    }
    if (size >= 5) members.push(this.people.person({ sex: '女', from: hy - 30, to: hy - 22, relation: '母亲' }));
    while (members.length < size) {
      members.push(this.people.person({ sex: '男', from: 2008, to: 2015, relation: '孙子', surname }));
    }
    return members;
  }

  /** A household with complete paperwork, recent review, income below the standard. */
  clean(village: string, size: number): Household {
    const rng = this.rng;
    const members = this.family(size);
    const review = new Date(Date.UTC(2017, rng.int(7, 11), rng.int(1, 28)));
    const bottomLine = size <= 2 && rng.chance(0.4);
    const h: Household = {
      village,
      group: `${rng.int(1, 12)}组`,
      members,
      householdSize: size,
      coveredPersons: size,
      annualIncome: rng.int(6, 22) * 100 * size,
      monthlyIncome: null,
      standard: MONTHLY_STANDARD,
      category: rng.pick(['A类', 'B类', 'B类', 'C类']),
      benefit: null,
      supplement: 0,
      status: '原有',
      bottomLine,
      registeredPoor: bottomLine || rng.chance(0.2),
      singleReason: '',
      hardshipCause: rng.pick(HARDSHIP),
      disabilityCert: '',
      vehicle: rng.pick(['', '无']),
      housing: rng.pick(['', '无']),
      business: rng.pick(['', '无']),
      payroll: rng.pick(['', '否']),
      cadreRelative: rng.pick(['', '否']),
      relativeFiled: '',
      application: rng.pick(YES_PAPER),
      declaration: rng.pick(YES_PAPER),
      visitForm: rng.pick(YES_PAPER),
      visitSigned: rng.pick(YES_SIGNED),
      authorization: rng.pick(YES_PAPER),
      authorizationSigned: rng.pick(YES_SIGNED),
      idCopies: rng.pick(YES_PAPER),
      medicalProof: '',
      review: '√',
      publicity: rng.pick(['√', '已']),
      verification: '通过',
      revisit: rng.pick(['是', '√']),
      lastReview: this.reviewSpelling(review),
      ableBodied: rng.pick(['否', '否', '是']),
      deathDate: '',
      note: '',
    };
    settle(h);
    return h;
  }

  /** Dates as clerks write them: date cells mostly, sometimes text in four spellings. */
  private reviewSpelling(d: Date): Date | string {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    const p = (n: number) => String(n).padStart(2, '0');
    switch (this.rng.int(0, 7)) {
      case 0:
        return `${y}.${m}.${day}`;
      case 1:
        return `${y}年${m}月${day}日`;
      case 2:
        return `${y}/${m}/${day}`;
      case 3:
        return `${y}${p(m)}${p(day)}`;
      default:
        return d;
    }
  }
}

/** Recompute counts, per-capita income and the correct benefit from the members and income. */
export function settle(h: Household): void {
  h.householdSize = h.members.length;
  h.coveredPersons = h.members.filter((m) => m.covered).length;
  if (typeof h.annualIncome === 'number') h.monthlyIncome = round2(h.annualIncome / 12 / h.members.length);
  if (h.monthlyIncome !== null) h.benefit = expectedBenefit(h.standard, h.monthlyIncome, h.coveredPersons);
}
