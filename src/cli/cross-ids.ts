/**
 * Folder mode: every ID of every township file (heads from the roster, members from the member
 * sheet), so a person enrolled in two townships is reported (ID-06) in both files. Keys are the
 * engine's own (idKey: the 18-digit form, old 15-digit IDs upgraded), so they match its index.
 */
import { findMemberSheets } from '../domain/roster-sheets';
import type { ExternalIdIndex } from '../domain/engine';
import { cellAt, type WorkbookGrid } from '../domain/grid';
import { idKey } from '../domain/household';
import { analyzeId } from '../domain/idcard';
import type { CheckResult, HouseholdSummary } from '../domain/types';

type Entry = { file: string; sheet: string; row: number; name: string };

function push(index: ExternalIdIndex, key: string, e: Entry): void {
  const list = index.get(key);
  if (list) list.push(e);
  else index.set(key, [e]);
}

/** Adds one file's IDs to the index (every roster sheet); a member is located at its household's roster row. */
export function collectIds(index: ExternalIdIndex, file: string, grid: WorkbookGrid, result: CheckResult): void {
  const asOf = result.asOf;
  const byKey = new Map<string, HouseholdSummary>();
  const rosters = result.rosterSheets ?? [result.roster];
  for (const location of rosters) {
    const roster = grid.sheets.find((s) => s.name === location.sheet);
    const idCol = location.columns.headId?.col;
    if (!roster || idCol === undefined) continue;
    for (const h of result.households) {
      if (h.sheet !== roster.name) continue;
      const key = idKey(analyzeId(cellAt(roster, h.row - 1, idCol - 1), asOf));
      if (!key) continue;
      if (!byKey.has(key)) byKey.set(key, h);
      push(index, key, { file, sheet: roster.name, row: h.row, name: h.headName });
    }
  }
  if (!result.memberSheet) return;
  const matches = findMemberSheets(
    grid,
    rosters.map((r) => r.sheet),
    () => {},
    () => () => {},
  );
  for (const match of matches) {
    const sheet = grid.sheets.find((s) => s.name === match.sheet);
    const c = match.columns;
    if (!sheet || !c.id || !c.headId) continue;
    for (const r of match.dataRows) {
      const key = idKey(analyzeId(cellAt(sheet, r, c.id.col), asOf));
      const headKey = idKey(analyzeId(cellAt(sheet, r, c.headId.col), asOf));
      const h = byKey.get(headKey);
      // The head's own member record is the roster row already.
      if (!key || !h || key === headKey) continue;
      push(index, key, { file, sheet: h.sheet, row: h.row, name: h.headName });
    }
  }
}

/** The entries of files other than `file`: what that file's check compares against. */
export function othersOf(index: ExternalIdIndex, file: string): ExternalIdIndex {
  const out: ExternalIdIndex = new Map();
  for (const [key, entries] of index) {
    const others = entries.filter((e) => e.file !== file);
    if (others.length) out.set(key, others);
  }
  return out;
}
