/**
 * Marking and clearing through Office.js in a handful of syncs, whatever the number of cells:
 *
 * mark   1  is there a record of earlier marks? + the current fills of the cells to mark, one
 *           read per getRanges() chunk            (earlier marks: clear them first, read again)
 *        2  only if needed: fills of mixed or ambiguous chunks block by block (office-fills.ts)
 *        3  the sheets' notes and comments, in pages; 4 where they are (getLocation)
 *        5… the record, the paint (one operation per address chunk and severity) and the changes
 *           to the clerk's notes, one sync per ~4 MB of request; then our new notes or comments
 * clear  1 record? + sheet names · 2 record size · 3 record rows · 4 current fills · 5 mixed
 *        runs only · 6 notes/comments of the recorded sheets, in pages · 7 restore fills, remove
 *        our notes, delete the record.
 * rows   (边改边查, markRowsIn) as clear, limited to the given rows and without deleting the
 *        record: their record rows are emptied and the new marks appended after the record's end;
 *        our notes there are found by getLocation (one per annotation of those sheets).
 *
 * Our notes are found by NOTE_HEADER, so clearing removes only ours and keeps the clerk's part of
 * a note we appended to, including anything the clerk wrote there since. A fill the clerk changed
 * after marking is theirs and stays, as in the file host. A cell holds one annotation: where the
 * clerk has a comment thread we add no note, and where the clerk has a note we add no comment.
 */
import { a1, cellText, type SheetGrid } from '../../domain/grid';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER, type CellMark, type MarkOutcome, type ProgressFn } from '../host';
import {
  addAll,
  loadAll,
  locate,
  type Found,
  type AnnotationKind as Kind,
  type NewAnnotation,
  type Target,
} from './office-annotations';
import { blockChunks, type CellRef } from './office-blocks';
import { isOurHexFill, ourNoteText, withoutOurNote } from '../output/mark-primitives';
import { SyncBudget, wireBytes } from './office-budget';
import { cellKey, isGradient, queueFillReads, settleFills, type FillTarget } from './office-fills';
import { readRows, usedRangeOf, type Supports } from './office-read';
import {
  parseRecordRows,
  RECORD_COLUMN,
  RECORD_HEADERS,
  recordAddress,
  recordRows,
  rowsOfSheet,
  shiftRecord,
  type RecordedCell,
  type RecordEntry,
} from '../output/record';
import { fillFromRecord, fillToRecord, NO_FILL, noteToRecord, type CellFill } from '../output/record-values';
import type { CellShift } from '../cell-shift';
import type { RowMarkOutcome, RowSet } from '../live';

/** Where the reasons go: notes (ExcelApi 1.18), else threaded comments (1.10), else nowhere. */
export type AnnotationKind = Kind | null;

export function annotationKind(supports: Supports): AnnotationKind {
  return supports('1.18') ? 'notes' : supports('1.10') ? 'comments' : null;
}

/** Both kinds this Excel can read: a cell may hold either, whichever we write. */
function readableKinds(supports: Supports): Kind[] {
  return [...(supports('1.18') ? (['notes'] as const) : []), ...(supports('1.10') ? (['comments'] as const) : [])];
}

/** Record rows whose current fills are read as one: small enough that few runs mix severities. */
const RESTORE_RUN = 500;
const hexOf = (severity: 'error' | 'warning') => `#${MARK_FILLS[severity].slice(2)}`;

interface SheetMarks extends FillTarget {
  marks: CellMark[];
}

function queueReads(ctx: Excel.RequestContext, bySheet: Map<string, CellMark[]>) {
  const sheets: SheetMarks[] = [...bySheet].map(([sheet, marks]) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    return { sheet, ws, marks, cells: marks };
  });
  return { sheets, fills: queueFillReads(sheets) };
}

