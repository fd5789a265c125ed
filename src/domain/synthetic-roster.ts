/**
 * Synthetic rosters: N households with a member sheet (2–4 members each) and a death list, as
 * grids (the engine's input), deterministic. About 1 row in 10 breaks a rule; with
 * `faults: 'every'` every household breaks four (unsigned visit form and authorization, no
 * democratic review, no posting: a roster sent back half done), for the report's memory. The
 * benchmarks check them, and the web page's worker warms its code up on a small one while the
 * clerk chooses a file (taskpane/worker/warm-up.ts).
 */
import type { Cell, SheetGrid, WorkbookGrid } from './grid';
import { checkDigit } from './idcard';
import { hunanDefaultStandard } from './policy';

/** A county roster's columns as the engine's tests and the synthetic rosters write them. */
export const SYNTHETIC_HEADERS = [
  '序号',
  '村',
  '户主姓名',
  '身份证号码',
  '性别',
  '家庭人口',
  '保障人数',
  '家庭月人均收入',
  '家庭年收入',
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
] as const;
export type SyntheticHeader = (typeof SYNTHETIC_HEADERS)[number];

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

export type Faults = 'some' | 'every';

/**
 * The benefits are worked out on the standard a check of `asOf` uses by default, so only the
 * planted faults (one household in ten) are found, whatever the default year's figure is.
 */
export function syntheticWorkbook(households: number, asOf: string, faults: Faults = 'some'): WorkbookGrid {
  const annualStandard = hunanDefaultStandard(asOf).annual;
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
    SYNTHETIC_HEADERS.map(s),
  ];
  const memberRows: (Cell | undefined)[][] = [
    [s('户主身份证号'), s('姓名'), s('身份证号'), s('与户主关系'), s('是否保障对象')],
  ];
  const deathRows: (Cell | undefined)[][] = [[s('姓名'), s('身份证号码'), s('死亡日期')]];
  for (let i = 0; i < households; i++) {
    const size = 2 + (i % 3);
    const income = 50 + (i % 150);
    const benefit = Math.round((annualStandard / 12 - income) * size * 100) / 100;
    const headId = idFor(i, 0);
    const broken = i % 10 === 7;
    const undone = faults === 'every';
    const values: Partial<Record<SyntheticHeader, Cell>> = {
      序号: n(i + 1),
      村: s(VILLAGES[i % VILLAGES.length]),
      户主姓名: s(`${SURNAMES[i % 8]}某${i}`),
      身份证号码: s(headId),
      性别: s(Number(headId[16]) % 2 ? '男' : '女'),
      家庭人口: n(size),
      保障人数: n(size),
      家庭月人均收入: n(income),
      月保障金: n(broken ? benefit + 20 : benefit),
      状态: existing,
      兜底对象: no,
      建档立卡: yes,
      机动车辆: broken ? s('小轿车') : no,
      商品房: no,
      营业执照: no,
      财政供养人员: no,
      干部近亲属: no,
      申请书: has,
      家庭经济状况申报表: has,
      入户调查表: has,
      入户调查签字: broken || undone ? undefined : signed,
      授权委托书: has,
      授权书签字: undone ? undefined : signed,
      身份证复印件: has,
      民主评议: undone ? no : yes,
      公示: undone ? no : yes,
      核对结果: passed,
      最近复核日期: reviewed,
      有劳动能力: no,
    };
    const row = SYNTHETIC_HEADERS.map((h) => values[h]);
    rows.push(row);
    for (let p = 0; p < size; p++) {
      const id = p === 0 ? headId : idFor(i, p);
      memberRows.push([s(headId), s(`成员${p}`), s(id), s(p === 0 ? '本人' : p === 1 ? '配偶' : '子'), yes]);
      if (i % 97 === 5 && p === 1) deathRows.push([s('某'), s(id), s('2017-05-01')]);
    }
  }
  rows.push([undefined, undefined, s('合计')]);
  const sheets: SheetGrid[] = [
    { name: '花名册', rows },
    { name: '家庭成员', rows: memberRows },
    { name: '死亡名单', rows: deathRows },
  ];
  return { sheets };
}
