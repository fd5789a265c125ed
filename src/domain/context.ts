/**
 * What rules see besides their own row: the policy, the roster's columns, and the cross-row
 * indices (IDs, members, reference lists), each built once per run in one linear pass.
 */
import type { Cell, SheetGrid } from './grid';
import type { ListKind, RosterField } from './fields';
import type { ColumnHit, HeaderMatch, ListMatch } from './columns';
import type { MemberField } from './fields';
import type { Policy } from './policy';
import type { ExternalIdIndex } from './engine';
import type { Household } from './household';
import type { BenefitFacts } from './money';
import type { Person } from './rules/people';
import { idKey } from './household';
import { analyzeId, analyzeIdText, parseDisabilityCert, type DisabilityCert, type IdAnalysis } from './idcard';
import { cellString, parseDate, parseYesNo } from './values';

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'inlaw' | 'other';

const CHILD = /^(长|次|三|四|五|六|七|幼|养|继|独生)?(子|女|儿子|女儿|儿)$/;

export function relationOf(text: string): Relation {
  const t = text.replace(/\s+/g, '');
  if (t === '') return 'other';
  if (t === '本人' || t === '户主') return 'head';
  if (/^(配偶|妻|夫|妻子|丈夫|老伴)$/.test(t)) return 'spouse';
  if (CHILD.test(t)) return 'child';
  if (/^(继|养)?(父亲|母亲|父|母)$/.test(t)) return 'parent';
  if (/^外?孙(子|女)?$/.test(t)) return 'grandchild';
  if (/^(儿媳|女婿|媳妇)$/.test(t)) return 'inlaw';
  return 'other';
}

export interface Member {
  /** Excel row on the member sheet. */
  row: number;
  household: number | undefined;
  name: string;
  id: IdAnalysis;
  key: string;
  relation: Relation;
  covered: boolean;
  cert: DisabilityCert | null;
  deathDate?: string;
}

export interface IdOccurrence {
  household: number;
  role: 'head' | 'member';
}

const NONE: readonly IdOccurrence[] = [];

/**
 * Every ID of the roster (heads and members) → the households it occurs in. Almost every ID
 * occurs once: that case is one number in a map (household × 2 + role); only repeated IDs get
 * a list. Built once per run.
 */
export class IdIndex {
  private readonly once = new Map<string, number>();
  private readonly repeated = new Map<string, IdOccurrence[]>();

  add(key: string, household: number, role: IdOccurrence['role']): void {
    // Repeated IDs are few: their small map is only asked once there is one.
    const list = this.repeated.size > 0 ? this.repeated.get(key) : undefined;
    if (list) {
      list.push({ household, role });
      return;
    }
    const first = this.once.get(key);
    if (first === undefined) {
      this.once.set(key, household * 2 + (role === 'member' ? 1 : 0));
      return;
    }
    this.once.delete(key);
    this.repeated.set(key, [decode(first), { household, role }]);
  }

  has(key: string): boolean {
    return this.once.has(key) || this.repeated.has(key);
  }

  /** Households the ID occurs in, more than one only for a repeated ID. */
  get(key: string): readonly IdOccurrence[] {
    const list = this.repeated.get(key);
    if (list) return list;
    const first = this.once.get(key);
    return first === undefined ? NONE : [decode(first)];
  }

  /** Is the ID in more than one place? (The common answer, no, allocates nothing.) */
  isRepeated(key: string): boolean {
    return this.repeated.has(key);
  }
}

function decode(n: number): IdOccurrence {
  return { household: n >> 1, role: n & 1 ? 'member' : 'head' };
}

export interface ListIndex {
  kind: ListKind;
  source: string;
  keys: Set<string>;
  /** Death list: ID → date of death when the list gives one. */
  dates: Map<string, string>;
  /** Poverty register: ID → marked 兜底 in the list, name and village. */
  poor: Map<string, { bottomLine: boolean; name: string; village: string }>;
}