/** Fills before marking, and the clerk's notes and comments by cell (ours were cleared first). */
async function settleReads(
  ctx: Excel.RequestContext,
  supports: Supports,
  reads: ReturnType<typeof queueReads>,
  fewCells = false,
) {
  const budget = new SyncBudget(ctx);
  const fills = await settleFills(reads.fills, budget);
  await budget.flush();
  if (fewCells && supports('1.18')) {
    // A few rows (边改边查): each cell's note asked for by its address, not every note of the
    // sheet loaded and located (two operations per note); the clerk's comments are still loaded.
    const notes = await notesAt(
      ctx,
      reads.sheets.flatMap((s) => s.marks.map((m) => ({ sheet: s.sheet, ws: s.ws, row: m.row, col: m.col }))),
    );
    // Counted in the sync that loads the comments (addAll needs each sheet's count).
    const counts = reads.sheets.map((s) => ({ sheet: s.sheet, n: s.ws.notes.getCount() }));
    const comments = await loadAll(
      ctx,
      reads.sheets.map((s) => ({ ...s, kind: 'comments' as const })),
    );
    const located = await locate(ctx, comments);
    const annotations = new Map([...located, ...notes]);
    return { fills: fills(), annotations, counts: () => new Map(counts.map((c) => [c.sheet, c.n.value])) };
  }
  const targets: Target[] = reads.sheets.flatMap((s) => readableKinds(supports).map((kind) => ({ ...s, kind })));
  const found = await loadAll(ctx, targets);
  const counts = (kind: Kind) => {
    const n = new Map<string, number>();
    for (const f of found) if (f.kind === kind) n.set(f.sheet, (n.get(f.sheet) ?? 0) + 1);
    return n;
  };
  return { fills: fills(), annotations: await locate(ctx, found), counts };
}

/** The notes (ExcelApi 1.18) on these cells, by cellKey: one getItemOrNullObject each. */
async function notesAt(
  ctx: Excel.RequestContext,
  cells: { sheet: string; ws: Excel.Worksheet; row: number; col: number }[],
): Promise<Map<string, Found>> {
  const budget = new SyncBudget(ctx);
  const asked: { key: string; sheet: string; item: Excel.Note }[] = [];
  for (const c of cells) {
    const address = a1(c.row - 1, c.col - 1);
    // notes, getItemOrNullObject, load; an answer of up to a note's length.
    await budget.take(wireBytes(2, 2, address) + 600);
    asked.push({
      key: cellKey(c.sheet, c.row, c.col),
      sheet: c.sheet,
      item: c.ws.notes.getItemOrNullObject(address).load('content'),
    });
  }
  await budget.flush();
  const out = new Map<string, Found>();
  for (const { key, sheet, item } of asked) {
    if (!item.isNullObject) out.set(key, { sheet, kind: 'notes', content: item.content, item });
  }
  return out;
}

/** Where record rows go: a new record sheet (headers first), or after the last row of ours. */
type RecordTarget = { ws: Excel.Worksheet; from: number } | undefined;

async function writeRecord(
  ctx: Excel.RequestContext,
  budget: SyncBudget,
  records: RecordedCell[],
  target: RecordTarget,
): Promise<void> {
  if (target && !records.length) return;
  let rec = target?.ws;
  if (!rec) {
    rec = ctx.workbook.worksheets.add(MARK_RECORD_SHEET);
    rec.visibility = 'VeryHidden';
  }
  const rows = recordRows(records, { headers: !target, rectangular: true });
  const from = target?.from ?? 0;
  const width = rows[0].length;
  for (let i = 0; i < rows.length;) {
    // getRangeByIndexes; instantiate, number formats, values.
    let bytes = wireBytes(1, 3);
    let n = 0;
    while (i + n < rows.length && bytes < 1_500_000) bytes += wireBytes(0, 0, rows[i + n++]) + width * 4;
    await budget.take(bytes);
    const range = rec.getRangeByIndexes(from + i, 0, n, width);
    // Text format first, so that nothing in the record (a clerk's note "=…") is read as a formula.
    range.numberFormat = rows.slice(i, i + n).map((row) => row.map(() => '@'));
    range.values = rows.slice(i, i + n);
    i += n;
  }
}

/** Marks by sheet, one per cell: a second would add a second note to the same cell. */
function bySheetOnce(marks: CellMark[]): Map<string, CellMark[]> {
  const bySheet = new Map<string, CellMark[]>();
  const seen = new Set<string>();
  for (const m of marks) {
    const key = cellKey(m.sheet, m.row, m.col);
    if (seen.has(key)) continue;
    seen.add(key);
    const list = bySheet.get(m.sheet);
    if (list) list.push(m);
    else bySheet.set(m.sheet, [m]);
  }
  return bySheet;
}

