/**
 * The engine: workbook grid in; findings, adjustments, sample and summary out. Pure: no Office,
 * DOM or file system. Cross-row indices are built once per run, so work grows linearly.
 */
import type { SheetGrid, WorkbookGrid } from './grid';
import { a1 } from './grid';
import type { ListKind, MemberField, RosterField } from './fields';
import { LIST_LABELS, ROSTER_SPECS } from './fields';
import type { Policy } from './policy';
import type {
  Adjustment,
  CheckResult,
  ExternalIdIndex,
  ExternalList,
  Finding,
  HouseholdSummary,
  ListSource,
  SkippedCheck,
} from './types';
import {
  detectList,
  findLists,
  findMemberSheet,
  findRoster,
  missingColumnNote,
  otherRosterCandidates,
  type ColumnHit,
  type HeaderMatch,
} from './columns';
import { RosterError } from './errors';
import { ABSENT, IdTable } from './id-table';
import { doubleArray } from './int-array';
import { fieldColumns, isHouseholdRow, mergedFill, num, readHousehold, type Household } from './household';
import {
  addMembers,
  headIndex,
  MemberReader,
  buildList,
  type Deceased,
  type ListIndex,
  MemberTable,
  type IdIndex,
  type RuleContext,
} from './context';
import { benefitFacts, type BenefitFacts } from './money';
import { RULES } from './rules';
import { unmetNeeds, type Report, type Rule } from './rules/rule';
import { adjustmentFor } from './adjust';
import { SampleDraw } from './sample';
import { SummaryTally } from './summary';
import { isYes, parseDate } from './values';

export { RosterError } from './errors';
export type { ExternalIdIndex, ExternalList } from './types';

export interface CheckInput {
  workbook: WorkbookGrid;
  policy: Policy;
  /** Use this sheet as the roster instead of the best-matching one. */
  rosterSheet?: string;
  extraLists?: ExternalList[];
  externalIds?: ExternalIdIndex;
}

/** Header text as a message shows it: line breaks and spaces inside a header cell removed. */
const headerText = (header: string) => header.replace(/\s+/g, '');

const HEADER_OF: Record<string, string> = Object.fromEntries(ROSTER_SPECS.map((s) => [s.field, s.header]));

function needLabel(need: string, note: (field: RosterField) => string): string {
  if (need === '@members') return '家庭成员表';
  if (need.startsWith('@list:')) return LIST_LABELS[need.slice(6) as ListKind] ?? need;
  if (need === '@policy:areaCode') return '行政区划代码（核查参数）';
  return `“${HEADER_OF[need] ?? need}”列${note(need as RosterField)}`;
}

function idTableOf(keys: Set<string>): IdTable {
  const table = new IdTable(keys.size);
  for (const key of keys) table.set(key, 1);
  return table;
}

/** Shared by every household with no death (most of them): nothing allocated for them. */
const NO_DEATHS: readonly Deceased[] = [];
const NO_FINDINGS: Finding[] = [];

/** The persons of each household who died on or before the reference date while covered. */
function findDeceased(
  h: Household,
  members: MemberTable,
  ids: IdIndex,
  lists: RuleContext['lists'],
  listedDead: (key: string, parts: number[], at: number) => boolean,
  sheets: { roster: string; members?: string },
  asOf: string,
): readonly Deceased[] {
  let out: Deceased[] | undefined;
  const death = lists.death;
  const rowDeath = parseDate(h.cells.deathDate);
  if (rowDeath && rowDeath.ok && rowDeath.iso <= asOf) {
    out = [{ name: h.headName, key: h.key, date: rowDeath.iso, via: 'roster', source: sheets.roster, isHead: true }];
  } else if (death && listedDead(h.key, ids.headParts, h.index * 2)) {
    const date = death.dates.get(h.key);
    out = [{ name: h.headName, key: h.key, date, via: 'list', source: death.source, isHead: true }];
  }
  for (let k = 0, n = members.countOf(h.index); k < n; k++) {
    const m = members.at(h.index, k);
    if (!members.covered(m)) continue;
    const key = members.key(m);
    const deathDate = members.deathDate(m);
    const diedThen = deathDate !== undefined && deathDate <= asOf;
    const listed = !diedThen && listedDead(key, members.keyParts, m * 2);
    if (!diedThen && !listed) continue; // the common case: alive
    if (out && key !== '' && out.some((d) => d.key === key)) continue;
    const isHead = members.relation(m) === 'head' || (key !== '' && key === h.key);
    if (isHead && out?.some((d) => d.isHead)) continue;
    const name = members.name(m);
    const d: Deceased = diedThen
      ? { name, key, date: deathDate, via: 'members', source: sheets.members ?? '', isHead }
      : { name, key, date: death!.dates.get(key), via: 'list', source: death!.source, isHead };
    (out ??= []).push(d);
  }
  return out ?? NO_DEATHS;
}

