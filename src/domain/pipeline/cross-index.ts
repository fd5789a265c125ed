/**
 * Phase 2, index: what rules need beyond their own row, built once per run in linear passes —
 * every ID of every roster and member sheet, the reference lists, and each household's deaths.
 */
import type { ListKind } from '../fields';
import type { CheckInput, ListSource } from '../types';
import type { Household } from '../household';
import type { Deceased } from '../context';
import type { WorkbookRead } from './read';
import { detectList, findLists } from '../columns';
import { ABSENT, IdTable } from '../id-table';
import type { IdIndex } from '../index/ids';
import { addMembers, type MemberTable } from '../index/members';
import { buildList, type ListIndex } from '../index/lists';
import { parseDate } from '../values';

export interface CrossIndex {
  /** Every ID of the roster sheets and member sheets → where it occurs. */
  ids: IdIndex;
  lists: Partial<Record<ListKind, ListIndex>>;
  listSources: ListSource[];
  /** Covered persons of each household who died on or before the reference date. */
  deceased: (readonly Deceased[])[];
  /** The same for one household read again (边改边查), with the same lists and these members and IDs. */
  deathsOf(h: Household, members: MemberTable, ids: IdIndex): readonly Deceased[];
  /** '@members', '@list:KIND' and '@policy:KEY' that are available to every sheet. */
  shared: Set<string>;
}

function idTableOf(keys: Set<string>): IdTable {
  const table = new IdTable(keys.size);
  for (const key of keys) table.set(key, 1);
  return table;
}

/** Shared by every household with no death (most of them): nothing allocated for them. */
const NO_DEATHS: readonly Deceased[] = [];

/** The persons of each household who died on or before the reference date while covered. */
function findDeceased(
  h: Household,
  members: MemberTable,
  ids: IdIndex,
  lists: CrossIndex['lists'],
  listedDead: (key: string, parts: number[], at: number) => boolean,
  asOf: string,
): readonly Deceased[] {
  let out: Deceased[] | undefined;
  const death = lists.death;
  const rowDeath = parseDate(h.cells.deathDate);
  if (rowDeath && rowDeath.ok && rowDeath.iso <= asOf) {
    out = [{ name: h.headName, key: h.key, date: rowDeath.iso, via: 'roster', source: h.sheet, isHead: true }];
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
      ? { name, key, date: deathDate, via: 'members', source: members.sheetName(m), isHead }
      : { name, key, date: death!.dates.get(key), via: 'list', source: death!.source, isHead };
    (out ??= []).push(d);
  }
  return out ?? NO_DEATHS;
}

export function crossIndex(read: WorkbookRead, input: CheckInput): CrossIndex {
  const { workbook } = input;
  const policy = read.policy;
  const asOf = policy.asOf;
  const { households, members } = read;
  const ids = read.heads;
  addMembers(ids, households, members);

  const lists: CrossIndex['lists'] = {};
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
  const excluded = [...read.parts.map((p) => p.grid.name), ...read.memberMatches.map((m) => m.sheet)];
  for (const match of findLists(workbook, excluded)) {
    const s = workbook.sheets.find((x) => x.name === match.sheet)!;
    addList(buildList(s, match, match.sheet, asOf));
  }
  for (const ext of input.extraLists ?? []) {
    const match = detectList(ext.sheet, ext.kind);
    if (match) addList(buildList(ext.sheet, match, ext.source, asOf));
  }

  const shared = new Set<string>();
  if (read.memberMatches.length > 0) shared.add('@members');
  for (const kind of Object.keys(lists)) shared.add(`@list:${kind}`);
  if (policy.areaCode) shared.add('@policy:areaCode');

  // The death list as numbers: millions of persons are looked up by their split keys, no ID
  // string is fetched again.
  const deathIds = lists.death ? idTableOf(lists.death.keys) : undefined;
  const listedDead = (key: string, parts: number[], at: number): boolean => {
    if (!deathIds || key === '') return false;
    return parts[at] >= 0 ? deathIds.getParts(parts[at], parts[at + 1]) !== ABSENT : deathIds.has(key);
  };
  const deathsOf = (h: Household, m: MemberTable, i: IdIndex) => findDeceased(h, m, i, lists, listedDead, asOf);
  const deceased = households.map((h) => deathsOf(h, members, ids));
  return { ids, lists, listSources, deceased, deathsOf, shared };
}
