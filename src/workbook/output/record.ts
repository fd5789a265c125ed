/**
 * The mark record, defined once for every host (the file host over ExcelJS, the xlsx patcher,
 * Office.js, WPS): for every cell the tool marked, what its fill and note were before, kept in the
 * very hidden sheet MARK_RECORD_SHEET inside the workbook itself, so that clearing works after
 * save and reopen, on another computer, in any host. A host only reads the sheet's cells as text
 * and writes the rows made here; fills and notes in each host's own terms are record-values.ts.
 *
 * Layout (the only one there has been; its header row names it):
 *   row 1: 工作表 sheet | 单元格 cell | 原填充 fill | 原批注 note
 *   then one row per marked cell: A sheet name · B A1 address ("N7") · C the fill before, as the
 *   JSON of an ExcelJS fill ("" = none) · D… the note before, as the JSON of an ExcelJS note (a
 *   string or { texts: [...] }; "" = none), split over as many columns as needed because a cell
 *   holds at most 32,767 characters. Every cell is text.
 * A row may be empty: 边改边查 empties the rows of cells it re-marks or that were deleted and
 * appends new rows after the last one. The record is a sheet of the workbook and may be edited by
 * hand: a row that names no cell is skipped.
 */
import { a1, parseA1 } from '../../domain/grid';
import { shiftedCell, type CellShift } from '../cell-shift';

export const RECORD_HEADERS = ['工作表 sheet', '单元格 cell', '原填充 fill', '原批注 note'];
/** 0-based columns of a record row: what 边改边查 rewrites in place. */
export const RECORD_COLUMN = { sheet: 0, address: 1 } as const;
const NOTE_CHUNK = 32_000;

/** One marked cell as the record keeps it. */
export interface RecordedCell {
  sheet: string;
  /** A1 address, "N7". */
  address: string;
  /** JSON of the ExcelJS fill before marking; undefined when the cell had none. */
  fill?: string;
  /** JSON of the ExcelJS note (string or rich note) before marking; undefined when none. */
  note?: string;
}

/** A recorded cell as read back: where it is (1-based) and at which 0-based row of the record. */
export interface RecordEntry extends RecordedCell {
  row: number;
  col: number;
  at: number;
}

/** A1 address of a 1-based cell, as the record writes it. */
export const recordAddress = (row: number, col: number) => a1(row - 1, col - 1);

/**
 * The record's rows: headers first unless appending (`headers` false); `rectangular` pads every
 * row to the widest (the Office and WPS hosts write one block).
 */
export function recordRows(cells: RecordedCell[], opts: { headers?: boolean; rectangular?: boolean } = {}): string[][] {
  const rows = opts.headers === false ? [] : [RECORD_HEADERS];
  for (const c of cells) {
    const row = [c.sheet, c.address, c.fill ?? ''];
    const note = c.note ?? '';
    for (let i = 0; i < note.length; i += NOTE_CHUNK) row.push(note.slice(i, i + NOTE_CHUNK));
    rows.push(row);
  }
  if (!opts.rectangular) return rows;
  const width = Math.max(RECORD_HEADERS.length, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/**
 * The record sheet's rows as text (index = 0-based sheet row; a missing row is empty) → the
 * recorded cells. The header row is skipped, and so is any row without a sheet name or a cell
 * address inside Excel's grid.
 */
export function parseRecordRows(rows: readonly (readonly string[] | undefined)[]): RecordEntry[] {
  const out: RecordEntry[] = [];
  for (let at = 1; at < rows.length; at++) {
    const texts = rows[at];
    if (!texts) continue;
    const [sheet, address = '', fill = ''] = texts;
    const cell = parseA1(address);
    if (!sheet || !cell) continue;
    const note = texts.slice(3).join('');
    out.push({
      sheet,
      address,
      fill: fill || undefined,
      note: note || undefined,
      row: cell.r + 1,
      col: cell.c + 1,
      at,
    });
  }
  return out;
}

/** Sheet names as Excel matches them, ignoring case. */
const sameSheet = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Cells of `sheet` were inserted or deleted: the record's rows to rewrite (their new address) and
 * the rows of cells deleted (to empty), so that clearing finds each cell where Excel moved it.
 */
export function shiftRecord(
  entries: RecordEntry[],
  sheet: string,
  shift: CellShift,
): { moved: { at: number; address: string }[]; gone: number[] } {
  const moved: { at: number; address: string }[] = [];
  const gone: number[] = [];
  for (const e of entries) {
    if (!sameSheet(e.sheet, sheet)) continue;
    const to = shiftedCell(e.row, e.col, shift);
    if (!to) gone.push(e.at);
    else if (to.row !== e.row || to.col !== e.col) moved.push({ at: e.at, address: recordAddress(to.row, to.col) });
  }
  return { moved, gone };
}

/** A sheet was renamed: the record's rows naming it (they get the new name). */
export function rowsOfSheet(entries: RecordEntry[], sheet: string): number[] {
  return entries.filter((e) => sameSheet(e.sheet, sheet)).map((e) => e.at);
}
