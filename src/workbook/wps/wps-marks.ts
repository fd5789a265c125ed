/**
 * Marking and clearing through ET, restorable in every host: the earlier fills go into the very
 * hidden sheet MARK_RECORD_SHEET in the one layout of output/record.ts, so a workbook marked in
 * Excel clears in WPS and the other way round. Our
 * notes are ET 批注 (Excel's notes) found again by NOTE_HEADER; a clerk's note keeps its text and
 * ours follows it after a blank line.
 *
 * Calls for N scattered cells: about N / 35 Range calls for the address chunks plus a few per
 * union to read and to set the fill; the notes cost two calls each (there is no bulk note call).
 */
import { a1 } from '../../domain/grid';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER, type CellMark, type MarkOutcome, type ProgressFn } from '../host';
import type { CellRef } from '../office/office-blocks';
import { isOurHexFill, ourNoteText, withoutOurNote } from '../output/mark-primitives';
import { parseRecordRows, recordAddress, recordRows, type RecordedCell } from '../output/record';
import { fillFromRecord, fillToRecord, NO_FILL, noteToRecord, type CellFill } from '../output/record-values';
import {
  bgrOf,
  XL_PATTERN,
  XL_SHEET,
  type EtApplication,
  type EtComment,
  type EtWorkbook,
  type EtWorksheet,
} from './et';
import { activeWorkbook, readMatrix, usedArea } from './wps-read';
import { cellKey, fillOfRange, MAX_AREAS, readFills, setFill, unionGroups } from './wps-ranges';

/** Cells per Value2 write of the record. */
const CELLS_PER_WRITE = 100_000;
const markBgr = (severity: 'error' | 'warning') => bgrOf(MARK_FILLS[severity].slice(2));

/** The sheet of that name (any visibility), or undefined. Item(name) throws when it is missing. */
export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | undefined {
  const sheets = wb.Worksheets;
  const count = sheets.Count;
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    if (ws.Name.toLowerCase() === name.toLowerCase()) return ws;
  }
  return undefined;
}

export function sheetNames(wb: EtWorkbook): string[] {
  const sheets = wb.Worksheets;
  const count = sheets.Count;
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(sheets.Item(i).Name);
  return out;
}

interface ClerkNote {
  comment: EtComment;
  text: string;
}

/** Every note of the sheet by cell (ours were cleared before marking). */
function notesBySheet(ws: EtWorksheet): Map<string, ClerkNote> {
  const out = new Map<string, ClerkNote>();
  const comments = ws.Comments;
  const count = comments.Count;
  for (let i = 1; i <= count; i++) {
    const comment = comments.Item(i);
    const cell = comment.Parent;
    out.set(cellKey(cell.Row, cell.Column), { comment, text: comment.Text() });
  }
  return out;
}

