/**
 * The member sheet (家庭成员) as columns, and its reader: linked to the roster's households through
 * the heads' IDs.
 */
import type { Cell, CellValue, SheetGrid } from '../grid';
import type { ColumnHit } from '../columns';
import type { MemberField } from '../fields';
import type { Household } from '../household';
import type { IdIndex } from './ids';
import { idKey } from '../household';
import {
  analyzeId,
  idFromFacts,
  isPlainId18,
  parseDisabilityCert,
  plainIdFacts,
  type DisabilityCert,
  type IdAnalysis,
} from '../idcard';
import { cellString, parseDate, parseYesNo } from '../values';
import { doubleArray, intArray } from '../int-array';
import { splitIdKeyInto } from '../id-table';

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

/** Relations in a fixed order: a member's relation is stored as its index (one byte). */
const RELATIONS: readonly Relation[] = ['head', 'spouse', 'child', 'parent', 'grandchild', 'inlaw', 'other'];
/**
 * The member sheet as columns: one typed-array slot per member row instead of an object with its
 * ID analysis (millions of them on a prefecture's roster). Names, ID analyses and disability
 * certificates are read from the grid when a rule asks for them; the ID keys, relations, cover and
 * deaths the cross-row indices need are kept. Members are numbered in sheet order.
 */
/** A member sheet and the columns the table reads from it on demand (−1: no such column). */
export interface MemberSheetColumns {
  grid: SheetGrid;
  /** 户主身份证号: the link to the household. */
  head: number;
  name: number;
  id: number;
  cert: number;
}

export class MemberTable {
  /** Members of household h are order[start[h]] … order[start[h + 1] − 1], in sheet order. */
  private readonly start: number[];
  private readonly order: number[];
  /** Households whose members changed after the build (边改边查: relinked()) → their members now. */
  private regrouped: Map<number, readonly number[]> | undefined;

  constructor(
    /** The member sheets, in workbook order (several when the township keeps one per village). */
    readonly sheets: readonly MemberSheetColumns[],
    /** Sheet (index into `sheets`) of each member; empty when there is at most one sheet. */
    private readonly sheetOf: number[],
    private readonly asOf: string,
    /** How many members were read (used to group them by household; not kept). */
    count: number,
    /** 0-based grid row of each member. */
    private readonly gridRow: number[],
    /** Household index of each member, −1 when its head is not on the roster (grouped below). */
    householdOf: number[],
    /** ID key of each member ('' when unusable). */
    readonly keys: string[],
    /** Each member's key split in two (splitIdKeyInto at 2 × member), −1 when it cannot be. */
    readonly keyParts: number[],
    /** Relation (index into RELATIONS) × 2 + 1 when covered (是否保障对象 not 否). */
    private readonly relationCovered: number[],
    /** plainIdFacts of a clean 18-character ID, −1 for any other ID (analyzed from its cell). */
    private readonly idFacts: number[],
    /** Member → ISO date of death, for the few with one. */
    private readonly deaths: Map<number, string>,
    households: number,
  ) {
    const start = intArray(households + 1);
    for (let m = 0; m < count; m++) if (householdOf[m] >= 0) start[householdOf[m] + 1]++;
    for (let h = 0; h < households; h++) start[h + 1] += start[h];
    const order = intArray(start[households]);
    const next = start.slice(0, households);
    for (let m = 0; m < count; m++) if (householdOf[m] >= 0) order[next[householdOf[m]]++] = m;
    this.start = start;
    this.order = order;
  }

  /** No member sheet: every household has no members. */
  static none(households: number): MemberTable {
    return new MemberTable([], [], '', 0, [], [], [], [], [], [], new Map(), households);
  }

  /** How many members household h has on the member sheet. */
  countOf(h: number): number {
    const now = this.regrouped?.get(h);
    return now ? now.length : this.start[h + 1] - this.start[h];
  }

  /** The k-th member (0-based, sheet order) of household h. */
  at(h: number, k: number): number {
    const now = this.regrouped?.get(h);
    return now ? now[k] : this.order[this.start[h] + k];
  }

  /** Household h's members, in sheet order. */
  of(h: number): number[] {
    const out: number[] = [];
    for (let k = 0, n = this.countOf(h); k < n; k++) out.push(this.at(h, k));
    return out;
  }

  /**
   * This table with the given households' members replaced (members whose link moved to another
   * household, a head's ID edited): the columns are shared, and this table is left as it was.
   */
  relinked(groups: ReadonlyMap<number, readonly number[]>): MemberTable {
    // The same columns under another grouping: a shallow copy, not a second read of the sheet.
    const next = Object.assign(Object.create(MemberTable.prototype) as MemberTable, this);
    next.regrouped = new Map([...(this.regrouped ?? []), ...groups]);
    return next;
  }