export async function markIn(
  ctx: Excel.RequestContext,
  supports: Supports,
  marks: CellMark[],
  onProgress?: ProgressFn,
): Promise<MarkOutcome> {
  const kind = annotationKind(supports);
  const bySheet = bySheetOnce(marks);
  marks = [...bySheet.values()].flat();
  const worksheets = ctx.workbook.worksheets.load('items/name');
  const rec = ctx.workbook.worksheets.getItemOrNullObject(MARK_RECORD_SHEET);
  // Read optimistically as if there were no earlier marks: the usual case costs no extra sync.
  let reads = queueReads(ctx, bySheet);
  await ctx.sync();
  if (!rec.isNullObject) {
    await restoreIn(
      ctx,
      supports,
      rec,
      worksheets.items.map((w) => w.name),
    );
    reads = queueReads(ctx, bySheet);
    await ctx.sync();
  }
  if (!marks.length) return { cells: 0, notes: kind !== null };
  return paintIn(ctx, supports, reads, marks, undefined, onProgress);
}

/**
 * Record, then paint and annotate `marks` (grouped in `reads` by sheet, their current fills and
 * the clerk's annotations queued for reading): the record first, so that a stop part-way leaves
 * nothing 清除标注 cannot restore.
 */
async function paintIn(
  ctx: Excel.RequestContext,
  supports: Supports,
  reads: ReturnType<typeof queueReads>,
  marks: CellMark[],
  record: RecordTarget,
  onProgress?: ProgressFn,
): Promise<MarkOutcome> {
  const kind = annotationKind(supports);
  const before = await settleReads(ctx, supports, reads, record !== undefined);
  const fillBefore = (m: CellMark) => before.fills.get(cellKey(m.sheet, m.row, m.col)) ?? NO_FILL;

  // Errors first, then warnings: clearing reads the current fills in runs of record rows, and a
  // run of one severity is one uniform answer (see RESTORE_RUN).
  const bySeverity = [...marks.filter((m) => m.severity === 'error'), ...marks.filter((m) => m.severity !== 'error')];
  const records: RecordedCell[] = bySeverity.map((m) => {
    const clerk = before.annotations.get(cellKey(m.sheet, m.row, m.col));
    return {
      sheet: m.sheet,
      address: recordAddress(m.row, m.col),
      fill: fillToRecord(fillBefore(m)) || undefined,
      note: clerk?.kind === 'notes' ? noteToRecord(clerk.content) : undefined,
    };
  });
  const budget = new SyncBudget(ctx);
  await writeRecord(ctx, budget, records, record);

  const adds: NewAnnotation[] = [];
  let done = 0;
  for (const s of reads.sheets) {
    // A gradient cannot be set again through Office.js: those cells get the note but keep their fill.
    const paint = s.marks.filter((m) => !isGradient(fillBefore(m)));
    for (const severity of ['error', 'warning'] as const) {
      for (const chunk of blockChunks(paint.filter((m) => m.severity === severity))) {
        // getRanges, format, fill; instantiate, colour and pattern.
        await budget.take(wireBytes(3, 3, chunk.address, '#FFFFFF', 'Solid'));
        const fill = s.ws.getRanges(chunk.address).format.fill;
        fill.color = hexOf(severity);
        // Over a patterned fill the colour is only the background: make it one solid colour.
        fill.pattern = 'Solid';
      }
    }
    if (kind) {
      for (const m of s.marks) {
        const clerk = before.annotations.get(cellKey(s.sheet, m.row, m.col));
        const text = ourNoteText(m.lines);
        if (clerk === undefined) adds.push({ sheet: s.sheet, ws: s.ws, row: m.row, col: m.col, text });
        else if (kind === 'notes' && clerk.kind === 'notes') {
          const content = `${clerk.content}\n\n${text}`;
          await budget.take(wireBytes(1, 1, content));
          clerk.item.content = content;
        }
        // Otherwise the cell holds the clerk's comment thread, or a note we cannot append to
        // here: one annotation per cell, theirs stays and the reasons are in the pane.
      }
    }
    done += s.marks.length;
    onProgress?.({ phase: 'mark', done, total: marks.length, sheet: s.sheet });
  }
  await budget.flush();
  if (kind) await addAll(ctx, kind, adds, before.counts(kind));
  return { cells: marks.length, notes: kind !== null };
}

