/**
 * The neutral grid every host fills: a workbook as sheets of cells, no matter whether it came
 * from ExcelJS (command line, web page) or Office.js (the add-in).
 */

/** What a cell holds. A formula cell carries its cached result here and `formula` beside it. */
export type CellType = 'string' | 'number' | 'date' | 'boolean' | 'error';

export type CellValue = string | number | boolean | Date;

export interface Cell {
  /** Raw value. Dates are JS Dates (UTC midnight for whole days); errors are their code, e.g. "#N/A". */
  v: CellValue;
  t: CellType;
  /** Displayed text when the host knows it and it differs from String(v). */
  text?: string;
  /** Number format, e.g. "0.00" or "yyyy-mm-dd", when not General. */
  fmt?: string;
  /** True when the cell holds a formula (v is its cached result). */
  formula?: boolean;
  /** A formula the file carries without a result (written by a program, never calculated). */
  uncomputed?: boolean;
}

/** A rectangle of merged cells, 0-based inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based: Excel row r + 1, column c + 1. Missing entries are empty cells. */
  rows: (Cell | undefined)[][];
  merges?: MergedRange[];
  /** 0-based indices of hidden rows. */
  hiddenRows?: number[];
  /** Very hidden or hidden sheets (e.g. the tool's own mark record). */
  hidden?: boolean;
  /** Set by the readers when some cell is `uncomputed`, so the engine looks for them only then. */
  uncomputed?: boolean;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function cellAt(sheet: SheetGrid, r: number, c: number): Cell | undefined {
  const row = sheet.rows[r];
  return row ? row[c] : undefined;
}

/** The text a clerk sees in the cell ("" for empty). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const v = cell.v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

export function isBlank(cell: Cell | undefined): boolean {
  return !cell || (cell.t === 'string' && (cell.v as string).trim() === '');
}

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → "B7". */
export function a1(r: number, c: number): string {
  return columnLetters(c) + (r + 1);
}

/** Letters → 0-based column index (A → 0, AA → 26), in either case; -1 for "". */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0xdf) - 64;
  return n - 1;
}

/**
 * columnIndex() for the letters at bytes[from…] (ASCII, as in a cell's r attribute in XML), up to
 * the first byte that is not a letter: for the marked copy's patcher, which reads every cell of
 * a sheet without making a string per cell. -1 when no letter is there.
 */
export function columnIndexAt(bytes: Uint8Array, from: number): number {
  let n = 0;
  for (let i = from, c = bytes[i] & 0xdf; c >= 65 && c <= 90; c = bytes[++i] & 0xdf) n = n * 26 + c - 64;
  return n - 1;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;

/**
 * "B7" (either case, "$" allowed) → 0-based row and column, the inverse of a1(); undefined for
 * anything that is not one cell of Excel's grid ("A0", "XFE1", "B7:C8", free text).
 */
export function parseA1(address: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/.exec(address);
  if (!m) return undefined;
  const c = columnIndex(m[1]);
  const r = Number(m[2]) - 1;
  return c < LAST_COL && r < LAST_ROW ? { r, c } : undefined;
}

/**
 * "AB12", "AB" or "12" (either case, "$" allowed) → 0-based row and column, -1 for the part not
 * written (a whole column or row, as merges and dropdown ranges may be), with no bound: what lies
 * past Excel's grid is read so that it can be refused. undefined for anything else.
 */
export function parseRef(ref: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(ref);
  return m ? { r: m[2] ? Number(m[2]) - 1 : -1, c: columnIndex(m[1]) } : undefined;
}

/** Convenience for tests and generators: build a sheet from plain values. */
export function sheetFromValues(name: string, values: (CellValue | null | undefined)[][]): SheetGrid {
  return {
    name,
    rows: values.map((row) => row.map((v) => toCell(v))),
  };
}

export function toCell(v: CellValue | null | undefined): Cell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { v, t: 'string' };
  if (typeof v === 'number') return { v, t: 'number' };
  if (typeof v === 'boolean') return { v, t: 'boolean' };
  return { v, t: 'date' };
}
