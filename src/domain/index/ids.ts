/**
 * Every ID of the roster (heads and members) → where it occurs: the cross-row index behind ID-06,
 * HH-03 and the member sheet's links, built once per run.
 */
import type { Household } from '../household';
import { intArray } from '../int-array';
import { ABSENT, IdTable, splitIdKeyInto } from '../id-table';

export interface IdOccurrence {
  household: number;
  role: 'head' | 'member';
}

/** IDs seen in other township workbooks (folder mode): normalized ID → where, for ID-06. */
export type ExternalIdIndex = Map<string, { file: string; sheet: string; row: number; name: string }[]>;

const NONE: readonly IdOccurrence[] = [];
/**
 * Every ID of the roster (heads and members) → the households it occurs in, as an ID table of
 * integers: household × 2 + role for an ID seen once (almost all), or −(list + 1) for a repeated
 * one. Built once per run: the heads first (so the member sheet can find its households in it),
 * then the members.
 */
export class IdIndex {
  private readonly table: IdTable;
  private readonly lists: IdOccurrence[][];
  /** Each head's key split in two (splitIdKeyInto at 2 × household), set by headIndex. */
  headParts: number[] = [];

  /** For each household, how many of its occurrences share their ID with another occurrence. */
  private readonly repeats: number[];

  /**
   * IDs whose places changed after the build (边改边查: moved()): their occurrences now, sorted,
   * [] for an ID gone; and the change of each household's count in `repeats`. The built table is
   * shared with the index moved from, which stays as it was.
   */
  private readonly changed: Map<string, readonly IdOccurrence[]> | undefined;
  private readonly repeatsChanged: Map<number, number> | undefined;

  /** `households` on the roster; `expected`: about how many IDs (heads and members) it will hold. */
  constructor(households: number, expected = households, from?: IdIndex) {
    this.table = from ? from.table : new IdTable(expected);
    this.lists = from ? from.lists : [];
    this.repeats = from ? from.repeats : intArray(households);
    this.changed = from ? new Map(from.changed) : undefined;
    this.repeatsChanged = from ? new Map(from.repeatsChanged) : undefined;
    if (from) this.headParts = from.headParts;
  }

  add(key: string, household: number, role: IdOccurrence['role']): void {
    this.addAt(this.table.place(key), household, role);
  }

  /** add() for a key already split by splitIdKeyInto (parts[at] ≥ 0). */
  addParts(parts: number[], at: number, household: number, role: IdOccurrence['role']): void {
    this.addAt(this.table.placeParts(parts[at], parts[at + 1]), household, role);
  }

  private addAt(at: number, household: number, role: IdOccurrence['role']): void {
    const code = household * 2 + (role === 'member' ? 1 : 0);
    const v = this.table.valueAt(at);
    if (v === ABSENT) {
      this.table.setAt(at, code);
      return;
    }
    this.repeats[household]++;
    if (v >= 0) {
      this.repeats[v >> 1]++;
      this.lists.push([decode(v), decode(code)]);
      this.table.setAt(at, -this.lists.length);
    } else this.lists[-v - 1].push(decode(code));
  }

  /**
   * Does any person of the household have an ID found elsewhere on the roster too? For almost
   * every household no: the rules about repeated IDs then look no further (no lookups at all).
   */
  hasRepeats(household: number): boolean {
    const base = this.repeats[household];
    return (this.repeatsChanged ? base + (this.repeatsChanged.get(household) ?? 0) : base) > 0;
  }

  /** The first household whose head has this ID, −1 when none (asked before members are added). */
  headOf(key: string): number {
    const v = this.table.get(key);
    if (v === ABSENT) return -1;
    return v >= 0 ? v >> 1 : this.lists[-v - 1][0].household;
  }

  /**
   * Repeated IDs list their places by household, the head before the members, members in sheet
   * order (the heads were all added first).
   */
  sortOccurrences(): void {
    for (const list of this.lists) list.sort(byPlace);
  }

  has(key: string): boolean {
    const now = this.changed?.get(key);
    return now ? now.length > 0 : this.table.has(key);
  }

  /** Households the ID occurs in, more than one only for a repeated ID. */
  get(key: string): readonly IdOccurrence[] {
    const now = this.changed?.get(key);
    if (now) return now;
    const v = this.table.get(key);
    if (v === ABSENT) return NONE;
    return v < 0 ? this.lists[-v - 1] : [decode(v)];
  }

  /** Is the ID in more than one place? (The common answer, no, allocates nothing.) */
  isRepeated(key: string): boolean {
    const now = this.changed?.get(key);
    if (now) return now.length > 1;
    const v = this.table.get(key);
    return v !== ABSENT && v < 0;
  }

  /**
   * This index with occurrences taken away and added (a head's ID edited, members relinked to
   * another household), as a whole build of the changed roster would hold them; `heads`: the
   * heads' split keys now. Costs the changed IDs' occurrences: the built table is shared, and this
   * index is left as it was (the check it belongs to may still be re-checked from).
   */
  moved(moves: readonly IdMove[], heads: number[] = this.headParts): IdIndex {
    const next = new IdIndex(0, 0, this);
    next.headParts = heads;
    const now = new Map<string, IdOccurrence[]>();
    for (const { key, household, role, add } of moves) {
      if (!key) continue;
      let list = now.get(key);
      if (!list) now.set(key, (list = [...this.get(key)]));
      if (add) list.push({ household, role });
      else {
        const at = list.findIndex((o) => o.household === household && o.role === role);
        if (at >= 0) list.splice(at, 1);
      }
    }
    const counts = next.repeatsChanged!;
    const count = (list: readonly IdOccurrence[], by: number) => {
      if (list.length < 2) return;
      for (const o of list) counts.set(o.household, (counts.get(o.household) ?? 0) + by);
    };
    for (const [key, list] of now) {
      list.sort(byPlace);
      count(this.get(key), -1);
      count(list, 1);
      next.changed!.set(key, list);
    }
    return next;
  }
}

/** An occurrence taken away from (add false) or added to an ID: IdIndex.moved. */
export interface IdMove {
  key: string;
  household: number;
  role: IdOccurrence['role'];
  add: boolean;
}

/** By household, the head before the members (as sortOccurrences leaves them). */
function byPlace(a: IdOccurrence, b: IdOccurrence): number {
  return a.household - b.household || (a.role === b.role ? 0 : a.role === 'head' ? -1 : 1);
}

/** The first household among `list` (sorted) whose head has the ID, −1 when none. */
export function firstHead(list: readonly IdOccurrence[]): number {
  for (const o of list) if (o.role === 'head') return o.household;
  return -1;
}

/** A new ID index holding the roster's heads, in roster order. */
export function headIndex(households: Household[], memberRows: number): IdIndex {
  // The member sheet usually lists the head too (本人), whose record is not a second ID: about
  // max(heads, member rows) IDs in all (the table grows if there are more).
  const ids = new IdIndex(households.length, Math.max(households.length, memberRows));
  const parts = (ids.headParts = intArray(households.length * 2, -1));
  for (let i = 0; i < households.length; i++) {
    const h = households[i];
    if (!h.key) continue;
    splitIdKeyInto(h.key, parts, i * 2);
    if (parts[i * 2] >= 0) ids.addParts(parts, i * 2, h.index, 'head');
    else ids.add(h.key, h.index, 'head');
  }
  return ids;
}

function decode(n: number): IdOccurrence {
  return { household: n >> 1, role: n & 1 ? 'member' : 'head' };
}
