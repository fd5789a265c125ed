/**
 * A map from ID keys to integers for millions of IDs. An 18-character key (17 digits and a digit
 * or X) is two 32-bit numbers — digits 1–9, and digits 10–17 × 11 + the check character — kept in
 * an open-addressing table (linear probing) of small integers: no object and no string hashing
 * per ID, and nothing for the garbage collector to trace. Any other key (a 15-digit ID whose birth
 * date is invalid, so it has no 18-digit form) goes to an ordinary Map.
 */
import { intArray } from './int-array';

/** The value `get` answers for a key that is not in the table (no stored value may be this). */
export const ABSENT = -2147483648;

let keyHi = 0;
let keyLo = 0;

/** Splits an 18-character key into keyHi and keyLo; false when it is not digits and X. */
function splitKey(key: string): boolean {
  if (key.length !== 18) return false;
  let hi = 0;
  for (let i = 0; i < 9; i++) {
    const d = key.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    hi = hi * 10 + d;
  }
  let lo = 0;
  for (let i = 9; i < 17; i++) {
    const d = key.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    lo = lo * 10 + d;
  }
  const last = key.charCodeAt(17);
  const check = last === 0x58 ? 10 : last - 48;
  if (check < 0 || check > 10) return false;
  keyHi = hi;
  keyLo = lo * 11 + check;
  return true;
}

/**
 * Writes the two halves of an 18-character key to out[at] and out[at + 1] (for placeParts), or
 * −1 to out[at] when the key is not one. Lets a caller split a key while its characters are at hand.
 */
export function splitIdKeyInto(key: string, out: number[], at: number): void {
  if (splitKey(key)) {
    out[at] = keyHi;
    out[at + 1] = keyLo;
  } else out[at] = -1;
}

function slotHash(hi: number, lo: number, mask: number): number {
  let x = Math.imul(hi, 0x9e3779b1) ^ lo;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x ^= x >>> 13;
  return x & mask;
}

/**
 * At most three slots in four used: lookups are mostly first-time inserts done once, and a
 * smaller table is less memory to fetch (a million households with members: 96 MB, not 192).
 */
const MAX_LOAD = 0.75;

export class IdTable {
  private mask: number;
  /** Three entries a slot: the key's two halves and its value (ABSENT in an empty slot). */
  private table: number[];
  private used = 0;
  /** Keys that are not 18 digits: their place in otherValues. */
  private readonly other = new Map<string, number>();
  private readonly otherValues: number[] = [];

  /** `expected`: how many keys it will hold about (it grows past that when needed). */
  constructor(expected = 0) {
    let cap = 16;
    while (cap * MAX_LOAD < expected) cap *= 2;
    this.mask = cap - 1;
    this.table = intArray(cap * 3, ABSENT);
  }

  get size(): number {
    return this.used + this.other.size;
  }

  get(key: string): number {
    if (!splitKey(key)) {
      const i = this.other.get(key);
      return i === undefined ? ABSENT : this.otherValues[i];
    }
    return this.table[this.find(keyHi, keyLo) * 3 + 2];
  }

  has(key: string): boolean {
    return this.get(key) !== ABSENT;
  }

  /** get() for a key already split by splitIdKeyInto. */
  getParts(hi: number, lo: number): number {
    return this.table[this.find(hi, lo) * 3 + 2];
  }

  /** Stores a 32-bit integer other than ABSENT. */
  set(key: string, value: number): void {
    this.setAt(this.place(key), value);
  }

  /**
   * Where the key's value is kept, the key added (valued ABSENT) when it is new: read and write
   * it with valueAt and setAt, one lookup for both (a new key must then be given a value). Valid
   * until the next key is added.
   */
  place(key: string): number {
    if (!splitKey(key)) {
      let i = this.other.get(key);
      if (i === undefined) {
        i = this.otherValues.push(ABSENT) - 1;
        this.other.set(key, i);
      }
      return -1 - i;
    }
    return this.placeParts(keyHi, keyLo);
  }

  /** place() for a key already split by splitIdKeyInto. */
  placeParts(hi: number, lo: number): number {
    let at = this.find(hi, lo) * 3;
    if (this.table[at + 2] === ABSENT) {
      if (this.used + 1 > (this.mask + 1) * MAX_LOAD) {
        this.grow();
        at = this.find(hi, lo) * 3;
      }
      this.table[at] = hi;
      this.table[at + 1] = lo;
      this.used++;
    }
    return at + 2;
  }

  valueAt(place: number): number {
    return place >= 0 ? this.table[place] : this.otherValues[-1 - place];
  }

  setAt(place: number, value: number): void {
    if (place >= 0) this.table[place] = value;
    else this.otherValues[-1 - place] = value;
  }

  /** The slot holding (hi, lo), or the empty slot where it would go. */
  private find(hi: number, lo: number): number {
    const { mask, table } = this;
    let i = slotHash(hi, lo, mask);
    for (;;) {
      const at = i * 3;
      if (table[at + 2] === ABSENT || (table[at] === hi && table[at + 1] === lo)) return i;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.table = intArray(cap * 3, ABSENT);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === ABSENT) continue;
      const to = this.find(old[at], old[at + 1]) * 3;
      this.table[to] = old[at];
      this.table[to + 1] = old[at + 1];
      this.table[to + 2] = old[at + 2];
    }
  }
}
