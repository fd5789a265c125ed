/**
 * Excel's own limits are the readers' limits: no real workbook has a cell past row 1,048,576 or
 * column XFD, and a file that claims one (a program's bug, or a file made to exhaust memory) is
 * refused at that cell, before anything is built for it. Shared by every reader (the command
 * line's own, the ExcelJS path's pre-scan, the web page, the Office host): no Node imports here.
 */
import { FileError } from './file/file-error';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** `where` is the cell ("ZZZZZZ5") or the row ("第400000000行" is built from `row`). */
export function beyondExcel(sheet: string, where: { cell: string } | { row: string }): FileError {
  const place = 'cell' in where ? `单元格 ${short(where.cell)} ` : `第 ${short(where.row)} 行`;
  const placeEn = 'cell' in where ? `cell ${short(where.cell)}` : `row ${short(where.row)}`;
  return new FileError(
    'beyond-limits',
    `工作表“${sheet}”的${place}超出 Excel 的范围（最多 1048576 行、16384 列即到 XFD 列），文件可能已损坏或由其他程序生成；请在 Excel 或 WPS 中打开、删除多余内容并另存后再试`,
    `${placeEn} of sheet "${sheet}" is beyond Excel's limits (1,048,576 rows, 16,384 columns up to XFD); the file may be damaged — open it in Excel or WPS, delete the stray content and save it again`,
  );
}

/** A reference as written in the file, kept short: it may be a thousand digits long. */
function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 20)}…` : text;
}

/**
 * The grid's cell budget: every cell read costs about this many bytes of the heap (the cell, its
 * place in the row, the share of shared strings): 38 measured on the 100,000-household roster
 * (167 MB for 4.4 million cells); session 2's engine grid of a million households was the same
 * (1.7 GB for 44 million).
 */
export const BYTES_PER_CELL = 40;

/**
 * What one cell kept costs against the budget: a text of its own (not a shared string, which is
 * held once) is charged as the cells its characters would fill, up to 2 bytes each, so a sheet of
 * long inline texts cannot grow the grid past the heap while staying under the count.
 */
export function cellCost(ownChars: number): number {
  return 1 + Math.floor((ownChars * 2) / BYTES_PER_CELL);
}

/** How many cells the grid may hold: half of what the heap allows, the rest for the check itself. */
export function cellBudgetFor(heapLimitBytes: number): number {
  return Math.floor((heapLimitBytes * 0.5) / BYTES_PER_CELL);
}

/** Where the budget ran out, and whether the command line's --sheet would help. */
export interface BudgetPlace {
  /** The sheet being read when the budget ran out. */
  sheet?: string;
  /** The command line, checking every roster sheet: --sheet reads the named ones first. */
  sheetOption?: boolean;
}

/** `file` is the file's name; the Office host has none (the open workbook). */
export function tooManyCells(file: string | undefined, budget: number, at: BudgetPlace = {}): FileError {
  const wan = Math.floor(budget / 1e4);
  const en = file ?? 'the workbook';
  const where = at.sheet ? `（读到工作表“${at.sheet}”时）` : '';
  const whereEn = at.sheet ? ` (reached in sheet "${at.sheet}")` : '';
  const zhWay = at.sheetOption
    ? '请按村（社区）拆分花名册，或用 --sheet 只核查其中一张花名册（如 --sheet 白云村），其余工作表只在容得下时读取'
    : '请按村（社区）拆分花名册，或删除花名册和成员表以外的工作表后再核查';
  const enWay = at.sheetOption
    ? 'split the roster by village, or check one roster sheet with --sheet NAME (the other sheets are then read only as far as they fit)'
    : 'split the roster by village, or remove the sheets other than the roster and the member sheet';
  return new FileError(
    'too-large',
    `${file ? `${file} 中` : '此工作簿'}的单元格超过本工具一次能核查的 ${wan} 万个${where}：${zhWay}`,
    `${en} holds more than the ${budget.toLocaleString('en-US')} cells one check can hold${whereEn}: ${enWay}`,
  );
}

/** The bytes really inflated passed the budget, whatever the zip's directory declared. */
export function expandsBeyond(max: number): FileError {
  const gb = (max / 1024 ** 3).toFixed(1);
  return new FileError(
    'too-large',
    `文件解压后超过 ${gb} GB，过大或可能是“压缩炸弹”，已拒绝打开；请拆分工作簿后再试`,
    `the file expands to more than ${gb} GB; refused (too large or a zip bomb)`,
  );
}