  /** The ID key of member m's 户主身份证号 (what links it to a household). */
  headKey(m: number): string {
    return keyOfCell(this.cell(m, 'head'), this.asOf);
  }

  /** The member sheet member m is on. */
  sheetName(m: number): string {
    return this.sheetAt(m)?.grid.name ?? '';
  }

  /** Index into `sheets` of member m's sheet. */
  sheetIndex(m: number): number {
    return this.sheetOf.length === 0 ? 0 : this.sheetOf[m];
  }

  private sheetAt(m: number): MemberSheetColumns | undefined {
    return this.sheets[this.sheetIndex(m)];
  }

  /** Excel row of member m on the member sheet. */
  row(m: number): number {
    return this.gridRow[m] + 1;
  }

  name(m: number): string {
    return cellString(this.cell(m, 'name'));
  }

  id(m: number): IdAnalysis {
    const facts = this.idFacts[m];
    return facts >= 0 ? idFromFacts(this.keys[m], facts) : analyzeId(this.cell(m, 'id'), this.asOf);
  }

  key(m: number): string {
    return this.keys[m];
  }

  relation(m: number): Relation {
    return RELATIONS[this.relationCovered[m] >> 1];
  }

  covered(m: number): boolean {
    return (this.relationCovered[m] & 1) === 1;
  }

  deathDate(m: number): string | undefined {
    return this.deaths.size === 0 ? undefined : this.deaths.get(m);
  }

  cert(m: number): DisabilityCert | null {
    const text = cellString(this.cell(m, 'cert'));
    return text ? parseDisabilityCert(text) : null;
  }

  private cell(m: number, column: 'head' | 'name' | 'id' | 'cert'): Cell | undefined {
    const s = this.sheetAt(m);
    const c = s ? s[column] : -1;
    return c < 0 ? undefined : s!.grid.rows[this.gridRow[m]]?.[c];
  }
}

/**
 * The ID key of a cell: idKey(analyzeId(cell)), without building the analysis for the common
 * case, a clean 18-character ID (which is its own key).
 */
function keyOfCell(cell: Cell | undefined, asOf: string): string {
  return isPlainCell(cell) ? (cell.v as string) : idKey(analyzeId(cell, asOf));
}

function isPlainCell(cell: Cell | undefined): cell is Cell {
  return cell !== undefined && cell.t === 'string' && isPlainId18(cell.v as string);
}

/**
 * Reads the member sheets' rows one at a time, as each sheet's data rows are found (so each row is
 * fetched from memory once), linking each member to its household through the heads in `ids`
 * (headIndex). `most`: at most how many rows will be added, over all sheets. Each sheet is begun
 * with startSheet().
 */
export class MemberReader {
  private c = {
    head: -1,
    id: -1,
    name: -1,
    rel: -1,
    covered: -1,
    death: -1,
    cert: -1,
  };
  private sheet: SheetGrid | undefined;
  private readonly sheets: MemberSheetColumns[] = [];
  private sheetOf: number[] = [];
  private readonly most: number;
  private readonly gridRow: number[];
  private readonly householdOf: number[];
  private readonly keys: string[] = [];
  private readonly relationCovered: number[];
  private readonly idFacts: number[];
  private readonly keyParts: number[];
  private readonly deaths = new Map<number, string>();
  private readonly orphans: number[] = [];
  // Members of one household sit together and repeat the head's ID: read it once per run of rows.
  private lastHeadCell: Cell | undefined;
  private lastHeadKey = '';
  private lastHousehold = -1;
  // Relations and cover are a handful of words repeated down the sheet: each is read once.
  private readonly relations = new Map<CellValue, number>();
  private lastCoveredCell: Cell | undefined;
  private lastCovered = 1;
  private n = 0;

  constructor(
    private readonly ids: IdIndex,
    private readonly households: number,
    private readonly asOf: string,
    most: number,
  ) {
    this.most = most;
    this.gridRow = intArray(most);
    this.householdOf = intArray(most);
    this.relationCovered = intArray(most);
    this.idFacts = doubleArray(most, -1);
    this.keyParts = intArray(most * 2, -1);
  }

