/**
 * The roster sheet as a township clerk builds it: merged title, 填报单位 line, two header rows
 * (档案材料 spanning the paperwork columns, the rest merged vertically), headers that mix
 * canonical names and aliases, a 合计 row and signature lines.
 */
import type ExcelJS from 'exceljs';
import type { Household } from './model';
import { head } from './model';

type CellValue = string | number | Date | null;

interface RosterColumn {
  key: string;
  header: string;
  width: number;
  /** Header of the group spanning this column in the upper header row. */
  group?: string;
  numFmt?: string;
  value(h: Household, seq: number, township: string): CellValue;
}

const text = (s: string): CellValue => (s === '' ? null : s);
const yesNo = (b: boolean): string => (b ? '是' : '否');
const dateCell = (s: string): CellValue => (s ? new Date(s + 'T00:00:00Z') : null);
const PAPER = '档案材料';

export const ROSTER_COLUMNS: RosterColumn[] = [
  { key: 'seq', header: '序号', width: 5, value: (_h, seq) => seq },
  { key: 'township', header: '乡镇', width: 8, value: (_h, _s, t) => t },
  { key: 'village', header: '村（社区）', width: 8, value: (h) => h.village },
  { key: 'group', header: '村民小组', width: 6, value: (h) => h.group },
  { key: 'headName', header: '户主姓名', width: 8, value: (h) => head(h).name },
  { key: 'headId', header: '身份证号码', width: 20, value: (h) => h.headIdCell ?? head(h).id },
  { key: 'gender', header: '性别', width: 5, value: (h) => h.genderCell ?? head(h).sex },
  { key: 'householdSize', header: '家庭\n人口数', width: 6, value: (h) => h.householdSize },
  { key: 'coveredPersons', header: '保障人口', width: 6, value: (h) => h.coveredPersons },
  { key: 'annualIncome', header: '家庭年纯收入（元）', width: 10, value: (h) => h.annualIncome },
  {
    key: 'monthlyIncome',
    header: '家庭月人均\n收入（元）',
    width: 10,
    numFmt: '0.00',
    value: (h) => h.monthlyIncome,
  },
  { key: 'standard', header: '低保标准（元）', width: 8, numFmt: '0.00', value: (h) => h.standard },
  { key: 'category', header: '保障类别', width: 6, value: (h) => h.category },
  { key: 'benefit', header: '月保障金（元）', width: 10, numFmt: '0.00', value: (h) => h.benefit },
  { key: 'supplement', header: '分类施保金（元）', width: 8, numFmt: '0.00', value: (h) => h.supplement },
  { key: 'status', header: '新增/原有', width: 7, value: (h) => h.status },
  { key: 'bottomLine', header: '是否兜底', width: 6, value: (h) => yesNo(h.bottomLine) },
  { key: 'registeredPoor', header: '是否建档立卡', width: 7, value: (h) => yesNo(h.registeredPoor) },
  { key: 'singleReason', header: '单人保原因', width: 16, value: (h) => text(h.singleReason) },
  { key: 'hardshipCause', header: '致贫原因', width: 10, value: (h) => h.hardshipCause },
  { key: 'disabilityCert', header: '残疾证号', width: 22, value: (h) => text(h.disabilityCert) },
  { key: 'vehicle', header: '机动车辆', width: 8, value: (h) => text(h.vehicle) },
  { key: 'housing', header: '城镇商品房', width: 8, value: (h) => text(h.housing) },
  { key: 'business', header: '工商营业执照', width: 8, value: (h) => text(h.business) },
  { key: 'payroll', header: '财政供养人员', width: 8, value: (h) => text(h.payroll) },
  { key: 'cadreRelative', header: '经办人员或村干部近亲属', width: 10, value: (h) => text(h.cadreRelative) },
  { key: 'relativeFiled', header: '近亲属备案', width: 7, value: (h) => text(h.relativeFiled) },
  { key: 'application', header: '申请书', group: PAPER, width: 5, value: (h) => text(h.application) },
  { key: 'declaration', header: '申报表', group: PAPER, width: 5, value: (h) => text(h.declaration) },
  { key: 'visitForm', header: '入户调查表', group: PAPER, width: 6, value: (h) => text(h.visitForm) },
  { key: 'visitSigned', header: '被调查人签字', group: PAPER, width: 7, value: (h) => text(h.visitSigned) },
  { key: 'authorization', header: '授权委托书', group: PAPER, width: 6, value: (h) => text(h.authorization) },
  {
    key: 'authorizationSigned',
    header: '授权书签字',
    group: PAPER,
    width: 6,
    value: (h) => text(h.authorizationSigned),
  },
  { key: 'idCopies', header: '身份证复印件', group: PAPER, width: 7, value: (h) => text(h.idCopies) },
  { key: 'medicalProof', header: '病残证明', group: PAPER, width: 5, value: (h) => text(h.medicalProof) },
  { key: 'review', header: '民主评议', width: 5, value: (h) => text(h.review) },
  { key: 'publicity', header: '两榜公示', width: 5, value: (h) => text(h.publicity) },
  { key: 'verification', header: '核对结果', width: 6, value: (h) => text(h.verification) },
  { key: 'revisit', header: '入户复核', width: 5, value: (h) => text(h.revisit) },
  {
    key: 'lastReview',
    header: '最近复核日期',
    width: 11,
    numFmt: 'yyyy-mm-dd',
    value: (h) => (h.lastReview === '' ? null : h.lastReview),
  },
  { key: 'ableBodied', header: '有劳动能力', width: 6, value: (h) => h.ableBodied },
  { key: 'deathDate', header: '死亡日期', width: 10, numFmt: 'yyyy-mm-dd', value: (h) => dateCell(h.deathDate) },
  { key: 'note', header: '备注', width: 14, value: (h) => text(h.note) },
];