/** The record sheet's rows; `end` is the row after the last one written (values only). */
async function readRecordIn(ctx: Excel.RequestContext, rec: Excel.Worksheet) {
  const used = usedRangeOf(rec);
  await ctx.sync();
  const grid: SheetGrid = { name: MARK_RECORD_SHEET, rows: [] };
  await readRows(ctx, [{ ws: rec, grid, used }]);
  const width = used.isNullObject ? RECORD_HEADERS.length : used.columnIndex + used.columnCount;
  const end = used.isNullObject ? 1 : used.rowIndex + used.rowCount;
  const texts = grid.rows.map((row) => (row ?? []).map((c) => cellText(c)));
  return { records: parseRecordRows(texts), width, end };
}

/** Sheet names as Excel matches them (ignoring case): lower case → the name as it is now. */
const byLowerName = (names: string[]) =>
  new Map(names.filter((n) => n !== MARK_RECORD_SHEET).map((n) => [n.toLowerCase(), n]));

/**
 * Queue the restoring of these recorded cells whose fill is still ours (a fill the clerk changed
 * since is theirs now) and the removal of our notes and comments: on every recorded sheet, or
 * with `rows` only those in these rows. Syncs to read; the restore is left queued (in `budget`).
 */
async function restoreRecorded(
  ctx: Excel.RequestContext,
  supports: Supports,
  records: RecordEntry[],
  sheetNames: string[],
  budget: SyncBudget,
  rows?: RowSet,
): Promise<number> {
  // A sheet renamed or deleted since marking cannot be found again; its cells are skipped.
  const live = byLowerName(sheetNames);
  const targets = new Map<
    string,
    { sheet: string; ws: Excel.Worksheet; records: { cell: CellRef; fill: CellFill }[] }
  >();
  for (const r of records) {
    const sheet = live.get(r.sheet.toLowerCase());
    if (!sheet) continue;
    let t = targets.get(sheet);
    if (!t) targets.set(sheet, (t = { sheet, ws: ctx.workbook.worksheets.getItem(sheet), records: [] }));
    t.records.push({ cell: { row: r.row, col: r.col }, fill: fillFromRecord(r.fill) });
  }
  // Is each cell still ours? Read in runs of record rows, so that a run painted one colour answers
  // at once; only a run mixing error and warning cells is read block by block.
  const runs: FillTarget[] = [];
  for (const t of targets.values()) {
    for (let i = 0; i < t.records.length; i += RESTORE_RUN) {
      runs.push({ sheet: t.sheet, ws: t.ws, cells: t.records.slice(i, i + RESTORE_RUN).map((r) => r.cell) });
    }
  }
  const fillReads = queueFillReads(runs);
  await ctx.sync();
  const settle = await settleFills(fillReads, budget);
  await budget.flush();
  const now = settle();
  // Both kinds: the workbook may have been marked in an Excel with comments but no notes.
  const sheets = rows
    ? [...rows.keys()].flatMap((name) => {
        const sheet = live.get(name.toLowerCase());
        return sheet ? [{ sheet, ws: targets.get(sheet)?.ws ?? ctx.workbook.worksheets.getItem(sheet) }] : [];
      })
    : [...targets.values()];
  const kinds = readableKinds(supports);
  const byCell = rows !== undefined && kinds.includes('notes');
  let annotations = await loadAll(
    ctx,
    sheets.flatMap((t) =>
      kinds.filter((kind) => !(byCell && kind === 'notes')).map((kind) => ({ sheet: t.sheet, ws: t.ws, kind })),
    ),
  );
  if (rows) {
    // Only ours in these rows: a comment's cell costs one getLocation; notes are asked for by
    // the recorded cells' addresses (ExcelApi 1.18), not loaded and located all.
    const inRows = inRowSet(rows);
    const ours = annotations.filter((a) => a.content.includes(NOTE_HEADER));
    const at = await locate(ctx, ours);
    annotations = [...at].filter(([key]) => inRows(key)).map(([, a]) => a);
    if (byCell) {
      const cells = [...targets.values()].flatMap((t) =>
        t.records.map((r) => ({ sheet: t.sheet, ws: t.ws, ...r.cell })),
      );
      annotations.push(...(await notesAt(ctx, cells)).values());
    }
  }

  let restored = 0;
  for (const t of targets.values()) {
    const byFill = new Map<string, { fill: CellFill; cells: CellRef[] }>();
    for (const { cell, fill } of t.records) {
      restored++;
      if (!isOurHexFill(now.get(cellKey(t.sheet, cell.row, cell.col)))) continue;
      const key = fillToRecord(fill);
      let group = byFill.get(key);
      if (!group) byFill.set(key, (group = { fill, cells: [] }));
      group.cells.push(cell);
    }
    for (const { fill, cells } of byFill.values()) {
      for (const chunk of blockChunks(cells)) {
        // getRanges, format, fill; instantiate and up to three writes.
        await budget.take(wireBytes(3, 4, chunk.address, fill));
        const f = t.ws.getRanges(chunk.address).format.fill;
        if (fill.pattern === 'None') {
          f.clear();
          continue;
        }
        // Background first, then the pattern over it and the pattern's colour.
        f.color = fill.color;
        if (fill.pattern !== 'Solid') {
          f.pattern = fill.pattern as Excel.FillPattern;
          if (fill.patternColor) f.patternColor = fill.patternColor;
        }
      }
    }
  }
  for (const { kind, content, item } of annotations) {
    if (!content.includes(NOTE_HEADER)) continue;
    const clerks = kind === 'notes' ? withoutOurNote(content) : '';
    await budget.take(wireBytes(1, 1, clerks));
    if (clerks) item.content = clerks;
    else if (kind === 'notes' || content.startsWith(NOTE_HEADER)) item.delete();
  }
  return restored;
}

