/** Reference lists (比对名单: deaths, poverty register, vehicles, …) as ID sets, one per kind. */
import type { SheetGrid } from '../grid';
import type { ListKind } from '../fields';
import type { ListMatch } from '../columns';
import { idKey } from '../household';
import { analyzeIdText } from '../idcard';
import { cellString, parseDate, parseYesNo } from '../values';

export interface ListIndex {
  kind: ListKind;
  source: string;
  keys: Set<string>;
  /** Death list: ID → date of death when the list gives one. */
  dates: Map<string, string>;
  /** Poverty register: ID → marked 兜底 in the list, name and village. */
  poor: Map<string, { bottomLine: boolean; name: string; village: string }>;
}

export function buildList(sheet: SheetGrid, match: ListMatch, source: string, asOf: string): ListIndex {
  const idx: ListIndex = { kind: match.kind, source, keys: new Set(), dates: new Map(), poor: new Map() };
  for (const r of match.dataRows) {
    const row = sheet.rows[r] ?? [];
    const key = idKey(analyzeIdText(cellString(row[match.idCol]), asOf));
    if (!key) continue;
    idx.keys.add(key);
    if (match.kind === 'death' && match.dateCol !== undefined) {
      const d = parseDate(row[match.dateCol]);
      if (d && d.ok) idx.dates.set(key, d.iso);
    }
    if (match.kind === 'poor') {
      idx.poor.set(key, {
        bottomLine: match.bottomLineCol !== undefined && parseYesNo(row[match.bottomLineCol]) === 'yes',
        name: match.nameCol !== undefined ? cellString(row[match.nameCol]) : '',
        village: match.villageCol !== undefined ? cellString(row[match.villageCol]) : '',
      });
    }
  }
  return idx;
}