/**
 * Formulas saved without a result (a file written by a program and never opened in Excel) read
 * as blank: every such cell would be reported "missing". The check is refused instead, naming
 * the first such cell, so that the clerk opens and saves the file in Excel first.
 */
function refuseUncomputed(sheet: SheetGrid, rows: number[], columns: Partial<Record<RosterField, ColumnHit>>): void {
  const cols = Object.values(columns).map((hit) => hit!);
  for (const r of rows) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (const hit of cols) {
      if (!row[hit.col]?.uncomputed) continue;
      const at = `工作表“${sheet.name}”第${r + 1}行“${headerText(hit.header)}”列`;
      throw new RosterError(
        'uncomputed',
        `${at}的公式没有计算结果：请在 Excel 或 WPS 中打开此文件、保存后再核查`,
        `sheet "${sheet.name}" row ${r + 1} column "${headerText(hit.header)}": the formula has no calculated result; open and save the file in Excel or WPS, then check again`,
      );
    }
  }
}

/** Member-sheet rows whose 户主身份证号 names no household of the roster (HH-05, on the member sheet). */
function orphanFindings(orphans: number[], members: MemberTable, match: HeaderMatch<MemberField>): Finding[] {
  const hit = match.columns.headId!;
  return orphans.map((m) => ({
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
  }));
}

