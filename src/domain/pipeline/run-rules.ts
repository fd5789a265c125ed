/**
 * Phase 3, run rules: one pass over the households of every roster sheet does all that needs a
 * household at hand (on a large roster each further pass would fetch every household from memory
 * again): rules, adjustment, totals and the sample's groups.
 */
import { a1 } from '../grid';
import type { RosterField } from '../fields';
import type { Adjustment, CheckInput, Finding, LackedNeed, RuleId, SkippedCheck } from '../types';
import type { Household } from '../household';
import type { RuleContext } from '../context';
import type { BenefitFacts } from '../money';
import { benefitFacts } from '../money';
import { RULES } from '../rules';
import { missingColumnHint } from '../columns';
import type { Policy } from '../policy';
import { unmetNeeds, type Report, type Rule as AnyRule } from '../rules/rule';

type Rule = AnyRule<RuleId>;
import { adjustmentFor } from '../adjust';
import { SampleDraw } from '../sample';
import { SummaryTally } from '../summary';
import { doubleArray } from '../int-array';
import type { WorkbookRead, RosterPart } from './read';
import { headerText } from './read';
import type { CrossIndex } from './cross-index';

export interface RuleRun {
  ctx: RuleContext;
  findings: Finding[];
  adjustments: Adjustment[];
  /** Each household's expected benefit, NaN when unknown. */
  expected: number[];
  tally: SummaryTally;
  sample: SampleDraw;
  skipped: SkippedCheck[];
}

/** The needs a sheet lacks, each a list of alternatives; a column with what its header row suggests. */
function lackedOn(missing: string[], part: RosterPart, named: Policy['columns']): LackedNeed[][] {
  return missing.map((m) =>
    m
      .split(' / ')
      .map((need) =>
        need.startsWith('@') ? { need } : { need, ...missingColumnHint(need as RosterField, part.match, named) },
      ),
  );
}

function availableOn(part: RosterPart, shared: Set<string>): Set<string> {
  const available = new Set<string>(shared);
  for (const field of Object.keys(part.match.columns)) available.add(field);
  return available;
}

/**
 * The rules each sheet can run, and the rules skipped: a rule whose needs a sheet does not meet is
 * skipped on that sheet only (a village sheet without a column must not read as "missing" there).
 */
function planRules(
  parts: RosterPart[],
  shared: Set<string>,
  named: Policy['columns'],
): { runnable: Rule[][]; skipped: SkippedCheck[] } {
  const available = parts.map((p) => availableOn(p, shared));
  const runnable: Rule[][] = parts.map(() => []);
  const skipped: SkippedCheck[] = [];
  for (const rule of RULES) {
    const missingOn = available.map((a) => unmetNeeds(rule, a));
    missingOn.forEach((missing, i) => missing.length === 0 && runnable[i].push(rule));
    const lacking = parts.filter((_, i) => missingOn[i].length > 0);
    if (lacking.length === 0) continue;
    const same = missingOn.every((m) => m.join('\u0000') === missingOn[0].join('\u0000'));
    if (same) {
      skipped.push({
        rule: rule.id,
        missing: missingOn[0],
        messageId: 'missing',
        data: { lacking: [{ needs: lackedOn(missingOn[0], parts[0], named) }] },
      });
      continue;
    }
    const missing = [...new Set(missingOn.flat())];
    skipped.push({
      rule: rule.id,
      missing,
      messageId: 'missingOnSheets',
      data: {
        lacking: parts.flatMap((p, i) =>
          missingOn[i].length ? [{ sheet: p.grid.name, needs: lackedOn(missingOn[i], p, named) }] : [],
        ),
      },
      sheets: lacking.map((p) => p.grid.name),
    });
  }
  return { runnable, skipped };
}

const NO_FINDINGS: Finding[] = [];

/** What the rules gave one household. */
export interface HouseholdRun {
  /** Its findings in report order; undefined when none (most households). */
  found: Finding[] | undefined;
  adjustment: Adjustment | undefined;
  /** Expected benefit, NaN when unknown. */
  expected: number;
}

/**
 * The rules of every sheet, ready to run household by household: the whole run goes through it,
 * and 边改边查 (pipeline/recheck.ts) runs it again on the few households an edit can change.
 */
export interface HouseholdRunner {
  ctx: RuleContext;
  skipped: SkippedCheck[];
  /** Does HH-05 run on some sheet (then members whose head is not on the roster are reported)? */
  orphansChecked: boolean;
  /** The rules on households[i] of roster part p (households are run part by part, in order). */
  run(p: number, i: number): HouseholdRun;
}

