/**
 * 边改边查: after the clerk edits cells of a sheet the check read (roster, member or list sheet),
 * the rows edited are read again, the workbook re-checked with them, and only the rows whose
 * marks change (the edited household, and any household sharing its IDs: ID-06, HH-03) are
 * re-marked; the pane's list and counts follow. Plain class, no React: the pane drives it through
 * useLiveRecheck, the tests directly.
 *
 * - Bursts are one re-check: changes are collected until `debounceMs` pass without another (a
 *   paste of 500 rows is one event anyway, typing row after row a few).
 * - Never while a command of the pane runs (`exclusive` says when it may): changes that arrive
 *   meanwhile wait, then go through the same filter. Our own writes cannot start a re-check:
 *   Excel marks them (ExcelApi 1.14+) and they never fall on a sheet the check read; the rows
 *   read again are compared with the ones the check had, and unchanged rows change nothing.
 * - Rows or columns inserted or deleted on a sheet the check read, or a sheet renamed or deleted:
 *   the mark record is moved with the cells (renamed with the sheet) and the whole workbook read
 *   and checked again. A sheet added changes nothing the check read (ours are added all the time).
 * - A coauthor's edit (source Remote) updates the list but is not marked here: the coauthor's
 *   Excel does that, and two panes marking the same cells would undo each other's record.
 */
import type { Cell, SheetGrid, WorkbookGrid } from '../../domain/grid';
import type { Lang } from '../../domain/messages';
import type { Policy } from '../../domain/policy';
import type { CheckResult } from '../../domain/types';
import { recheckEdited, type Rechecked } from '../../domain/pipeline/recheck';
import { checkGrid } from '../../workbook/actions';
import type { CellMark } from '../../workbook/host';
import { shiftedCell, type CellShift } from '../../workbook/cell-shift';
import type { LiveHost, RowSet, WorkbookChange } from '../../workbook/live';
import { changedMarkRows, marksFromResult } from '../../workbook/output/marks';

export interface LiveState {
  result: CheckResult;
  grid: WorkbookGrid;
  policy: Policy;
  rosterSheet?: string;
  /** Roster sheets the clerk left out: a re-check leaves them out too. */
  leaveOut?: string[];
}

export interface LiveOptions {
  host: LiveHost;
  /** The pane's last check (undefined before the first one). */
  state(): LiveState | undefined;
  /** The language of the reasons written into notes. */
  lang(): Lang;
  /** A re-check's result: the pane shows it without resetting the clerk's view. */
  apply(next: { result: CheckResult; grid: WorkbookGrid }): void;
  /** Read and check the whole workbook again, as 重新核查 does. */
  checkAll(): Promise<void>;
  /** Runs `work` when no command of the pane runs; resolves false (nothing run) when one does. */
  exclusive(work: () => Promise<void>): Promise<boolean>;
  /** A re-check that failed (the pane shows it as any other failure). */
  onError(e: unknown): void;
  debounceMs?: number;
}

/** Quiet time after the last change before re-checking: typing into the next cell does not wait. */
export const LIVE_DEBOUNCE_MS = 300;

interface Shift {
  sheetId: string;
  /** Undefined: cells moved, Excel did not say which way (the record cannot follow). */
  shift: CellShift | undefined;
}

export class LiveRecheck {
  private edits = new Map<string, [number, number][]>();
  private local = false;
  private shifts: Shift[] = [];
  private sheetsChanged = false;
  private renames: { from: string; to: string }[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private stopWatching?: () => Promise<void>;
  private work?: Promise<void>;
  private stopped = false;
  /** Re-checks done (each one re-read some rows or the workbook): what the tests count. */
  rechecks = 0;

  constructor(private readonly o: LiveOptions) {}

  async start(): Promise<void> {
    this.stopWatching = await this.o.host.watchChanges((c) => this.onChange(c));
    if (this.stopped) await this.stopWatching();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** Resolves when nothing is waiting or running (tests). */
  async idle(): Promise<void> {
    while (this.timer || this.work) {
      await (this.work ?? new Promise((r) => setTimeout(r, 5)));
    }
  }

  private onChange(c: WorkbookChange): void {
    if (this.stopped) return;
    if (c.kind === 'sheets') {
      this.sheetsChanged = true;
      if (c.renamed) this.renames.push(c.renamed);
    } else if (c.kind === 'shift') this.shifts.push({ sheetId: c.sheetId, shift: c.shift });
    else {
      const list = this.edits.get(c.sheetId) ?? [];
      list.push(c.rows);
      this.edits.set(c.sheetId, list);
      if (!c.remote) this.local = true;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.stopped) return;
      const run = this.o.exclusive(() => this.process());
      this.work = run.then(
        (ran) => {
          this.work = undefined;
          // A command of the pane is running: the changes wait for it.
          if (!ran && !this.stopped) this.schedule();
        },
        () => (this.work = undefined),
      );
    }, this.o.debounceMs ?? LIVE_DEBOUNCE_MS);
  }