function summaryOf(h: Household, expectedBenefit: number | undefined): HouseholdSummary {
  return {
    index: h.index,
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

export function checkWorkbook(input: CheckInput): CheckResult {
  const { workbook, policy } = input;
  const asOf = policy.asOf;
  if (workbook.sheets.length === 0) {
    throw new RosterError('no-sheets', '工作簿中没有工作表', 'The workbook has no sheets');
  }
  // Households are read as the roster's data rows are found, and members as the member sheet's
  // are: each row is fetched from memory once (on a large roster that is most of the time).
  const households: Household[] = [];
  const roster = findRoster(
    workbook,
    input.rosterSheet,
    (sheet, columns) => {
      const merged = mergedFill(sheet, columns);
      const fields = fieldColumns(columns);
      return (r) => {
        if (isHouseholdRow(sheet, r, columns)) {
          households.push(readHousehold(sheet, r, households.length, fields, asOf, merged));
        }
      };
    },
    policy.columns,
  );
  const sheet = workbook.sheets.find((s) => s.name === roster.sheet)!;
  const columns = roster.columns;

  if (sheet.uncomputed) refuseUncomputed(sheet, roster.dataRows, columns);

  let heads: IdIndex | undefined;
  let reader: MemberReader | undefined;
  const memberMatch = findMemberSheet(workbook, [roster.sheet], (memberSheet, memberColumns) => {
    const rows = memberSheet.rows.length;
    const r = new MemberReader(
      memberSheet,
      memberColumns,
      (heads = headIndex(households, rows)),
      households.length,
      asOf,
      rows,
    );
    reader = r;
    return (row) => r.add(row);
  });
  const ids = heads ?? headIndex(households, 0);
  const { members, orphans } = reader
    ? reader.finish()
    : { members: MemberTable.none(households.length), orphans: [] as number[] };
  addMembers(ids, households, members);

  const lists: Partial<Record<ListKind, ListIndex>> = {};
  const listSources: ListSource[] = [];
  const addList = (index: ListIndex) => {
    const existing = lists[index.kind];
    if (existing) {
      for (const k of index.keys) existing.keys.add(k);
      for (const [k, v] of index.dates) existing.dates.set(k, v);
      for (const [k, v] of index.poor) existing.poor.set(k, v);
      existing.source = `${existing.source}、${index.source}`;
    } else lists[index.kind] = index;
    listSources.push({ kind: index.kind, source: index.source, entries: index.keys.size });
  };
  const excluded = memberMatch ? [roster.sheet, memberMatch.sheet] : [roster.sheet];
  for (const match of findLists(workbook, excluded)) {
    const s = workbook.sheets.find((x) => x.name === match.sheet)!;
    addList(buildList(s, match, match.sheet, asOf));
  }
  for (const ext of input.extraLists ?? []) {
    const match = detectList(ext.sheet, ext.kind);
    if (match) addList(buildList(ext.sheet, match, ext.source, asOf));
  }

  const available = new Set<string>(Object.keys(columns));
  if (memberMatch) available.add('@members');
  for (const kind of Object.keys(lists)) available.add(`@list:${kind}`);
  if (policy.areaCode) available.add('@policy:areaCode');

  const sheetNames = { roster: roster.sheet, members: memberMatch?.sheet };
  // The death list as numbers: millions of persons are looked up by their split keys, no ID
  // string is fetched again.
  const deathIds = lists.death ? idTableOf(lists.death.keys) : undefined;
  const listedDead = (key: string, parts: number[], at: number): boolean => {
    if (!deathIds || key === '') return false;
    return parts[at] >= 0 ? deathIds.getParts(parts[at], parts[at + 1]) !== ABSENT : deathIds.has(key);
  };
  const deceased = households.map((h) => findDeceased(h, members, ids, lists, listedDead, sheetNames, asOf));
  let moneyOf: Household | undefined;
  let lastMoney: BenefitFacts | undefined;
  const ctx: RuleContext = {
    policy,
    asOf,
    sheet: roster.sheet,
    columns,
    households,
    members,
    memberSheet: memberMatch?.sheet,
    ids,
    externalIds: input.externalIds,
    lists,
    available,
    deceased,
    money: (h) => {
      // Asked for by several rules in a row, then by the summary: computed once per household,
      // never kept for all of them (a million objects that would live to the end of the check).
      if (h !== moneyOf) {
        moneyOf = h;
        lastMoney = benefitFacts(h, policy, deceased[h.index].length);
      }
      return lastMoney!;
    },
  };

  const skipped: SkippedCheck[] = [];
  const columnNote = (field: RosterField) => missingColumnNote(field, roster, policy.columns);
  const runnable = RULES.filter((rule) => {
    const missing = unmetNeeds(rule, available);
    if (missing.length === 0) return true;
    const labels = missing.map((m) =>
      m
        .split(' / ')
        .map((n) => needLabel(n, columnNote))
        .join('或'),
    );
    skipped.push({ rule: rule.id, missing, reason: `缺少${labels.join('、')}，未检查` });
    return false;
  });

  const nameCol = columns.headName?.col ?? columns.headId!.col;
  const findings: Finding[] = [];
  // The current household's findings; most households have none, and nothing is allocated for them.
  let found: Finding[] | undefined;
  // One reporter for the whole run (not a closure per rule and row): it reads the current pair.
  let h: Household = households[0];
  let rule: Rule = runnable[0];
  const report: Report = (messageId, data = {}, opts = {}) => {
    const hit = opts.field ? columns[opts.field] : undefined;
    const col = hit ? hit.col : nameCol;
    const f: Finding = {
      rule: rule.id,
      severity: opts.severity ?? rule.severity,
      sheet: roster.sheet,
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
    findings.push(f);
    (found ??= []).push(f);
  };
  // One pass over the households does all that needs a household at hand (on a large roster each
  // further pass would fetch every household from memory again): rules, summary row, adjustment,
  // totals and the sample's groups.
  // Expected benefits, kept as numbers: the summary rows are made at the end, in one go.
  const expected = doubleArray(households.length, NaN);
  const adjustments: Adjustment[] = [];
  const tally = new SummaryTally();
  const sample = new SampleDraw(policy);
  for (let i = 0; i < households.length; i++) {
    h = households[i];
    found = undefined;
    for (let k = 0; k < runnable.length; k++) {
      rule = runnable[k];
      rule.check(h, ctx, report);
    }
    const e = ctx.money(h).expected;
    if (e !== undefined) expected[i] = e;
    // Nothing reported and not new (the common case): nothing to adjust.
    if (found || h.status === 'new') {
      const a = adjustmentFor(h, ctx, found ?? NO_FINDINGS);
      if (a) adjustments.push(a);
    }
    tally.household(h, found);
    sample.add(h);
  }

  if (memberMatch && runnable.some((r) => r.id === 'HH-05')) {
    const orphaned = orphanFindings(orphans, members, memberMatch);
    for (const f of orphaned) tally.finding(f);
    findings.push(...orphaned);
  }
  const headerRows = roster.headerRows.map((r) => r + 1);
  const location = {
    sheet: roster.sheet,
    headerRows,
    firstRow: households.length ? households[0].row : headerRows[headerRows.length - 1] + 1,
    lastRow: households.length ? households[households.length - 1].row : headerRows[headerRows.length - 1],
    columns: Object.fromEntries(
      Object.entries(columns).map(([f, hit]) => [f, { header: hit!.header, col: hit!.col + 1 }]),
    ) as CheckResult['roster']['columns'],
    missingFields: ROSTER_SPECS.map((s) => s.field).filter((f) => !columns[f as RosterField]) as RosterField[],
    merges: (sheet.merges ?? []).filter((m) => m.bottom >= headerRows[headerRows.length - 1]),
    otherCandidates: input.rosterSheet === undefined ? otherRosterCandidates(workbook, roster.sheet) : [],
  };
  return {
    roster: location,
    memberSheet: memberMatch?.sheet,
    lists: listSources,
    asOf,
    households: households.map((h, i) => summaryOf(h, Number.isNaN(expected[i]) ? undefined : expected[i])),
    findings,
    adjustments,
    sample: sample.draw(households),
    skipped,
    summary: tally.finish(households.length, adjustments, ctx),
  };
}