/** Delete a sheet without WPS asking the clerk first. */
export function deleteSheet(app: EtApplication, ws: EtWorksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    if (ws.Visible !== XL_SHEET.visible) ws.Visible = XL_SHEET.visible;
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

function writeRecord(app: EtApplication, wb: EtWorkbook, records: RecordedCell[]): void {
  const sheets = wb.Worksheets;
  const active = app.ActiveSheet;
  const rec = sheets.Add(undefined, sheets.Item(sheets.Count));
  rec.Name = MARK_RECORD_SHEET;
  const rows = recordRows(records, { rectangular: true });
  const width = rows[0].length;
  const step = Math.max(1, Math.floor(CELLS_PER_WRITE / width));
  for (let i = 0; i < rows.length; i += step) {
    const part = rows.slice(i, i + step);
    const range = rec.Range(`${a1(i, 0)}:${a1(i + part.length - 1, width - 1)}`);
    // Text format first: nothing in the record (a clerk's note "=…") may become a formula.
    range.NumberFormat = '@';
    range.Value2 = part;
  }
  rec.Visible = XL_SHEET.veryHidden;
  // Adding a sheet activates it; the clerk stays where they were.
  active?.Activate();
}

export function markEt(app: EtApplication, marks: CellMark[], onProgress?: ProgressFn): MarkOutcome {
  const wb = activeWorkbook(app);
  if (findSheet(wb, MARK_RECORD_SHEET)) clearEt(app);
  const bySheet = new Map<string, Map<string, CellMark>>();
  for (const m of marks) {
    let cells = bySheet.get(m.sheet);
    if (!cells) bySheet.set(m.sheet, (cells = new Map()));
    // One mark per cell: a second would add a second note to the same cell.
    const key = cellKey(m.row, m.col);
    if (!cells.has(key)) cells.set(key, m);
  }
  const total = [...bySheet.values()].reduce((n, s) => n + s.size, 0);
  if (!total) return { cells: 0, notes: true };

  const sheets = [...bySheet].map(([name, cells]) => {
    const ws = wb.Worksheets.Item(name);
    const list = [...cells.values()];
    const bySeverity = (['error', 'warning'] as const).map((severity) => {
      const ms = list.filter((m) => m.severity === severity);
      const groups = unionGroups(app, ws, ms);
      return { severity, marks: ms, groups, before: readFills(groups, ws) };
    });
    return { name, ws, bySeverity, notes: notesBySheet(ws) };
  });

  // Errors first, then warnings: clearing reads the current fills in runs of the record.
  const records: RecordedCell[] = [];
  for (const severity of ['error', 'warning'] as const) {
    for (const s of sheets) {
      const part = s.bySeverity.find((p) => p.severity === severity)!;
      for (const m of part.marks) {
        const clerk = s.notes.get(cellKey(m.row, m.col));
        records.push({
          sheet: s.name,
          address: recordAddress(m.row, m.col),
          fill: fillToRecord(part.before.get(cellKey(m.row, m.col)) ?? NO_FILL) || undefined,
          note: clerk ? noteToRecord(clerk.text) : undefined,
        });
      }
    }
  }
  writeRecord(app, wb, records);

  let done = 0;
  for (const s of sheets) {
    for (const part of s.bySeverity) {
      for (const g of part.groups) {
        const interior = g.range.Interior;
        interior.Pattern = XL_PATTERN.xlPatternSolid;
        interior.Color = markBgr(part.severity);
      }
      for (const m of part.marks) {
        const text = ourNoteText(m.lines);
        const clerk = s.notes.get(cellKey(m.row, m.col));
        if (clerk) clerk.comment.Text(`${clerk.text}\n\n${text}`);
        else s.ws.Range(a1(m.row - 1, m.col - 1)).AddComment(text);
      }
      done += part.marks.length;
      onProgress?.({ phase: 'mark', done, total, sheet: s.name });
    }
  }
  return { cells: total, notes: true };
}

/** The record sheet's rows as text. */
function recordTexts(rec: EtWorksheet): string[][] {
  const u = usedArea(rec);
  const rows = u ? readMatrix(rec, u) : [];
  return rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
}

/**
 * Which recorded cells still carry our fill (a fill the clerk changed since is theirs). A run of
 * the record that answers "all ours" in one read is restored at once through the same union when
 * its cells share their earlier fill (the usual case); a run that answers "mixed" is halved.
 * Returns the cells left to restore by fill.
 */
function restoreRun(
  app: EtApplication,
  ws: EtWorksheet,
  run: { cell: CellRef; fill: CellFill }[],
  rest: typeof run,
): void {
  if (!run.length) return;
  const groups = unionGroups(
    app,
    ws,
    run.map((r) => r.cell),
  );
  const f = groups.length === 1 ? fillOfRange(groups[0].range) : null;
  if (f || run.length === 1) {
    if (!f || !isOurHexFill(f)) return;
    const first = fillToRecord(run[0].fill);
    if (run.every((r) => fillToRecord(r.fill) === first)) setFill(groups[0].range.Interior, run[0].fill);
    else rest.push(...run);
    return;
  }
  const half = run.length >> 1;
  restoreRun(app, ws, run.slice(0, half), rest);
  restoreRun(app, ws, run.slice(half), rest);
}

/** Restore every recorded cell still marked, remove our notes, delete the record. */
export function clearEt(app: EtApplication): number {
  const wb = activeWorkbook(app);
  const rec = findSheet(wb, MARK_RECORD_SHEET);
  if (!rec) return 0;
  const records = parseRecordRows(recordTexts(rec));
  // A sheet renamed or deleted since marking cannot be found again; its cells are skipped.
  const live = new Map(
    sheetNames(wb)
      .filter((n) => n !== MARK_RECORD_SHEET)
      .map((n) => [n.toLowerCase(), n]),
  );
  const bySheet = new Map<string, { cell: CellRef; fill: CellFill }[]>();
  for (const r of records) {
    const name = live.get(r.sheet.toLowerCase());
    if (!name) continue;
    let list = bySheet.get(name);
    if (!list) bySheet.set(name, (list = []));
    list.push({ cell: { row: r.row, col: r.col }, fill: fillFromRecord(r.fill) });
  }
  let restored = 0;
  for (const [name, list] of bySheet) {
    const ws = wb.Worksheets.Item(name);
    restored += list.length;
    const rest: { cell: CellRef; fill: CellFill }[] = [];
    for (let i = 0; i < list.length; i += MAX_AREAS) restoreRun(app, ws, list.slice(i, i + MAX_AREAS), rest);
    const byFill = new Map<string, { fill: CellFill; cells: CellRef[] }>();
    for (const { cell, fill } of rest) {
      const key = fillToRecord(fill);
      let group = byFill.get(key);
      if (!group) byFill.set(key, (group = { fill, cells: [] }));
      group.cells.push(cell);
    }
    for (const { fill, cells } of byFill.values()) {
      for (const g of unionGroups(app, ws, cells)) setFill(g.range.Interior, fill);
    }
  }
  for (const name of live.values()) removeOurNotes(wb.Worksheets.Item(name));
  deleteSheet(app, rec);
  return restored;
}

function removeOurNotes(ws: EtWorksheet): void {
  const comments = ws.Comments;
  // From the last: deleting a note renumbers the ones after it.
  for (let i = comments.Count; i >= 1; i--) {
    const comment = comments.Item(i);
    const text = comment.Text();
    if (!text.includes(NOTE_HEADER)) continue;
    const clerks = withoutOurNote(text);
    if (clerks) comment.Text(clerks);
    else comment.Delete();
  }
}
