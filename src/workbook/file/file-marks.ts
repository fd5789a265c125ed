/**
 * Marks on an ExcelJS workbook (DOMAIN §7, UX "Marks on the sheet"): a solid fill and a note per
 * cell at fault, reversible exactly. Only fills and notes are touched: never values, fonts,
 * number formats or widths.
 */
import type ExcelJS from 'exceljs';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER, type CellMark, type MarkOutcome, type ProgressFn } from '../host';
import { parseRecordRows, recordRows, type RecordedCell } from '../output/record';
import { excelFillFromRecord, noteFromRecord, noteToRecord, type RecordNote as Note } from '../output/record-values';
import { isOurArgbFill, ourNoteText, withoutOurNote } from '../output/mark-primitives';

const PROGRESS_EVERY = 500;

export function markFill(severity: CellMark['severity']): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[severity] } };
}

export function applyMarks(wb: ExcelJS.Workbook, marks: CellMark[], onProgress?: ProgressFn): MarkOutcome {
  clearMarks(wb);
  const recorded: RecordedCell[] = [];
  const seen = new Set<string>();
  let done = 0;
  for (const m of marks) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) continue;
    const cell = ws.getCell(m.row, m.col);
    const key = `${ws.name}\u0000${cell.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const before = cell.note as Note | undefined;
    recorded.push({
      sheet: ws.name,
      address: cell.address,
      fill: cell.fill ? JSON.stringify(cell.fill) : undefined,
      note: noteToRecord(before),
    });
    setFill(cell, markFill(m.severity));
    cell.note = withOurNote(before, ourNoteText(m.lines));
    if (++done % PROGRESS_EVERY === 0) onProgress?.({ phase: 'mark', done, total: marks.length, sheet: ws.name });
  }
  if (recorded.length) writeRecord(wb, recorded);
  onProgress?.({ phase: 'mark', done, total: marks.length });
  return { cells: recorded.length, notes: true };
}

/**
 * Gives every recorded cell its earlier fill and note back and drops the record; generated sheets
 * stay. A fill or note the clerk changed after marking is theirs now and is left alone, except
 * that our own note text is always removed.
 */
export function clearMarks(wb: ExcelJS.Workbook): number {
  const recorded = readRecord(wb);
  let restored = 0;
  for (const r of recorded) {
    const ws = wb.getWorksheet(r.sheet);
    // An unreadable earlier fill or note (a hand-edited record) counts as none: our mark goes.
    if (!ws) continue;
    const cell = ws.getCell(r.row, r.col);
    if (isOurArgbFill(cell.fill)) setFill(cell, excelFillFromRecord(r.fill));
    restoreNote(cell, noteFromRecord(r.note));
    restored++;
  }
  removeRecord(wb);
  return restored;
}

const findRecordSheet = (wb: ExcelJS.Workbook) => wb.worksheets.find((ws) => ws.name === MARK_RECORD_SHEET);

function readRecord(wb: ExcelJS.Workbook) {
  const ws = findRecordSheet(wb);
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((row, r) => {
    const texts: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) texts.push(text(row.getCell(c).value));
    rows[r - 1] = texts;
  });
  return parseRecordRows(rows);
}

/** Replaces any earlier record. */
function writeRecord(wb: ExcelJS.Workbook, cells: RecordedCell[]): void {
  removeRecord(wb);
  const ws = wb.addWorksheet(MARK_RECORD_SHEET, { state: 'veryHidden' });
  // Strings only: ExcelJS writes them as shared strings, never as formulas.
  for (const row of recordRows(cells)) ws.addRow(row);
}

function removeRecord(wb: ExcelJS.Workbook): void {
  const ws = findRecordSheet(wb);
  if (ws) wb.removeWorksheet(ws.id);
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/**
 * Loaded cells with the same style share one style object in ExcelJS, and so do the cells of a
 * merged area: assigning cell.fill would repaint all of them. Give the cell its own copy first.
 */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
  // ExcelJS keeps the style id of the last save on the cell's value model and does not replace it
  // when the new style is the default one: mark → save → clear → save would bring the mark back.
  const saved = (cell as unknown as { _value?: { model?: { styleId?: number } } })._value?.model;
  if (saved) delete saved.styleId;
}

/** The text of a note as ExcelJS holds it (plain or rich). */
function plainNoteText(note: Note | undefined): string {
  if (note === undefined) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** The clerk's own note stays first; ours follows after a blank line. */
function withOurNote(before: Note | undefined, ours: string): Note {
  if (before === undefined || plainNoteText(before) === '') return ours;
  if (typeof before === 'string') return `${before}\n\n${ours}`;
  return { ...before, texts: [...(before.texts ?? []), { text: `\n\n${ours}` }] };
}

function restoreNote(cell: ExcelJS.Cell, before: Note | undefined): void {
  const now = cell.note as Note | undefined;
  const current = plainNoteText(now);
  if (!current.includes(NOTE_HEADER)) return;
  const remaining = withoutOurNote(current);
  if (remaining === plainNoteText(before)) setNote(cell, before);
  else setNote(cell, remaining === '' ? undefined : remaining);
}

function setNote(cell: ExcelJS.Cell, note: Note | undefined): void {
  if (note !== undefined) {
    cell.note = note;
    return;
  }
  // ExcelJS has no public way to delete a note: `cell.note = undefined` writes an empty comment,
  // and a note loaded from a file also sits in the cell's value model, which is what gets saved.
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internals._comment = undefined;
  if (internals._value?.model) delete internals._value.model.comment;
}
