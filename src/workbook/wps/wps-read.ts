/**
 * Reading every sheet of the active workbook through ET into the neutral grid, by blocks:
 *
 * - values: Range.Value2 of up to CELLS_PER_READ cells at a time (a 2-D array; never cell by
 *   cell), so 100,000 × 40 costs about twenty Value2 reads;
 * - number formats, only where the engine needs them (a number is a date when its format says
 *   so): per column, one NumberFormat read over each run of number cells; a run whose cells
 *   differ answers null and is halved until each part is uniform;
 * - merged areas: UsedRange.MergeCells is false for a sheet without merges (one call); otherwise
 *   halves are asked until a row, then cells, then MergeArea gives each area.
 */
import type { Cell, MergedRange, SheetGrid, WorkbookGrid } from '../../domain/grid';
import { a1 } from '../../domain/grid';
import { MARK_RECORD_SHEET, type ProgressFn } from '../host';
import { isDateFormat, serialToDate } from '../office/office-cells';
import { XL_SHEET, type EtApplication, type EtWorkbook, type EtWorksheet } from './et';
import { WpsError } from './wps-error';

/** Cells per Value2 read. */
export const CELLS_PER_READ = 200_000;

/** COM error codes (VT_ERROR scodes) as a Value2 of an error cell → the text Excel shows. */
const ERROR_CODES = new Map<number, string>([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
]);

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsError('wps-no-workbook');
  return wb;
}

/** Value2 of a block as rows × cols, whatever shape ET answers (a scalar for one cell). */
export function asMatrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  if (!Array.isArray(v)) throw new WpsError('wps-unknown-shape');
  return v as unknown[][];
}

export function readWorkbookEt(app: EtApplication, onProgress?: ProgressFn): WorkbookGrid {
  const sheets = activeWorkbook(app).Worksheets;
  const count = sheets.Count;
  const found: { ws: EtWorksheet; grid: SheetGrid }[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    const name = ws.Name;
    // The mark record is the tool's bookkeeping, not part of the roster (as in the other hosts).
    if (name === MARK_RECORD_SHEET) continue;
    const grid: SheetGrid = { name, rows: [] };
    if (ws.Visible !== XL_SHEET.visible) grid.hidden = true;
    found.push({ ws, grid });
  }
  const used = found.map(({ ws }) => usedArea(ws));
  const total = used.reduce((n, u) => n + (u?.rows ?? 0), 0);
  let done = 0;
  found.forEach(({ ws, grid }, i) => {
    const u = used[i];
    if (!u) return;
    readValues(ws, grid, u, (rows) => {
      done += rows;
      onProgress?.({ phase: 'read', done, total, sheet: grid.name });
    });
    const merges = mergedAreas(ws, u);
    if (merges.length) grid.merges = merges;
  });
  return { sheets: found.map((f) => f.grid) };
}

/** 1-based first row/column and size of the used range; undefined for an empty sheet. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function usedArea(ws: EtWorksheet): Area | undefined {
  const u = ws.UsedRange;
  const area = { row: u.Row, col: u.Column, rows: u.Rows.Count, cols: u.Columns.Count };
  // An empty sheet's used range is A1 alone.
  if (area.rows === 1 && area.cols === 1 && isEmpty(u.Value2)) return undefined;
  return area;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

const rangeAddress = (row: number, col: number, rows: number, cols: number) =>
  rows === 1 && cols === 1 ? a1(row - 1, col - 1) : `${a1(row - 1, col - 1)}:${a1(row + rows - 2, col + cols - 2)}`;

/** Read an area's values into rows of records of the area (raw numbers kept for the format pass). */
export function readMatrix(ws: EtWorksheet, u: Area, onRows?: (rows: number) => void): unknown[][] {
  const out: unknown[][] = [];
  const step = Math.max(1, Math.floor(CELLS_PER_READ / u.cols));
  for (let start = 0; start < u.rows; start += step) {
    const n = Math.min(step, u.rows - start);
    const m = asMatrix(ws.Range(rangeAddress(u.row + start, u.col, n, u.cols)).Value2, n, u.cols);
    for (const row of m) out.push(row);
    onRows?.(n);
  }
  return out;
}