export function householdRunner(read: WorkbookRead, index: CrossIndex, input: CheckInput): HouseholdRunner {
  const policy = read.policy;
  const { households, parts, members } = read;
  const { runnable, skipped } = planRules(parts, index.shared, policy.columns);
  let moneyOf: Household | undefined;
  let lastMoney: BenefitFacts | undefined;
  const ctx: RuleContext = {
    policy,
    asOf: policy.asOf,
    sheet: parts[0].grid.name,
    columns: parts[0].match.columns,
    households,
    members,
    memberSheet: read.memberMatches.length ? read.memberMatches.map((m) => m.sheet).join('、') : undefined,
    ids: index.ids,
    externalIds: input.externalIds,
    lists: index.lists,
    available: availableOn(parts[0], index.shared),
    deceased: index.deceased,
    money: (h) => {
      // Asked for by several rules in a row, then by the summary: computed once per household,
      // never kept for all of them (a million objects that would live to the end of the check).
      if (h !== moneyOf) {
        moneyOf = h;
        lastMoney = benefitFacts(h, policy, index.deceased[h.index].length);
      }
      return lastMoney!;
    },
  };

  // The current household's findings; most households have none, and nothing is allocated for them.
  let found: Finding[] | undefined;
  // One reporter for the whole run (not a closure per rule and row): it reads the current sheet,
  // household and rule.
  let columns: Partial<Record<RosterField, { col: number; header: string }>> = parts[0].match.columns;
  let sheetName = parts[0].grid.name;
  let nameCol = 0;
  let h: Household = households[0];
  let rule: Rule = RULES[0];
  let part = -1;
  let rules: Rule[] = [];
  const report: Report = (messageId, data = {}, opts = {}) => {
    const hit = opts.field ? columns[opts.field] : undefined;
    const col = hit ? hit.col : nameCol;
    const f: Finding = {
      rule: rule.id,
      severity: opts.severity ?? rule.severity,
      sheet: sheetName,
      row: h.row,
      field: hit ? opts.field : undefined,
      column: hit ? headerText(hit.header) : undefined,
      col: col + 1,
      cell: a1(h.r, col),
      messageId,
      data,
      household: h.index,
    };
    if (opts.source) f.source = opts.source;
    (found ??= []).push(f);
  };
  const enter = (p: number) => {
    part = p;
    const at = parts[p];
    rules = runnable[p];
    columns = at.match.columns;
    sheetName = at.grid.name;
    nameCol = columns.headName?.col ?? columns.headId!.col;
    ctx.sheet = sheetName;
    ctx.columns = columns;
    ctx.available = availableOn(at, index.shared);
  };
  const run = (p: number, i: number): HouseholdRun => {
    if (p !== part) enter(p);
    h = households[i];
    found = undefined;
    for (let k = 0; k < rules.length; k++) {
      rule = rules[k];
      rule.check(h, ctx, report);
    }
    const e = ctx.money(h).expected;
    // Nothing reported and not new (the common case): nothing to adjust.
    const adjustment = found || h.status === 'new' ? adjustmentFor(h, ctx, found ?? NO_FINDINGS) : undefined;
    return { found, adjustment, expected: e ?? NaN };
  };
  const orphansChecked = runnable.some((rs) => rs.some((r) => r.id === 'HH-05'));
  return { ctx, skipped, orphansChecked, run };
}

/** Member-sheet rows whose heads are not on the roster, reported when HH-05 runs. */
export function orphanRun(read: WorkbookRead, runner: HouseholdRunner): Finding[] {
  return read.memberMatches.length > 0 && runner.orphansChecked ? orphanFindings(read) : [];
}

export function runRules(read: WorkbookRead, index: CrossIndex, input: CheckInput): RuleRun {
  const { households, parts } = read;
  const runner = householdRunner(read, index, input);
  const findings: Finding[] = [];
  // Expected benefits, kept as numbers: the summary rows are made at the end, in one go.
  const expected = doubleArray(households.length, NaN);
  const adjustments: Adjustment[] = [];
  const tally = new SummaryTally();
  const sample = new SampleDraw(read.policy);
  for (let p = 0; p < parts.length; p++) {
    for (let i = parts[p].first; i < parts[p].end; i++) {
      const { found, adjustment, expected: e } = runner.run(p, i);
      if (found) for (let k = 0; k < found.length; k++) findings.push(found[k]);
      if (!Number.isNaN(e)) expected[i] = e;
      if (adjustment) adjustments.push(adjustment);
      tally.household(households[i], found);
      sample.add(households[i]);
    }
  }
  for (const f of orphanRun(read, runner)) {
    tally.finding(f);
    findings.push(f);
  }
  return { ctx: runner.ctx, findings, adjustments, expected, tally, sample, skipped: runner.skipped };
}

/** Member-sheet rows whose 户主身份证号 names no household of the roster (HH-05, on the member sheet). */
function orphanFindings(read: WorkbookRead): Finding[] {
  const { members } = read;
  return read.orphans.map((m) => {
    const match = read.memberMatches[members.sheetIndex(m)];
    const hit = match.columns.headId!;
    return {
      rule: 'HH-05',
      severity: 'warning',
      sheet: match.sheet,
      row: members.row(m),
      field: 'headId',
      column: headerText(hit.header),
      col: hit.col + 1,
      cell: a1(members.row(m) - 1, hit.col),
      messageId: 'orphan',
      data: { name: members.name(m) },
    };
  });
}
