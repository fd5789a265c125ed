/**
 * Synthetic rosters for benchmarks: N households with a member sheet (2–4 members each) and a
 * death list, as grids (the engine's input), deterministic. About 1 row in 10 breaks a rule.
 */
import type { Cell, SheetGrid, WorkbookGrid } from '../src/domain/grid';
import { checkDigit } from '../src/domain/idcard';

export const BENCH_HEADERS = [
  '序号',
  '村',
  '组',
  '户主姓名',
  '身份证号码',
  '性别',
  '家庭人口',
  '保障人数',
  '家庭月人均收入',
  '低保标准',
  '保障类别',
  '月保障金',
  '状态',
  '兜底对象',
  '建档立卡',
  '单人保原因',
  '致贫原因',
  '残疾证号',
  '机动车辆',
  '商品房',
  '营业执照',
  '财政供养人员',
  '干部近亲属',
  '近亲属备案',
  '申请书',
  '家庭经济状况申报表',
  '入户调查表',
  '入户调查签字',
  '授权委托书',
  '授权书签字',
  '身份证复印件',
  '病残证明',
  '民主评议',
  '公示',
  '核对结果',
  '入户复核',
  '最近复核日期',
  '有劳动能力',
  '死亡日期',
  '备注',
];

const s = (v: string): Cell => ({ v, t: 'string' });
const n = (v: number): Cell => ({ v, t: 'number' });

/** A unique valid ID per (household, person): birth day and sequence number both vary with i. */
function idFor(i: number, person: number): string {
  const day = new Date(Date.UTC(1940, 0, 1) + (i % 21900) * 86400000);
  const block = Math.floor(i / 21900);
  const seq = String(block * 5 + person).padStart(3, '0');
  const ymd = day.toISOString().slice(0, 10).replace(/-/g, '');
  const body = `430529${ymd}${seq}`;
  return body + checkDigit(body);
}

const VILLAGES = ['白云村', '清溪村', '兰蓉村', '金紫村', '大阳村', '丹口村', '长安村', '茅坪村'];
const SURNAMES = ['杨', '龙', '蓝', '刘', '吴', '肖', '戴', '雷'];

export function syntheticWorkbook(households: number): WorkbookGrid {
  const yes = s('是');
  const no = s('否');
  const has = s('有');
  const signed = s('已签');
  const passed = s('通过');
  const existing = s('原有');
  const reviewed = s('2017-10-01');
  const rows: (Cell | undefined)[][] = [
    [s('城步苗族自治县某镇农村低保对象花名册')],
    [s('填报单位：某镇人民政府')],
    BENCH_HEADERS.map(s),
  ];
  const memberRows: (Cell | undefined)[][] = [
    [s('户主身份证号'), s('姓名'), s('身份证号'), s('与户主关系'), s('是否保障对象')],
  ];
  const deathRows: (Cell | undefined)[][] = [[s('姓名'), s('身份证号码'), s('死亡日期')]];
  for (let i = 0; i < households; i++) {
    const size = 2 + (i % 3);
    const income = 50 + (i % 150);
    const benefit = Math.round((3026 / 12 - income) * size * 100) / 100;
    const headId = idFor(i, 0);
    const broken = i % 10 === 7;
    const row: (Cell | undefined)[] = [
      n(i + 1),
      s(VILLAGES[i % VILLAGES.length]),
      s(`${1 + (i % 9)}组`),
      s(`${SURNAMES[i % 8]}某${i}`),
      s(headId),
      s(Number(headId[16]) % 2 ? '男' : '女'),
      n(size),
      n(size),
      n(income),
      undefined,
      undefined,
      n(broken ? benefit + 20 : benefit),
      existing,
      no,
      yes,
      undefined,
      undefined,
      undefined,
      broken ? s('小轿车') : no,
      no,
      no,
      no,
      no,
      undefined,
      has,
      has,
      has,
      broken ? undefined : signed,
      has,
      signed,
      has,
      undefined,
      yes,
      yes,
      passed,
      undefined,
      reviewed,
      no,
      undefined,
      undefined,
    ];
    rows.push(row);
    for (let p = 0; p < size; p++) {
      const id = p === 0 ? headId : idFor(i, p);
      memberRows.push([s(headId), s(`成员${p}`), s(id), s(p === 0 ? '本人' : p === 1 ? '配偶' : '子'), yes]);
      if (i % 97 === 5 && p === 1) deathRows.push([s('某'), s(id), s('2017-05-01')]);
    }
  }
  rows.push([undefined, undefined, undefined, s('合计')]);
  const sheets: SheetGrid[] = [
    { name: '花名册', rows },
    { name: '家庭成员', rows: memberRows },
    { name: '死亡名单', rows: deathRows },
  ];
  return { sheets };
}