  private async process(): Promise<void> {
    const edits = this.edits;
    const local = this.local;
    const shifts = this.shifts;
    const sheetsChanged = this.sheetsChanged;
    const renames = this.renames;
    this.renames = [];
    this.edits = new Map();
    this.local = false;
    this.shifts = [];
    this.sheetsChanged = false;
    const before = this.o.state();
    if (!before) return;
    try {
      // A whole re-check covers the edits too; a sheet added (ours, mostly) needs none.
      const whole = (shifts.length > 0 || sheetsChanged) && (await this.recheckAll(before, shifts, renames));
      if (!whole && edits.size) await this.recheckRows(before, edits, local);
    } catch (e) {
      if (!inCellEdit(e)) return this.o.onError(e);
      // The clerk is typing in a cell (Excel refuses every batch meanwhile): the same changes
      // are tried again once they pause, nothing is shown.
      for (const [id, rows] of edits) this.edits.set(id, [...rows, ...(this.edits.get(id) ?? [])]);
      this.local ||= local;
      this.shifts = [...shifts, ...this.shifts];
      this.sheetsChanged ||= sheetsChanged;
      this.renames = [...renames, ...this.renames];
      this.schedule();
    }
  }

  /** The workbook's shape changed: move the record with the cells, read and check it all again. */
  private async recheckAll(
    before: LiveState,
    shifts: Shift[],
    renames: { from: string; to: string }[],
  ): Promise<boolean> {
    const { host } = this.o;
    const sheets = await host.sheets();
    const names = new Set(sheets.map((s) => s.name));
    const nameOf = new Map(sheets.map((s) => [s.id, s.name]));
    // Rows inserted on a sheet the check did not read (a notes sheet) hold no marks and change nothing.
    const checked = checkedSheets(before.result);
    for (let i = shifts.length - 1; i >= 0; i--) {
      if (!checked.has((nameOf.get(shifts[i].sheetId) ?? '').toLowerCase())) shifts.splice(i, 1);
    }
    // A sheet added (our own generated sheets are added all the time) changes nothing the check
    // read: it is read at the next 重新核查. A sheet renamed or deleted is.
    if (!shifts.length && before.grid.sheets.every((s) => s.hidden || names.has(s.name))) return false;
    // Each move of the record is done once: one that went through is taken off the list, which
    // goes back to the queue if Excel refuses a later step (the clerk typing in a cell).
    const applied: Shift[] = [];
    const renamed: { from: string; to: string }[] = [];
    while (renames.length) {
      await host.renameMarks(renames[0].from, renames[0].to);
      renamed.push(renames.shift()!);
    }
    while (shifts.length) {
      const s = shifts[0];
      if (s.shift) await host.shiftMarks(s.sheetId, s.shift);
      applied.push(shifts.shift()!);
    }
    this.rechecks++;
    await this.o.checkAll();
    const after = this.o.state();
    if (!after || after === before) return true;
    // The marks moved with their cells: only rows whose marks change now are re-marked.
    const lang = this.o.lang();
    let moved = marksFromResult(before.result, lang);
    for (const { from, to } of renamed)
      moved = moved.map((m) => (m.sheet.toLowerCase() === from.toLowerCase() ? { ...m, sheet: to } : m));
    for (const s of applied) if (s.shift) moved = shiftMarks(moved, nameOf.get(s.sheetId), s.shift);
    const next = marksFromResult(after.result, lang);
    const rows = changedMarkRows(moved, next);
    if (rows.size) await host.markRows(next, rows);
    return true;
  }

  /** Some cells were edited: read their rows again, re-check, re-mark what changed. */
  private async recheckRows(before: LiveState, edits: Map<string, [number, number][]>, local: boolean): Promise<void> {
    const checked = checkedSheets(before.result);
    const relevant = await this.o.host.readRows(
      [...edits].map(([sheetId, ranges]) => ({ sheetId, rows: mergeRanges(ranges) })),
      (sheet) => checked.has(sheet.toLowerCase()),
    );
    const patch = patchGrid(before.grid, relevant);
    if (!patch) return; // nothing a check reads has changed (our own write, or the same value typed again)
    const { grid } = patch;
    this.rechecks++;
    // The households the edit can change, from the last check; a whole check when only it can say.
    const again = recheckEdited(before.result, grid, patch.changed);
    const result =
      again?.result ?? checkGrid(grid, before.policy, { rosterSheet: before.rosterSheet, leaveOut: before.leaveOut });
    if (local) {
      const lang = this.o.lang();
      const only = again && rechecked(again, before.result);
      const was = marksFromResult(only ? only(before.result) : before.result, lang);
      const next = marksFromResult(only ? only(result) : result, lang);
      const rows = changedMarkRows(was, next);
      // The edited rows too: their marks may be stale (marked from an older check).
      for (const r of relevant) {
        for (const row of r.rows.keys()) {
          if (hasMarkIn(was, r.sheet, row + 1) || hasMarkIn(next, r.sheet, row + 1)) addRow(rows, r.sheet, row + 1);
        }
      }
      if (rows.size) await this.o.host.markRows(next, rows);
    }
    this.o.apply({ result, grid });
  }
}

