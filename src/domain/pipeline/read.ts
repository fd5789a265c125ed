/**
 * Phase 1, read: the roster sheets' households and the member sheets' persons, each row fetched
 * from memory once (read as its sheet's data rows are found).
 */
import type { SheetGrid } from '../grid';
import type { MemberField, RosterField } from '../fields';
import type { CheckInput, SheetNotChecked } from '../types';
import type { ColumnHit, HeaderMatch } from '../columns';
import { RosterError } from '../errors';
import { fieldColumns, isHouseholdRow, mergedFill, readHousehold, type Household } from '../household';
import { headIndex, type IdIndex } from '../index/ids';
import { MemberReader, MemberTable } from '../index/members';
import { findMemberSheets, findRosters, villageOfSheet } from '../roster-sheets';
import type { Policy } from '../policy';
import { readRosterTitle } from '../roster-title';
import { settingsFromRoster } from '../roster-settings';

/** One roster sheet and its households: households[first … end − 1]. */
export interface RosterPart {
  grid: SheetGrid;
  match: HeaderMatch<RosterField>;
  first: number;
  end: number;
}

export interface WorkbookRead {
  /** The policy as used: the clerk's settings, completed from the roster's title lines. */
  policy: Policy;
  parts: RosterPart[];
  households: Household[];
  /** The heads' IDs (the member sheets found their households through it). */
  heads: IdIndex;
  memberMatches: HeaderMatch<MemberField>[];
  members: MemberTable;
  /** Members whose 户主身份证号 names no household (HH-05). */
  orphans: number[];
  notChecked: SheetNotChecked[];
}

/** Header text as a message shows it: line breaks and spaces inside a header cell removed. */
export const headerText = (header: string) => header.replace(/\s+/g, '');

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
      throw new RosterError('uncomputed', { sheet: sheet.name, row: r + 1, column: headerText(hit.header) });
    }
  }
}

function rosterNames(input: CheckInput): string[] | undefined {
  const names = [...(input.rosterSheets ?? []), ...(input.rosterSheet !== undefined ? [input.rosterSheet] : [])];
  return names.length > 0 ? names : undefined;
}

export function readWorkbook(input: CheckInput): WorkbookRead {
  const { workbook } = input;
  // The settings the roster gives itself (title, 填报单位, 填报日期) are known once the first
  // roster sheet's header is found, before any household is read with the reference date.
  let policy = input.policy;
  let asOf = policy.asOf;
  if (workbook.sheets.length === 0) {
    throw new RosterError('no-sheets');
  }
  const households: Household[] = [];
  const grids: SheetGrid[] = [];
  const firsts: number[] = [];
  const { matches, notChecked } = findRosters(
    workbook,
    rosterNames(input),
    (sheet, columns, headerRows) => {
      if (grids.length === 0) {
        policy = settingsFromRoster(input.policy, readRosterTitle(sheet, headerRows[0]), false);
        asOf = policy.asOf;
      }
      const merged = mergedFill(sheet, columns);
      const fields = fieldColumns(columns);
      grids.push(sheet);
      firsts.push(households.length);
      return (r) => {
        if (isHouseholdRow(sheet, r, columns)) {
          households.push(readHousehold(sheet, r, households.length, fields, asOf, merged));
        }
      };
    },
    input.policy.columns,
  );
  if (matches.some((m) => m.columns.standard))
    policy = { ...policy, sources: { ...policy.sources, standard: 'column' } };
  const parts = matches.map((match, i) => ({
    grid: grids[i],
    match,
    first: firsts[i],
    end: i + 1 < firsts.length ? firsts[i + 1] : households.length,
  }));
  for (const p of parts) if (p.grid.uncomputed) refuseUncomputed(p.grid, p.match.dataRows, p.match.columns);
  // One sheet per village with no 村 column: the sheet's name is the village.
  if (parts.length > 1) {
    for (const p of parts) {
      if (p.match.columns.village) continue;
      const village = villageOfSheet(p.grid.name);
      for (let i = p.first; i < p.end; i++) households[i].village = village;
    }
  }

  let heads: IdIndex | undefined;
  let reader: MemberReader | undefined;
  const memberMatches = findMemberSheets(
    workbook,
    parts.map((p) => p.grid.name),
    (rows) => {
      heads = headIndex(households, rows);
      reader = new MemberReader(heads, households.length, asOf, rows);
    },
    (sheet, columns) => {
      const r = reader!;
      r.startSheet(sheet, columns);
      return (row) => r.add(row);
    },
  );
  const { members, orphans } = reader
    ? reader.finish()
    : { members: MemberTable.none(households.length), orphans: [] as number[] };
  return {
    policy,
    parts,
    households,
    heads: heads ?? headIndex(households, 0),
    memberMatches,
    members,
    orphans,
    notChecked,
  };
}
