/**
 * Test sheets shaped like real township rosters: merged title, "填报单位" line, one or two header
 * rows, a column-number row, blank rows, totals and signature lines. Values as ExcelJS reads them
 * (only the top-left cell of a merge holds the value).
 */
import { sheetFromValues } from '../../src/domain/grid';
import type { CellValue, MergedRange, SheetGrid } from '../../src/domain/grid';

type Row = (CellValue | null | undefined)[];

export const TITLE = '城步苗族自治县儒林镇农村低保对象花名册';

/** Fake but well-shaped IDs (shape only; these tests do not check the check digit). */
export function fakeId(n: number): string {
  return `430529${1950 + (n % 50)}0101${String(100 + (n % 900)).padStart(3, '0')}X`;
}

export function household(n: number): Row {
  return [n, '儒林村', `户主${n}`, fakeId(n), 3, 3, 150, 300, '是'];
}

export const SIMPLE_HEADER: Row = [
  '序号',
  '村（社区）',
  '户主姓名',
  '身份证号码',
  '家庭人口',
  '保障人数',
  '家庭月人均收入\n（元）',
  '月保障金\n（元）',
  '入户调查表',
];

/**
 * Row 0: merged title; row 1: 填报单位 / 日期; row 2: blank; row 3: header; row 4: column numbers;
 * rows 5–6 households, 7 blank, 8 household, 9 合计, 10 blank, 11–12 signature lines.
 */
export function messyRoster(name = '低保花名册'): SheetGrid {
  const width = SIMPLE_HEADER.length;
  const rows: Row[] = [
    [TITLE],
    ['填报单位：儒林镇人民政府（盖章）', null, null, null, null, null, '日期：2017年12月20日'],
    [],
    SIMPLE_HEADER,
    SIMPLE_HEADER.map((_, i) => i + 1),
    household(1),
    household(2),
    [],
    household(3),
    ['合  计', null, null, null, 9, 9, null, 900],
    [],
    ['制表人：王某', null, null, '审核人：李某', null, null, '分管领导：'],
    ['注：本表一式三份', null, null, null],
  ];
  const sheet = sheetFromValues(name, rows);
  sheet.merges = [{ top: 0, left: 0, bottom: 0, right: width - 1 }];
  return sheet;
}

/**
 * Two header rows: "档案材料" merged across four sub-columns in the upper row, the other columns
 * merged vertically over both rows (text in the upper row only).
 */
export function twoRowHeaderRoster(name = '花名册'): SheetGrid {
  const upper: Row = [
    '序号',
    '村（社区）',
    '户主姓名',
    '身份证号码',
    '月保障金\n（元）',
    '档案材料',
    null,
    null,
    null,
    '备注',
  ];
  const lower: Row = [null, null, null, null, null, '入户调查表', '入户调查签字', '授权委托书', '授权书签字', null];
  const rows: Row[] = [
    [TITLE],
    upper,
    lower,
    [1, '儒林村', '张三', fakeId(1), 300, '有', '已签', '有', '√', null],
    [2, '儒林村', '李四', fakeId(2), 250, '有', null, '无', null, '新增'],
  ];
  const merges: MergedRange[] = [
    { top: 0, left: 0, bottom: 0, right: 9 },
    { top: 1, left: 5, bottom: 1, right: 8 },
  ];
  for (const c of [0, 1, 2, 3, 4, 9]) merges.push({ top: 1, left: c, bottom: 2, right: c });
  const sheet = sheetFromValues(name, rows);
  sheet.merges = merges;
  return sheet;
}

/** 家庭成员 sheet: one row per person, linked by 户主身份证号. */
export function memberSheet(name = '家庭成员'): SheetGrid {
  return sheetFromValues(name, [
    ['户主身份证号', '姓名', '身份证号', '与户主关系', '是否保障对象'],
    [fakeId(1), '张三', fakeId(1), '本人', '是'],
    [fakeId(1), '王五', fakeId(11), '配偶', '是'],
    [fakeId(2), '李四', fakeId(2), '户主', '是'],
  ]);
}

export { sheetFromValues };
