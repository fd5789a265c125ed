/**
 * Marks on an ExcelJS workbook (DOMAIN §7, UX "Marks on the sheet"): a solid fill and a note per
 * cell at fault, reversible exactly. Only fills and notes are touched: never values, fonts,
 * number formats or widths.
 */
import type ExcelJS from 'exceljs';
import { MARK_FILLS, NOTE_HEADER, type CellMark, type MarkOutcome, type ProgressFn } from '../host';
import { readRecord, removeRecord, writeRecord, type RecordedCell } from '../output/record';
import { isOurArgbFill } from '../output/mark-primitives';

type Note = string | ExcelJS.Comment;

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
      note: before !== undefined ? JSON.stringify(before) : undefined,
    });
    setFill(cell, markFill(m.severity));
    cell.note = withOurNote(before, NOTE_HEADER + '\n' + m.lines.join('\n'));
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
    // The record is a sheet of the workbook and may have been edited by hand: a row that names no
    // real cell is skipped, and an unreadable earlier fill or note counts as none (our mark goes).
    if (!ws || !isCellAddress(r.address)) continue;
    const cell = ws.getCell(r.address);
    if (isOurArgbFill(cell.fill)) setFill(cell, parseRecorded<ExcelJS.Fill>(r.fill, isFillLike));
    restoreNote(cell, parseRecorded<Note>(r.note, isNoteLike));
    restored++;
  }
  removeRecord(wb);
  return restored;
}

/** "C3" yes; "ZZZZ9", "A0", "XFD1048577" or free text no. */
function isCellAddress(address: string): boolean {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(address);
  if (!m) return false;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return col <= 16_384 && Number(m[2]) <= 1_048_576;
}

function parseRecorded<T>(json: string | undefined, ok: (v: unknown) => boolean): T | undefined {
  if (!json) return undefined;
  try {
    const v: unknown = JSON.parse(json);
    return ok(v) ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}

// The record may be edited by hand: only shapes ExcelJS can write back are taken (a gradient
// without stops, or a note run without text, made ExcelJS throw while saving).
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isColor = (v: unknown) =>
  v === undefined || (isObject(v) && Object.values(v).every((x) => typeof x !== 'object'));

const isFillLike = (v: unknown) => {
  if (!isObject(v)) return false;
  if (v.type === 'pattern') return typeof v.pattern === 'string' && isColor(v.fgColor) && isColor(v.bgColor);
  return (
    v.type === 'gradient' &&
    Array.isArray(v.stops) &&
    v.stops.every(
      (s: unknown) => isObject(s) && typeof s.position === 'number' && isObject(s.color) && isColor(s.color),
    )
  );
};

const isNoteLike = (v: unknown) =>
  typeof v === 'string' ||
  (isObject(v) &&
    Array.isArray(v.texts) &&
    v.texts.every(
      (t: unknown) => isObject(t) && typeof t.text === 'string' && (t.font === undefined || isObject(t.font)),
    ));

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

/** The note text with our part (from our header to the end) and its blank line cut off. */
function withoutOurNote(text: string): string {
  const at = text.lastIndexOf(NOTE_HEADER);
  if (at < 0) return text;
  return text.slice(0, at).replace(/\n\n$/, '');
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