function readValues(ws: EtWorksheet, grid: SheetGrid, u: Area, onRows: (rows: number) => void): void {
  const m = readMatrix(ws, u, onRows);
  for (let r = grid.rows.length; r < u.row - 1 + u.rows; r++) grid.rows.push([]);
  const numbers: number[][] = Array.from({ length: u.cols }, () => []);
  m.forEach((values, i) => {
    const row = grid.rows[u.row - 1 + i];
    for (let j = 0; j < u.cols; j++) {
      const v = values[j];
      if (isEmpty(v)) continue;
      const c = u.col - 1 + j;
      if (typeof v === 'number') {
        const error = ERROR_CODES.get(v);
        if (error) row[c] = { v: error, t: 'error' };
        else numbers[j].push(i);
        continue;
      }
      if (typeof v === 'boolean') row[c] = { v, t: 'boolean' };
      else row[c] = { v: String(v), t: 'string' };
    }
  });
  numbers.forEach((rows, j) => {
    if (!rows.length) return;
    const formats = columnFormats(ws, u, j, rows, m);
    rows.forEach((i, k) => {
      const n = m[i][j] as number;
      const fmt = formats[k];
      const cell: Cell = isDateFormat(fmt) ? { v: serialToDate(n), t: 'date' } : { v: n, t: 'number' };
      if (fmt && fmt !== 'General' && fmt !== 'G/通用格式') cell.fmt = fmt;
      grid.rows[u.row - 1 + i][u.col - 1 + j] = cell;
    });
  });
}

/**
 * Number formats of a column's number cells (rows = their indices in the area, ascending).
 * Runs of number cells (blanks inside a run are harmless) are asked whole; a mixed answer halves
 * the run.
 */
function columnFormats(ws: EtWorksheet, u: Area, j: number, rows: number[], m: unknown[][]): string[] {
  const out = Array<string>(rows.length);
  const ask = (from: number, to: number) => {
    const top = rows[from];
    const bottom = rows[to];
    const f = ws.Range(rangeAddress(u.row + top, u.col + j, bottom - top + 1, 1)).NumberFormat;
    if (typeof f === 'string' || from === to) {
      out.fill(typeof f === 'string' ? f : 'General', from, to + 1);
      return;
    }
    const mid = (from + to) >> 1;
    ask(from, mid);
    ask(mid + 1, to);
  };
  // A run ends at a text cell between two numbers: its format is of no use and would mix.
  let start = 0;
  for (let k = 1; k <= rows.length; k++) {
    if (k < rows.length && !hasTextBetween(m, j, rows[k - 1], rows[k])) continue;
    ask(start, k - 1);
    start = k;
  }
  return out;
}

function hasTextBetween(m: unknown[][], j: number, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (!isEmpty(m[i][j])) return true;
  return false;
}

/** Merged areas of the used range, 0-based. */
function mergedAreas(ws: EtWorksheet, u: Area): MergedRange[] {
  const out: MergedRange[] = [];
  const covered = new Set<string>();
  const visit = (row: number, col: number, rows: number, cols: number) => {
    const single = rows === 1 && cols === 1;
    if (single && covered.has(`${row}:${col}`)) return;
    const r = ws.Range(rangeAddress(row, col, rows, cols));
    if (r.MergeCells === false) return;
    if (single) {
      const area = r.MergeArea;
      const top = area.Row;
      const left = area.Column;
      const height = area.Rows.Count;
      const width = area.Columns.Count;
      if (height * width < 2) return;
      for (let i = 0; i < height; i++) for (let k = 0; k < width; k++) covered.add(`${top + i}:${left + k}`);
      out.push({ top: top - 1, left: left - 1, bottom: top + height - 2, right: left + width - 2 });
      return;
    }
    if (rows > 1) {
      const half = rows >> 1;
      visit(row, col, half, cols);
      visit(row + half, col, rows - half, cols);
    } else {
      const half = cols >> 1;
      visit(row, col, rows, half);
      visit(row, col + half, rows, cols - half);
    }
  };
  visit(u.row, u.col, u.rows, u.cols);
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}