/** Is this cellKey in one of the rows (sheet names matched ignoring case)? */
function inRowSet(rows: RowSet): (key: string) => boolean {
  const inside = inRowsOf(rows);
  return (key) => {
    const [sheet, row] = key.split('\u0000');
    return inside(sheet, Number(row));
  };
}

/**
 * Is (sheet, row) among `rows`, sheet names compared as Excel does (ignoring case)? Asked for every
 * record row on each live re-mark: each sheet name is lower-cased once, no key string is built.
 */
function inRowsOf(rows: RowSet): (sheet: string, row: number) => boolean {
  const lower = new Map([...rows].map(([sheet, set]) => [sheet.toLowerCase(), set]));
  const bySheet = new Map<string, Set<number> | undefined>();
  return (sheet, row) => {
    let set = bySheet.get(sheet);
    if (set === undefined && !bySheet.has(sheet)) bySheet.set(sheet, (set = lower.get(sheet.toLowerCase())));
    return set?.has(row) ?? false;
  };
}

/** Queue the restoring of every recorded cell and the deletion of the record (see restoreRecorded). */
async function restoreIn(
  ctx: Excel.RequestContext,
  supports: Supports,
  rec: Excel.Worksheet,
  sheetNames: string[],
): Promise<number> {
  const { records } = await readRecordIn(ctx, rec);
  const budget = new SyncBudget(ctx);
  const restored = await restoreRecorded(ctx, supports, records, sheetNames, budget);
  // Excel refuses to delete a very hidden sheet (InvalidOperation): hidden first, then deleted.
  rec.visibility = 'Hidden';
  rec.delete();
  return restored;
}

/**
 * 边改边查: re-mark only `rows` (1-based, per sheet). Their recorded cells are restored as 清除标注
 * would and their record rows emptied; `marks` inside those rows are then recorded (after the
 * record's last row) and painted. Every other row of the workbook and of the record stays as it
 * is, so 清除标注 still restores everything. A workbook without our marks is left alone.
 */
