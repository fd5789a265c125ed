/**
 * 边改边查 in the engine: after the clerk edits a few roster rows, only the households the edit
 * can change are run through the rules again, and the result is exactly what a whole check of the
 * edited workbook gives (test/domain/recheck.test.ts compares the two on random edits).
 *
 * A household's findings depend on its own row and members, the reference lists, and — through
 * the ID index (ID-06, HH-03) — on the households that share one of its IDs (their rows, names,
 * members). So the households run again are the edited ones and every household sharing an ID
 * (head or member, before or after the edit) with them. The totals, the sample and the summary
 * rows are made again from all households: linear passes without rules, a few milliseconds.
 *
 * An edited head ID moves the household in the ID index and may move members to or from it (the
 * member sheet links by the head's ID): only those members are relinked (relink.ts), and the
 * households that gained or lost members count as edited. Anything else that can change what the check reads as a roster
 * — an edit in the first rows where headers are looked for, a row that stops or starts being a
 * household, a footer or totals row typed, merged cells, the member sheet or a list edited —
 * is left to a whole check (the caller's; undefined here).
 */
import { HEADER_SCAN_ROWS, staysDataRow } from '../columns';
import type { WorkbookGrid } from '../grid';
import { ROSTER_SPECS } from '../fields';
import { fieldColumns, householdRef, isHouseholdRow, readHousehold, type Household } from '../household';
import { villageOfSheet } from '../roster-sheets';
import { SampleDraw } from '../sample';
import { SummaryTally } from '../summary';
import type { Adjustment, CheckInput, CheckResult, Finding, SampleEntry } from '../types';
import { assemble, summaryOf } from './assemble';
import { crossIndex, type CrossIndex } from './cross-index';
import { readWorkbook, type WorkbookRead } from './read';
import { relinkHead, type Links } from './relink';
import { householdRunner, orphanRun, runRules } from './run-rules';

interface Kept {
  input: CheckInput;
  read: WorkbookRead;
  index: CrossIndex;
  expected: number[];
}

/** The phases of each result's check, while the result is alive (the pane's last check). */
const kept = new WeakMap<CheckResult, Kept>();

/** checkWorkbook, keeping what recheckEdited needs for as long as the result is kept. */
export function checkKept(input: CheckInput): CheckResult {
  const read = readWorkbook(input);
  const index = crossIndex(read, input);
  const run = runRules(read, index, input);
  const result = assemble(read, index, run, input);
  kept.set(result, { input, read, index, expected: run.expected });
  return result;
}

export interface Rechecked {
  result: CheckResult;
  /** Households (indices) run through the rules again, ascending. */
  households: number[];
  /** The member sheet's orphan findings (HH-05) were made again: they may differ. */
  orphans: boolean;
}

/** A roster row edited in place: its household before and as read now. */
interface Edit {
  part: number;
  before: Household;
  after: Household;
}

/**
 * The check of `workbook` — the checked one with `edited` rows (sheet name → 0-based rows) changed
 * — made from `before`'s check; undefined when only a whole check can say (see above).
 */
export function recheckEdited(
  before: CheckResult,
  workbook: WorkbookGrid,
  edited: Map<string, number[]>,
): Rechecked | undefined {
  const k = kept.get(before);
  if (!k) return undefined;
  const now = new Map(workbook.sheets.map((s) => [s.name, s]));
  const checked = k.input.workbook;
  const input: CheckInput = {
    ...k.input,
    workbook: { ...checked, sheets: checked.sheets.map((s) => now.get(s.name) ?? s) },
  };
  const edits = editsOf(k, input.workbook, edited);
  if (!edits) return undefined;
  const keyMoved = edits.some((e) => e.before.key !== e.after.key);
  const { read, index, changed } = patched(k, input.workbook, edits);

  // The households that can see a changed one: every holder of an ID of it, before and after.
  const again = new Set(changed);
  for (const i of changed) {
    for (const key of [...keysOf(k.read, i), ...keysOf(read, i)]) {
      for (const ix of [k.index, index]) for (const o of ix.ids.get(key)) again.add(o.household);
    }
  }
  const households = [...again].sort((a, b) => a - b);

  const runner = householdRunner(read, index, input);
  const expected = k.expected.slice();
  const found = new Map<number, Finding[] | undefined>();
  const adjusted = new Map<number, Adjustment>();
  let p = 0;
  for (const i of households) {
    while (i >= read.parts[p].end) p++;
    const run = runner.run(p, i);
    found.set(i, run.found);
    if (run.adjustment) adjusted.set(i, run.adjustment);
    expected[i] = run.expected;
  }
  const orphans = keyMoved ? orphanRun(read, runner) : before.findings.filter((f) => f.household === undefined);
  const findings = spliced(
    before.findings.filter((f) => f.household !== undefined),
    households,
    (f) => f.household!,
    (i) => found.get(i) ?? [],
  );
  for (const f of orphans) findings.push(f);
  const adjustments = spliced(
    before.adjustments,
    households,
    (a) => a.household,
    (i) => (adjusted.has(i) ? [adjusted.get(i)!] : []),
  );

  // Totals from every household, in roster order, as the whole run counts them.
  const tally = new SummaryTally();
  let f = 0;
  for (const h of read.households) {
    const start = f;
    while (f < findings.length && findings[f].household === h.index) f++;
    tally.household(h, f > start ? findings.slice(start, f) : undefined);
  }
  for (const o of orphans) tally.finding(o);
  const summaries = before.households.slice();
  for (const i of households) {
    const e = expected[i];
    summaries[i] = summaryOf(read.households[i], Number.isNaN(e) ? undefined : e);
  }
  // Everything else the result holds depends on what the check read as its roster, which an edit
  // in place leaves as it was (or the edit was left to a whole check).
  const result: CheckResult = {
    ...before,
    households: summaries,
    findings,
    adjustments,
    sample: sampleAfter(before, k.read, read, changed),
    summary: tally.finish(read.households.length, adjustments, runner.ctx),
  };
  kept.set(result, { input, read, index, expected });
  return { result, households, orphans: keyMoved };
}

