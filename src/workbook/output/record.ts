/**
 * The mark record: for every cell the tool marked, what its fill and note were before, kept in a
 * very hidden sheet inside the workbook itself so that clearing works after save and reopen, on
 * another computer, in Excel or on the command line.
 *
 * Layout of MARK_RECORD_SHEET: row 1 headers, then one row per cell:
 *   A sheet name | B address | C fill as JSON ("" = none) | D… note as JSON ("" = none), split
 *   over as many columns as needed because a cell holds at most 32,767 characters.
 */
import type ExcelJS from 'exceljs';
import { MARK_RECORD_SHEET } from '../host';

export interface RecordedCell {
  sheet: string;
  address: string;
  /** JSON of the ExcelJS fill object before marking, or undefined when the cell had none. */
  fill?: string;
  /** JSON of the ExcelJS note (string or rich note object) before marking, or undefined. */
  note?: string;
}

const HEADERS = ['工作表 sheet', '单元格 cell', '原填充 fill', '原批注 note'];
const CHUNK = 32_000;

export function findRecordSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name === MARK_RECORD_SHEET);
}

export function readRecord(wb: ExcelJS.Workbook): RecordedCell[] {
  const ws = findRecordSheet(wb);
  if (!ws) return [];
  const out: RecordedCell[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const sheet = text(row.getCell(1).value);
    const address = text(row.getCell(2).value);
    if (!sheet || !address) return;
    const fill = text(row.getCell(3).value);
    let note = '';
    for (let c = 4; c <= row.cellCount; c++) note += text(row.getCell(c).value);
    out.push({ sheet, address, fill: fill || undefined, note: note || undefined });
  });
  return out;
}

/** Replaces any earlier record. */
export function writeRecord(wb: ExcelJS.Workbook, cells: RecordedCell[]): void {
  removeRecord(wb);
  const ws = wb.addWorksheet(MARK_RECORD_SHEET, { state: 'veryHidden' });
  // Strings only: ExcelJS writes them as shared strings, never as formulas.
  for (const row of recordRows(cells)) ws.addRow(row);
}

/** The record's rows, headers first: the same for every writer (ExcelJS here, the patcher in xlsx/). */
export function recordRows(cells: RecordedCell[]): string[][] {
  const rows = [HEADERS];
  for (const c of cells) {
    const row: string[] = [c.sheet, c.address, c.fill ?? ''];
    const note = c.note ?? '';
    for (let i = 0; i < note.length; i += CHUNK) row.push(note.slice(i, i + CHUNK));
    rows.push(row);
  }
  return rows;
}

export function removeRecord(wb: ExcelJS.Workbook): void {
  const ws = findRecordSheet(wb);
  if (ws) wb.removeWorksheet(ws.id);
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}
