/** Phase 4, assemble: the run's facts as the CheckResult every shell reads. */
import type { RosterField } from '../fields';
import { ROSTER_SPECS } from '../fields';
import type { CheckInput, CheckResult, HouseholdSummary, RosterLocation } from '../types';
import { num, type Household } from '../household';
import { isYes } from '../values';
import type { RosterPart, WorkbookRead } from './read';
import type { CrossIndex } from './cross-index';
import type { RuleRun } from './run-rules';

export function summaryOf(h: Household, expectedBenefit: number | undefined): HouseholdSummary {
  return {
    index: h.index,
    sheet: h.sheet,
    row: h.row,
    village: h.village,
    township: h.township,
    headName: h.headName,
    idNumber: h.idText,
    status: h.status ?? 'existing',
    householdSize: num(h.householdSize),
    coveredPersons: num(h.coveredPersons),
    benefit: num(h.benefit),
    expectedBenefit,
    bottomLine: isYes(h.cells.bottomLine),
  };
}

function locationOf(part: RosterPart, households: Household[], otherCandidates: string[]): RosterLocation {
  const { match, grid } = part;
  const columns = match.columns;
  const headerRows = match.headerRows.map((r) => r + 1);
  const lastHeader = headerRows[headerRows.length - 1];
  const empty = part.first === part.end;
  return {
    sheet: grid.name,
    headerRows,
    firstRow: empty ? lastHeader + 1 : households[part.first].row,
    lastRow: empty ? lastHeader : households[part.end - 1].row,
    columns: Object.fromEntries(
      Object.entries(columns).map(([f, hit]) => [f, { header: hit!.header, col: hit!.col + 1 }]),
    ) as RosterLocation['columns'],
    missingFields: ROSTER_SPECS.map((s) => s.field).filter((f) => !columns[f as RosterField]) as RosterField[],
    merges: (grid.merges ?? []).filter((m) => m.bottom >= match.headerRows[match.headerRows.length - 1]),
    otherCandidates,
    households: part.end - part.first,
  };
}

export function assemble(read: WorkbookRead, index: CrossIndex, run: RuleRun, input: CheckInput): CheckResult {
  const { households } = read;
  const { adjustments, expected } = run;
  const chosen = input.rosterSheet !== undefined || (input.rosterSheets?.length ?? 0) > 0;
  const others = chosen ? [] : read.notChecked.filter((n) => n.kind === 'other').map((n) => n.sheet);
  const rosterSheets = read.parts.map((p) => locationOf(p, households, others));
  return {
    roster: rosterSheets[0],
    rosterSheets,
    notChecked: read.notChecked,
    memberSheet: run.ctx.memberSheet,
    lists: index.listSources,
    asOf: read.policy.asOf,
    policy: read.policy,
    households: households.map((h, i) => summaryOf(h, Number.isNaN(expected[i]) ? undefined : expected[i])),
    findings: run.findings,
    adjustments,
    sample: run.sample.draw(households),
    skipped: run.skipped,
    summary: run.tally.finish(households.length, adjustments, run.ctx),
  };
}
