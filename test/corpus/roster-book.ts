/**
 * A small, plausible roster for the corpus to spoil: a merged title, one header row and a few
 * households whose amounts follow "standard minus income" under the default policy (3026
 * yuan/year). Independent of src/domain on purpose: the corpus is an oracle, not a mirror.
 */
import ExcelJS from 'exceljs';
import { checkChar } from '../../examples/sample/idnumber';
import { fixZipTimes } from './zip';

export const ROSTER_HEADERS = [
  '序号',
  '村',
  '户主姓名',
  '身份证号码',
  '性别',
  '家庭人口',
  '保障人数',
  '家庭月人均收入',
  '月保障金',
  '状态',
  '入户调查表',
  '入户调查签字',
  '最近复核日期',
  '备注',
] as const;
export type RosterHeader = (typeof ROSTER_HEADERS)[number];
export type RosterRow = Partial<Record<RosterHeader, ExcelJS.CellValue>>;

/** Household heads of the corpus: the privacy tests make sure none of them is ever printed. */
export const CORPUS_NAMES = [
  '杨秀英',
  '龙春梅',
  '刘建国',
  '蒋小华',
  '阳光明',
  '兰桂香',
  '戴正清',
  '肖德胜',
  '吴玉兰',
  '李满仓',
  '杨𪚥',
  '龙𠀀妹',
  '🌾 刘👨‍👩‍👧 一家',
] as const;

const VILLAGES = ['白云村', '清溪村', '金山村', '桃林村'];
const MONTHLY_STANDARD = 3026 / 12;

/** An 18-digit ID with a right check character, born in the 1950s–80s in 城步 (430529). */
export function corpusId(i: number): string {
  const year = 1950 + ((i * 7) % 35);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + ((i * 3) % 28)).padStart(2, '0');
  const seq = String(100 + ((i * 37) % 800)).padStart(3, '0');
  const first17 = `430529${year}${month}${day}${seq}`;
  return first17 + checkChar(first17);
}

const sexOf = (id: string) => (Number(id[16]) % 2 === 1 ? '男' : '女');

/** Household i, with nothing wrong in the columns it has (on the default reference date). */
export function household(i: number): RosterRow {
  const id = corpusId(i);
  const size = 1 + (i % 4);
  const income = 60 + ((i * 23) % 150);
  return {
    序号: i + 1,
    村: VILLAGES[i % VILLAGES.length],
    户主姓名: CORPUS_NAMES[i % 10],
    身份证号码: id,
    性别: sexOf(id),
    家庭人口: size,
    保障人数: size,
    家庭月人均收入: income,
    月保障金: Math.round((MONTHLY_STANDARD - income) * size * 100) / 100,
    状态: '原有',
    入户调查表: '有',
    入户调查签字: '已签字',
    最近复核日期: new Date(Date.UTC(2017, 11, 1)),
    备注: '',
  };
}

export interface RosterOptions {
  sheetName?: string;
  households?: number;
  headers?: readonly string[];
  /** The header text written for a column (default: the header itself). */
  label?: (header: string) => string;
  /** A merged title row above the header (default true). */
  title?: boolean;
  /** Change household i before it is written (values are ExcelJS cell values). */
  edit?: (row: RosterRow, i: number) => void;
}

/** Adds a roster sheet; returns it and the Excel row of its first household. */
export function addRoster(
  wb: ExcelJS.Workbook,
  opts: RosterOptions = {},
): { ws: ExcelJS.Worksheet; firstDataRow: number } {
  const ws = wb.addWorksheet(opts.sheetName ?? '花名册');
  const headers = opts.headers ?? ROSTER_HEADERS;
  let r = 1;
  if (opts.title !== false) {
    ws.getCell(1, 1).value = '城步苗族自治县儒林镇农村低保对象花名册';
    ws.mergeCells(1, 1, 1, headers.length);
    r = 2;
  }
  headers.forEach((h, c) => (ws.getCell(r, c + 1).value = opts.label ? opts.label(h) : h));
  const firstDataRow = r + 1;
  const n = opts.households ?? 6;
  for (let i = 0; i < n; i++) {
    const row = household(i);
    opts.edit?.(row, i);
    headers.forEach((h, c) => {
      // Own keys only: a header named "__proto__" must not read Object.prototype.
      const v = Object.hasOwn(row, h) ? row[h as RosterHeader] : undefined;
      if (v !== undefined && v !== '') ws.getCell(firstDataRow + i, c + 1).value = v;
    });
  }
  return { ws, firstDataRow };
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates: the corpus is the same bytes on every run.
  wb.created = wb.modified = new Date(Date.UTC(2018, 0, 15));
  wb.creator = wb.lastModifiedBy = 'corpus';
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return fixZipTimes(new Uint8Array(await wb.xlsx.writeBuffer()));
}