const inCellEdit = (e: unknown) => (e as { code?: string })?.code === 'InvalidOperationInCellEditMode';

/** The sheets a check read, by lower-case name: an edit anywhere else cannot change the result. */
export function checkedSheets(result: CheckResult): Set<string> {
  const names = [
    ...(result.rosterSheets ?? [result.roster]).map((r) => r.sheet),
    ...(result.memberSheet ? result.memberSheet.split('、') : []),
    ...(result.lists ?? []).flatMap((l) => l.source.split('、')),
  ];
  return new Set(names.map((n) => n.toLowerCase()));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const cellSame = (a: Cell | undefined, b: Cell | undefined): boolean => {
  if (!a || !b) return !a && !b;
  const v = (c: Cell) => (c.v instanceof Date ? c.v.getTime() : c.v);
  return v(a) === v(b) && a.t === b.t && a.text === b.text && a.fmt === b.fmt && !!a.formula === !!b.formula;
};

function rowSame(a: (Cell | undefined)[] | undefined, b: (Cell | undefined)[]): boolean {
  const n = Math.max(a?.length ?? 0, b.length);
  for (let c = 0; c < n; c++) if (!cellSame(a?.[c], b[c])) return false;
  return true;
}

/**
 * The grid with these rows replaced (a new object; the old one stays as the pane had it) and the
 * rows that differ (0-based, by sheet name), or undefined when none differs.
 */
export function patchGrid(grid: WorkbookGrid, reads: { sheet: string; rows: Map<number, (Cell | undefined)[]> }[]) {
  const changed = new Map<string, number[]>();
  const sheets = grid.sheets.map((s): SheetGrid => {
    const read = reads.find((r) => r.sheet.toLowerCase() === s.name.toLowerCase());
    if (!read) return s;
    const rows = [...s.rows];
    for (const [r, cells] of read.rows) {
      if (rowSame(rows[r], cells)) continue;
      while (rows.length <= r) rows.push([]);
      rows[r] = cells;
      const rowsChanged = changed.get(s.name);
      if (rowsChanged) rowsChanged.push(r);
      else changed.set(s.name, [r]);
    }
    return { ...s, rows };
  });
  return changed.size ? { grid: { ...grid, sheets }, changed } : undefined;
}

/**
 * The findings whose marks can differ after an incremental re-check: those of the households run
 * again (and the member sheet's orphans, when they were made again) — unless one of their rows
 * lies in a merged area, whose mark gathers other rows' findings: then undefined (all findings).
 */
function rechecked(again: Rechecked, before: CheckResult): ((r: CheckResult) => CheckResult) | undefined {
  const households = new Set(again.households);
  const rows = new Map<string, number[]>();
  for (const i of again.households) {
    const h = again.result.households[i];
    const here = rows.get(h.sheet);
    if (here) here.push(h.row - 1);
    else rows.set(h.sheet, [h.row - 1]);
  }
  for (const sheet of [...(before.rosterSheets ?? [before.roster]), ...(again.result.rosterSheets ?? [])]) {
    const merged = (sheet.merges ?? []).some((m) =>
      (rows.get(sheet.sheet) ?? []).some((r) => m.top <= r && r <= m.bottom),
    );
    if (merged) return undefined;
  }
  return (r) => ({
    ...r,
    findings: r.findings.filter((f) => (f.household === undefined ? again.orphans : households.has(f.household))),
  });
}

function hasMarkIn(marks: CellMark[], sheet: string, row: number): boolean {
  return marks.some((m) => m.row === row && m.sheet.toLowerCase() === sheet.toLowerCase());
}

function addRow(rows: RowSet, sheet: string, row: number): void {
  const set = rows.get(sheet) ?? new Set<number>();
  set.add(row);
  rows.set(sheet, set);
}

/** Marks as they stand after rows, columns or cells were inserted or deleted on `sheet`. */
function shiftMarks(marks: CellMark[], sheet: string | undefined, s: CellShift): CellMark[] {
  if (!sheet) return marks;
  return marks.flatMap((m) => {
    if (m.sheet.toLowerCase() !== sheet.toLowerCase()) return [m];
    const to = shiftedCell(m.row, m.col, s);
    return to ? [{ ...m, ...to }] : [];
  });
}