  /** The next member sheet: its rows are added from now on. */
  startSheet(sheet: SheetGrid, columns: Partial<Record<MemberField, ColumnHit>>): void {
    const col = (f: MemberField) => columns[f]?.col ?? -1;
    this.c = {
      head: col('headId'),
      id: col('id'),
      name: col('name'),
      rel: col('relation'),
      covered: col('covered'),
      death: col('deathDate'),
      cert: col('disabilityCert'),
    };
    this.sheet = sheet;
    this.sheets.push({ grid: sheet, head: this.c.head, name: this.c.name, id: this.c.id, cert: this.c.cert });
    // Only a workbook with several member sheets pays for a sheet number per member.
    if (this.sheets.length === 2) this.sheetOf = intArray(this.most);
    this.lastHeadCell = undefined;
    this.lastHeadKey = '';
    this.lastHousehold = -1;
    this.lastCoveredCell = undefined;
    this.lastCovered = 1;
  }

  add(r: number): void {
    const { c, asOf } = this;
    const row = this.sheet!.rows[r];
    if (!row) return;
    const idCell = c.id >= 0 ? row[c.id] : undefined;
    // A clean ID is analyzed here, once, while its characters are at hand; the rules read the facts.
    const plain = isPlainCell(idCell);
    const key = plain ? (idCell.v as string) : keyOfCell(idCell, asOf);
    // A row with neither a name nor an ID is not a member (a spacer, a half-deleted row).
    if (!key && (c.name < 0 || cellString(row[c.name]) === '') && analyzeId(idCell, asOf).kind === 'blank') return;
    const headCell = c.head >= 0 ? row[c.head] : undefined;
    const last = this.lastHeadCell;
    if (headCell !== last || headCell === undefined) {
      const sameText = headCell && last && headCell.v === last.v && headCell.t === last.t;
      if (!sameText) {
        this.lastHeadKey = keyOfCell(headCell, asOf);
        this.lastHousehold = this.lastHeadKey ? this.ids.headOf(this.lastHeadKey) : -1;
      }
      this.lastHeadCell = headCell;
    }
    const relCell = c.rel >= 0 ? row[c.rel] : undefined;
    const relRaw = relCell ? relCell.v : '';
    let relation = this.relations.get(relRaw);
    if (relation === undefined) {
      relation = RELATIONS.indexOf(relationOf(cellString(relCell)));
      this.relations.set(relRaw, relation);
    }
    const coveredCell = c.covered >= 0 ? row[c.covered] : undefined;
    if (coveredCell !== this.lastCoveredCell) {
      this.lastCoveredCell = coveredCell;
      this.lastCovered = coveredCell === undefined || parseYesNo(coveredCell) !== 'no' ? 1 : 0;
    }
    const n = this.n++;
    if (c.death >= 0 && row[c.death]) {
      const death = parseDate(row[c.death]);
      if (death && death.ok) this.deaths.set(n, death.iso);
    }
    this.gridRow[n] = r;
    if (this.sheets.length > 1) this.sheetOf[n] = this.sheets.length - 1;
    this.householdOf[n] = this.lastHousehold;
    this.keys.push(key);
    this.relationCovered[n] = relation * 2 + this.lastCovered;
    if (plain) this.idFacts[n] = plainIdFacts(key, asOf);
    if (key) splitIdKeyInto(key, this.keyParts, n * 2);
    // A member whose head is not on the roster (a stale member sheet, a typo in the link) — but
    // not one whose link is blank or unreadable, which the row's own ID problems explain.
    if (this.lastHousehold < 0 && this.lastHeadKey) this.orphans.push(n);
  }

  finish(): { members: MemberTable; orphans: number[] } {
    const members = new MemberTable(
      this.sheets,
      this.sheetOf,
      this.asOf,
      this.n,
      this.gridRow,
      this.householdOf,
      this.keys,
      this.keyParts,
      this.relationCovered,
      this.idFacts,
      this.deaths,
      this.households,
    );
    return { members, orphans: this.orphans };
  }
}

/** Adds the members to the index of heads (headIndex), household by household. */
export function addMembers(ids: IdIndex, households: Household[], members: MemberTable): void {
  // Keys were split while their sheets were read: compared and added here as numbers, without
  // fetching millions of ID strings from memory again.
  const { keys, keyParts } = members;
  const headParts = ids.headParts;
  for (let i = 0; i < households.length; i++) {
    const h = households[i];
    const hi = headParts[i * 2];
    const lo = headParts[i * 2 + 1];
    for (let k = 0, n = members.countOf(h.index); k < n; k++) {
      const m = members.at(h.index, k);
      const split = keyParts[m * 2] >= 0;
      // The head's own member record (本人) is the same person in the same household: not a second occurrence.
      if (split && hi >= 0) {
        if (keyParts[m * 2] === hi && keyParts[m * 2 + 1] === lo) continue;
      } else if (!keys[m] || keys[m] === h.key) continue;
      if (split) ids.addParts(keyParts, m * 2, h.index, 'member');
      else ids.add(keys[m], h.index, 'member');
    }
  }
  ids.sortOccurrences();
}