export interface RuleContext {
  policy: Policy;
  asOf: string;
  sheet: string;
  columns: Partial<Record<RosterField, ColumnHit>>;
  households: Household[];
  /** Members by household index (empty arrays when there is no member sheet). */
  members: Member[][];
  memberSheet?: string;
  /** Every ID of the roster (heads and members) → where it occurs. */
  ids: IdIndex;
  externalIds?: ExternalIdIndex;
  lists: Partial<Record<ListKind, ListIndex>>;
  /** Fields, '@members' and '@list:KIND' that are available. */
  available: Set<string>;
  /** Covered persons of each household who died on or before the reference date. */
  deceased: (readonly Deceased[])[];
  /** Money facts of each household (expected benefit, after deaths). */
  money: BenefitFacts[];
  /** The persons of the household the rules are looking at (rules/people.ts). */
  lastPeople?: { household: Household; persons: Person[] };
}

export interface Deceased {
  name: string;
  /** The person's ID key ('' when unusable). */
  key: string;
  date?: string;
  /** Where the death is recorded: the roster's 死亡日期, the member sheet, or a death list. */
  via: 'roster' | 'members' | 'list';
  /** That place as the clerk knows it: the sheet or list name. */
  source: string;
  isHead: boolean;
}

export function buildMembers(
  sheet: SheetGrid,
  match: HeaderMatch<MemberField>,
  households: Household[],
  asOf: string,
): { members: Member[][]; orphans: Member[] } {
  const byKey = new Map<string, number>();
  for (const h of households) if (h.key && !byKey.has(h.key)) byKey.set(h.key, h.index);
  const members: Member[][] = households.map(() => []);
  const orphans: Member[] = [];
  const col = (f: MemberField) => match.columns[f]?.col ?? -1;
  const [cHead, cId, cName, cRel, cCovered, cDeath, cCert] = [
    col('headId'),
    col('id'),
    col('name'),
    col('relation'),
    col('covered'),
    col('deathDate'),
    col('disabilityCert'),
  ];
  // Members of one household sit together and repeat the head's ID: analyze it once per run of rows.
  let lastHeadCell: Cell | undefined;
  let lastHeadKey = '';
  let lastHousehold: number | undefined;
  const relations = new Map<string, Relation>();
  for (const r of match.dataRows) {
    const row = sheet.rows[r] ?? [];
    const id = analyzeId(cId >= 0 ? row[cId] : undefined, asOf);
    const name = cName >= 0 ? cellString(row[cName]) : '';
    if (!name && id.kind === 'blank') continue;
    const headCell = cHead >= 0 ? row[cHead] : undefined;
    if (headCell !== lastHeadCell || headCell === undefined) {
      const sameText = headCell && lastHeadCell && headCell.v === lastHeadCell.v && headCell.t === lastHeadCell.t;
      if (!sameText) {
        lastHeadKey = idKey(analyzeId(headCell, asOf));
        lastHousehold = byKey.get(lastHeadKey);
      }
      lastHeadCell = headCell;
    }
    const headKey = lastHeadKey;
    const relationText = cRel >= 0 ? cellString(row[cRel]) : '';
    let relation = relations.get(relationText);
    if (relation === undefined) {
      relation = relationOf(relationText);
      relations.set(relationText, relation);
    }
    const death = cDeath >= 0 ? parseDate(row[cDeath]) : undefined;
    const certText = cCert >= 0 ? cellString(row[cCert]) : '';
    const m: Member = {
      row: r + 1,
      household: lastHousehold,
      name,
      id,
      key: idKey(id),
      relation,
      covered: cCovered >= 0 ? parseYesNo(row[cCovered]) !== 'no' : true,
      cert: certText ? parseDisabilityCert(certText) : null,
      deathDate: death && death.ok ? death.iso : undefined,
    };
    // A member whose head is not on the roster (a stale member sheet, a typo in the link) — but
    // not one whose link is blank or unreadable, which the row's own ID problems explain.
    if (m.household === undefined) {
      if (headKey) orphans.push(m);
    } else members[m.household].push(m);
  }
  return { members, orphans };
}

export function buildIdIndex(households: Household[], members: Member[][]): IdIndex {
  const ids = new IdIndex();
  for (const h of households) {
    if (h.key) ids.add(h.key, h.index, 'head');
    for (const m of members[h.index]) {
      // The head's own member record (本人) is the same person in the same household: not a second occurrence.
      if (!m.key || m.key === h.key) continue;
      ids.add(m.key, h.index, 'member');
    }
  }
  return ids;
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