/**
 * The sample is drawn from each village's active households, new ones first: while no edited
 * household changed village, activity or newness, the same households are drawn and only their
 * lines are made again; otherwise it is drawn again from every household.
 */
function sampleAfter(before: CheckResult, was: WorkbookRead, read: WorkbookRead, changed: number[]): SampleEntry[] {
  const same = changed.every((i) => {
    const a = was.households[i];
    const b = read.households[i];
    return a.village === b.village && a.active === b.active && (a.status === 'new') === (b.status === 'new');
  });
  if (!same) {
    const sample = new SampleDraw(read.policy);
    for (const h of read.households) sample.add(h);
    return sample.draw(read.households);
  }
  const again = new Set(changed);
  return before.sample.map((e) =>
    again.has(e.household) ? { ...householdRef(read.households[e.household]), reason: e.reason } : e,
  );
}

/** The edited rows as households read again; undefined when an edit is not a household edited in place. */
function editsOf(k: Kept, workbook: WorkbookGrid, edited: Map<string, number[]>): Edit[] | undefined {
  const { read } = k;
  const edits: Edit[] = [];
  for (const [name, rows] of edited) {
    const p = read.parts.findIndex((x) => x.grid.name === name);
    if (p < 0) {
      // The member sheet, a list or a roster sheet now read differently: a whole check.
      if (workbook.sheets.some((s) => s.name === name)) return undefined;
      continue; // a sheet the check left out
    }
    const part = read.parts[p];
    const sheet = workbook.sheets.find((s) => s.name === name)!;
    const columns = part.match.columns;
    for (const r of rows) {
      if (r < HEADER_SCAN_ROWS) return undefined;
      if ((sheet.merges ?? []).some((m) => m.top <= r && r <= m.bottom)) return undefined;
      if (sheet.rows[r]?.some((c) => c?.uncomputed)) return undefined;
      const i = householdAt(read.households, part.first, part.end, r);
      if (i < 0) return undefined;
      if (!staysDataRow(sheet, r, ROSTER_SPECS, part.match) || !isHouseholdRow(sheet, r, columns)) return undefined;
      const after = readHousehold(sheet, r, i, fieldColumns(columns), read.policy.asOf);
      // One sheet per village with no 村 column: the sheet's name is the village (as read.ts does).
      if (read.parts.length > 1 && !columns.village) after.village = villageOfSheet(sheet.name);
      edits.push({ part: p, before: read.households[i], after });
    }
  }
  return edits;
}

/** households[first … end − 1] are in row order: the one on row r, −1 when none. */
function householdAt(households: Household[], first: number, end: number, r: number): number {
  let lo = first;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = households[mid].r;
    if (at === r) return mid;
    if (at < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The same read and index with the edited households replaced; a head's ID edited moves the
 * household in the ID index and the members its old and new IDs link (relink.ts). The households
 * whose members moved count as edited.
 */
function patched(k: Kept, workbook: WorkbookGrid, edits: Edit[]) {
  const households = k.read.households.slice();
  for (const { after } of edits) households[after.index] = after;
  const changed = new Set(edits.map((e) => e.after.index));
  let links: Links = { ids: k.index.ids, members: k.read.members, orphans: k.read.orphans };
  for (const { before, after } of edits) {
    if (before.key === after.key) continue;
    const moved = relinkHead(links, after.index, before.key, after.key);
    links = moved.links;
    for (const h of moved.regrouped) changed.add(h);
  }
  const deceased = k.index.deceased.slice();
  for (const i of changed) deceased[i] = k.index.deathsOf(households[i], links.members, links.ids);
  const now = new Map(workbook.sheets.map((s) => [s.name, s]));
  const parts = k.read.parts.map((p) => ({ ...p, grid: now.get(p.grid.name) ?? p.grid }));
  const { ids, members, orphans } = links;
  const read: WorkbookRead = { ...k.read, households, parts, heads: ids, members, orphans };
  const index: CrossIndex = { ...k.index, ids, deceased };
  return { read, index, changed: [...changed] };
}

/** The IDs of household i's persons: the head's and its members'. */
function keysOf(read: WorkbookRead, i: number): string[] {
  const keys = [read.households[i].key];
  const { members } = read;
  for (let k = 0, n = members.countOf(i); k < n; k++) keys.push(members.key(members.at(i, k)));
  return keys.filter((x) => x !== '');
}

/**
 * Items in household order with those of `households` (ascending) replaced by `fresh(i)`, in the
 * same order: what one run over every household would have made.
 */
function spliced<T>(
  items: readonly T[],
  households: number[],
  of: (t: T) => number,
  fresh: (i: number) => readonly T[],
): T[] {
  const out: T[] = [];
  const again = new Set(households);
  let next = 0;
  for (const t of items) {
    const h = of(t);
    while (next < households.length && households[next] < h) for (const x of fresh(households[next++])) out.push(x);
    if (!again.has(h)) out.push(t);
  }
  while (next < households.length) for (const x of fresh(households[next++])) out.push(x);
  return out;
}
