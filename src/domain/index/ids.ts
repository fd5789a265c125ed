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
  private readonly lists: IdOccurrence[][] = [];
  /** Each head's key split in two (splitIdKeyInto at 2 × household), set by headIndex. */
  headParts: number[] = [];

  /** 1 for each household that holds an ID found elsewhere too. */
  private readonly repeats: number[];

  /** `households` on the roster; `expected`: about how many IDs (heads and members) it will hold. */
  constructor(households: number, expected = households) {
    this.table = new IdTable(expected);
    this.repeats = intArray(households);
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
    this.repeats[household] = 1;
    if (v >= 0) {
      this.repeats[v >> 1] = 1;
      this.lists.push([decode(v), decode(code)]);
      this.table.setAt(at, -this.lists.length);
    } else this.lists[-v - 1].push(decode(code));
  }

  /**
   * Does any person of the household have an ID found elsewhere on the roster too? For almost
   * every household no: the rules about repeated IDs then look no further (no lookups at all).
   */
  hasRepeats(household: number): boolean {
    return this.repeats[household] === 1;
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
    for (const list of this.lists) {
      list.sort((a, b) => a.household - b.household || (a.role === b.role ? 0 : a.role === 'head' ? -1 : 1));
    }
  }

  has(key: string): boolean {
    return this.table.has(key);
  }

  /** Households the ID occurs in, more than one only for a repeated ID. */
  get(key: string): readonly IdOccurrence[] {
    const v = this.table.get(key);
    if (v === ABSENT) return NONE;
    return v < 0 ? this.lists[-v - 1] : [decode(v)];
  }

  /** Is the ID in more than one place? (The common answer, no, allocates nothing.) */
  isRepeated(key: string): boolean {
    const v = this.table.get(key);
    return v !== ABSENT && v < 0;
  }
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