export async function markRowsIn(
  ctx: Excel.RequestContext,
  supports: Supports,
  marks: CellMark[],
  rows: RowSet,
): Promise<RowMarkOutcome> {
  const notes = annotationKind(supports) !== null;
  const worksheets = ctx.workbook.worksheets.load('items/name');
  const rec = ctx.workbook.worksheets.getItemOrNullObject(MARK_RECORD_SHEET);
  await ctx.sync();
  if (rec.isNullObject) return { cells: 0, notes, marked: false };
  const names = worksheets.items.map((w) => w.name);
  const { records, width, end } = await readRecordIn(ctx, rec);
  const inside = inRowsOf(rows);
  const affected = records.filter((r) => inside(r.sheet, r.row));
  const budget = new SyncBudget(ctx);
  await restoreRecorded(ctx, supports, affected, names, budget, rows);
  for (const [at, n] of runsOf(affected.map((r) => r.at))) {
    await budget.take(wireBytes(1, 2, Array<string>(n * width).fill('')));
    rec.getRangeByIndexes(at, 0, n, width).values = Array.from({ length: n }, () => Array<string>(width).fill(''));
  }
  await budget.flush();
  const bySheet = bySheetOnce(marks.filter((m) => inside(m.sheet, m.row)));
  const mine = [...bySheet.values()].flat();
  if (!mine.length) return { cells: 0, notes, marked: true };
  const reads = queueReads(ctx, bySheet);
  await ctx.sync();
  const out = await paintIn(ctx, supports, reads, mine, { ws: rec, from: end });
  return { ...out, marked: true };
}

/**
 * Rows, columns or cells of the sheet `sheetId` were inserted or deleted: Excel moved the marked
 * cells' fills and notes with them; the record's addresses are moved the same way, and the rows
 * of cells that were deleted emptied, so that 清除标注 restores the cells where they are.
 */
export async function shiftMarksIn(ctx: Excel.RequestContext, sheetId: string, shift: CellShift): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheetId).load('name');
  const rec = ctx.workbook.worksheets.getItemOrNullObject(MARK_RECORD_SHEET);
  await ctx.sync();
  if (rec.isNullObject) return;
  const { records, width } = await readRecordIn(ctx, rec);
  const { moved, gone } = shiftRecord(records, ws.name, shift);
  const budget = new SyncBudget(ctx);
  for (const { at, address } of moved) {
    await budget.take(wireBytes(1, 2, address));
    rec.getRangeByIndexes(at, RECORD_COLUMN.address, 1, 1).values = [[address]];
  }
  for (const [first, n] of runsOf(gone)) {
    await budget.take(wireBytes(1, 2, Array<string>(n * width).fill('')));
    rec.getRangeByIndexes(first, 0, n, width).values = Array.from({ length: n }, () => Array<string>(width).fill(''));
  }
  await budget.flush();
}

/**
 * A marked sheet was renamed: the record names sheets by name, so its rows are renamed too (else
 * 清除标注 would skip the sheet and marking again would take our fills for the clerk's).
 */
export async function renameMarksIn(ctx: Excel.RequestContext, from: string, to: string): Promise<void> {
  const rec = ctx.workbook.worksheets.getItemOrNullObject(MARK_RECORD_SHEET);
  await ctx.sync();
  if (rec.isNullObject) return;
  const { records } = await readRecordIn(ctx, rec);
  const budget = new SyncBudget(ctx);
  for (const [first, n] of runsOf(rowsOfSheet(records, from))) {
    await budget.take(wireBytes(1, 2, Array<string>(n).fill(to)));
    rec.getRangeByIndexes(first, RECORD_COLUMN.sheet, n, 1).values = Array.from({ length: n }, () => [to]);
  }
  await budget.flush();
}

/** Sorted indices → runs of consecutive ones: [first, length]. */
function runsOf(indices: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

export async function clearIn(ctx: Excel.RequestContext, supports: Supports): Promise<number> {
  const worksheets = ctx.workbook.worksheets.load('items/name');
  const rec = ctx.workbook.worksheets.getItemOrNullObject(MARK_RECORD_SHEET);
  await ctx.sync();
  if (rec.isNullObject) return 0;
  const restored = await restoreIn(
    ctx,
    supports,
    rec,
    worksheets.items.map((w) => w.name),
  );
  await ctx.sync();
  return restored;
}
