/**
 * Builders for engine tests: a clean household row that breaks no rule, and a roster workbook
 * made of such rows with overrides. Values are as a clerk would type them.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/domain/grid';
import { sheetFromValues } from '../../src/domain/grid';
import { checkDigit } from '../../src/domain/idcard';
import { parsePolicy, type PolicyInput } from '../../src/domain/policy';
import { checkWorkbook, type CheckInput } from '../../src/domain/engine';
import { SYNTHETIC_HEADERS } from '../../src/domain/synthetic-roster';

export const HEADERS = SYNTHETIC_HEADERS;
export type Header = (typeof HEADERS)[number];
export type Row = Partial<Record<Header, CellValue | null>>;

/** A valid 18-digit ID: area 430529 (城步), the birth date given, a sequence and its check digit. */
export function makeId(birth = '19600315', seq = '123', area = '430529'): string {
  const body = area + birth + seq;
  return body + checkDigit(body);
}

let serial = 0;
/** A household with nothing wrong on 2018-01-15 under the 3026 yuan/year standard (252.17/month). */
export function cleanRow(over: Row = {}): Row {
  serial++;
  const seq = String(100 + (serial % 800)).padStart(3, '0');
  const id = makeId(`19${50 + (serial % 40)}0${1 + (serial % 9)}1${serial % 10}`, seq.slice(0, 2) + '1');
  return {
    序号: serial,
    村: '白云村',
    户主姓名: `杨${serial}`,
    身份证号码: id,
    性别: '男',
    家庭人口: 3,
    保障人数: 3,
    家庭月人均收入: 100,
    月保障金: 456.5, // (3026/12 − 100) × 3 = 456.50
    状态: '原有',
    兜底对象: '否',
    建档立卡: '是',
    申请书: '有',
    家庭经济状况申报表: '有',
    入户调查表: '有',
    入户调查签字: '已签',
    授权委托书: '有',
    授权书签字: '已签字',
    身份证复印件: '齐全',
    民主评议: '√',
    公示: '√',
    核对结果: '通过',
    最近复核日期: '2017-10-01',
    ...over,
  };
}

export function rosterSheet(rows: Row[], headers: readonly string[] = HEADERS, name = '花名册'): SheetGrid {
  const values: (CellValue | null | undefined)[][] = [
    ['城步苗族自治县儒林镇农村低保对象花名册'],
    ['填报单位：儒林镇人民政府'],
    [...headers],
    ...rows.map((r) => headers.map((h) => (r as Record<string, CellValue | null | undefined>)[h] ?? null)),
  ];
  return sheetFromValues(name, values);
}

/** Excel row of the i-th data row of rosterSheet (title, unit line, header → data from row 4). */
export const rowOf = (i: number) => 4 + i;

export function workbook(rows: Row[], extra: SheetGrid[] = [], headers: readonly string[] = HEADERS): WorkbookGrid {
  return { sheets: [rosterSheet(rows, headers), ...extra] };
}

/**
 * The fixtures' households are computed under 3026 yuan/year (the 2017 Hunan standard a county may
 * keep), given as the clerk's setting: the 2018 default would be 3200.
 */
export function check(wb: WorkbookGrid, policy: PolicyInput = {}, more: Partial<CheckInput> = {}) {
  const standard = policy.monthlyStandard === undefined ? { annualStandard: 3026 } : {};
  return checkWorkbook({ workbook: wb, policy: parsePolicy({ asOf: '2018-01-15', ...standard, ...policy }), ...more });
}