/** 1-based column of a roster field in the sample. */
export function rosterColumn(key: string): number {
  const i = ROSTER_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no roster column ${key}`);
  return i + 1;
}

export const TITLE_ROW = 1;
export const UNIT_ROW = 2;
export const HEADER_ROWS = [3, 4];
export const FIRST_DATA_ROW = 5;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
export const HEADER_FILL = 'FFD9D9D9';
const FONT = { name: '宋体', size: 10 };

export interface RosterText {
  title: string;
  unitLine: string;
  signatureLine: string;
  township: string;
}

/** Write the roster sheet; returns the Excel row of the 合计 row. */
export function writeRoster(ws: ExcelJS.Worksheet, households: Household[], t: RosterText): number {
  const n = ROSTER_COLUMNS.length;
  ws.columns = ROSTER_COLUMNS.map((c) => ({ width: c.width }));

  ws.getCell(TITLE_ROW, 1).value = t.title;
  ws.getCell(TITLE_ROW, 1).font = { name: '方正小标宋简体', size: 16, bold: true };
  ws.getCell(TITLE_ROW, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, n);
  ws.getRow(TITLE_ROW).height = 30;
  ws.getCell(UNIT_ROW, 1).value = t.unitLine;
  ws.getCell(UNIT_ROW, 1).font = FONT;
  ws.mergeCells(UNIT_ROW, 1, UNIT_ROW, n);

  const [upper, lower] = HEADER_ROWS;
  ROSTER_COLUMNS.forEach((c, i) => {
    const col = i + 1;
    if (c.group) {
      ws.getCell(upper, col).value = c.group;
      ws.getCell(lower, col).value = c.header;
    } else {
      ws.getCell(upper, col).value = c.header;
    }
    for (const r of HEADER_ROWS) {
      const cell = ws.getCell(r, col);
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    }
  });
  ROSTER_COLUMNS.forEach((c, i) => {
    if (!c.group) ws.mergeCells(upper, i + 1, lower, i + 1);
  });
  const groupCols = ROSTER_COLUMNS.map((c, i) => (c.group ? i + 1 : 0)).filter((c) => c > 0);
  ws.mergeCells(upper, groupCols[0], upper, groupCols[groupCols.length - 1]);
  ws.getRow(lower).height = 42;

  households.forEach((h, i) => {
    const r = FIRST_DATA_ROW + i;
    ROSTER_COLUMNS.forEach((c, j) => {
      const cell = ws.getCell(r, j + 1);
      const v = c.value(h, i + 1, t.township);
      if (v !== null) cell.value = v;
      // IDs and certificate numbers are text, as they must be (only the ID-04 plant is a number).
      if ((c.key === 'headId' || c.key === 'disabilityCert') && typeof v === 'string') cell.numFmt = '@';
      else if (c.numFmt && (typeof v === 'number' || v instanceof Date)) cell.numFmt = c.numFmt;
      cell.font = FONT;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: c.key === 'note' ? 'left' : 'center' };
    });
  });

  const last = FIRST_DATA_ROW + households.length - 1;
  const totals = last + 1;
  const sum = (key: string, pick: (h: Household) => unknown) => {
    const col = rosterColumn(key);
    const letter = ws.getColumn(col).letter;
    const result = households.reduce((s, h) => s + (typeof pick(h) === 'number' ? (pick(h) as number) : 0), 0);
    ws.getCell(totals, col).value = {
      formula: `SUM(${letter}${FIRST_DATA_ROW}:${letter}${last})`,
      result: Math.round(result * 100) / 100,
    };
  };
  ws.getCell(totals, 1).value = '合计';
  ws.getCell(totals, rosterColumn('headName')).value = `${households.length}户`;
  sum('householdSize', (h) => h.householdSize);
  sum('coveredPersons', (h) => h.coveredPersons);
  sum('benefit', (h) => h.benefit);
  for (let col = 1; col <= n; col++) {
    const cell = ws.getCell(totals, col);
    cell.font = { ...FONT, bold: true };
    cell.border = THIN;
    if (col === rosterColumn('benefit')) cell.numFmt = '0.00';
  }

  const sign = totals + 2;
  ws.getCell(sign, 1).value = t.signatureLine;
  ws.getCell(sign, 1).font = FONT;
  ws.mergeCells(sign, 1, sign, n);

  ws.views = [{ state: 'frozen', xSplit: 6, ySplit: HEADER_ROWS[1] }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}`,
  };
  return totals;
}
