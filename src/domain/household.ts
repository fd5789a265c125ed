/**
 * A roster row normalized once (户 = household): every rule reads these fields instead of raw cells.
 */
import type { Cell, SheetGrid } from './grid';
import { ROSTER_FIELDS, type RosterField } from './fields';
import type { ColumnHit } from './columns';
import { analyzeId, type IdAnalysis } from './idcard';
import { cellString, parseCount, parseMoney, parseStatus, type NumParse, type Status } from './values';

export interface Household {
  index: number;
  /** The roster sheet the row is on (one of several when the township keeps one per village). */
  sheet: string;
  /** 0-based grid row and the Excel row number. */
  r: number;
  row: number;
  cells: RowCells;
  village: string;
  township: string;
  headName: string;
  id: IdAnalysis;
  /** Normalized 18-digit (or upgraded 15-digit) ID used for cross-row matching; '' when unusable. */
  key: string;
  /** ID as written, normalized, for reports. */
  idText: string;
  householdSize: NumParse;
  coveredPersons: NumParse;
  monthlyIncome: NumParse;
  annualIncome: NumParse;
  standard: NumParse;
  benefit: NumParse;
  status: Status | undefined;
  /** Active = status not 停保. */
  active: boolean;
}

/** A usable matching key for an ID analysis: the 18-digit form, also for old 15-digit IDs. */
export function idKey(id: IdAnalysis): string {
  if (id.kind === 'id18') return id.id;
  if (id.kind === 'old15') return id.suggested ?? id.id;
  return '';
}

export function idDisplay(id: IdAnalysis): string {
  switch (id.kind) {
    case 'id18':
    case 'old15':
      return id.id;
    case 'bad-format':
      return id.text;
    case 'number':
      return id.raw;
    default:
      return '';
  }
}

/** Fields clerks often merge down over several households (one village cell for the whole block). */
const MERGED_DOWN: readonly RosterField[] = ['township', 'village', 'group'];

/**
 * Cells of vertically merged blocks in the place fields: only the top-left cell holds the value,
 * so each row below gets it too. Keyed by `row * 16384 + col` (Excel has 16,384 columns).
 */
export function mergedFill(sheet: SheetGrid, columns: Partial<Record<RosterField, ColumnHit>>): Map<number, Cell> {
  const fill = new Map<number, Cell>();
  const cols = new Set(MERGED_DOWN.map((f) => columns[f]?.col).filter((c) => c !== undefined));
  for (const m of sheet.merges ?? []) {
    if (m.bottom === m.top) continue;
    for (let c = m.left; c <= m.right; c++) {
      if (!cols.has(c)) continue;
      const top = sheet.rows[m.top]?.[m.left];
      if (!top) continue;
      for (let r = m.top + 1; r <= m.bottom; r++) fill.set(r * 16384 + c, top);
    }
  }
  return fill;
}

/**
 * A household's cells by field, read straight from the grid row: one small object per household
 * instead of a copy of forty cells (that copy dominated the engine's time on large rosters).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class RowCells {
  constructor(
    readonly row: readonly (Cell | undefined)[],
    /** Column of each field in ROSTER_FIELDS order, −1 when the roster has no such column. */
    readonly cols: Int32Array,
  ) {}
}
// Each field is a getter on the prototype: `h.cells.visitForm` reads the row's cell.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface RowCells extends Readonly<Partial<Record<RosterField, Cell>>> {}
ROSTER_FIELDS.forEach((field, i) => {
  Object.defineProperty(RowCells.prototype, field, {
    get(this: RowCells) {
      const c = this.cols[i];
      return c < 0 ? undefined : this.row[c];
    },
  });
});

/** The roster's columns in ROSTER_FIELDS order, computed once per run. */
export function fieldColumns(columns: Partial<Record<RosterField, ColumnHit>>): Int32Array {
  return Int32Array.from(ROSTER_FIELDS, (f) => columns[f]?.col ?? -1);
}

const EMPTY_ROW: readonly (Cell | undefined)[] = [];

/** No rural household has more persons; a larger count is a typing error, reported as invalid. */
export const MAX_PERSONS = 99;
/** 1亿元: any amount of a dibao roster above it is a typing error (1e308 would break every total). */
export const MAX_YUAN = 1e8;

const persons = (p: NumParse): NumParse =>
  typeof p === 'number' && (!Number.isSafeInteger(p) || p > MAX_PERSONS) ? 'invalid' : p;
const yuanAmount = (p: NumParse): NumParse => (typeof p === 'number' && Math.abs(p) > MAX_YUAN ? 'invalid' : p);

export function readHousehold(
  sheet: SheetGrid,
  r: number,
  index: number,
  cols: Int32Array,
  asOf: string,
  merged?: Map<number, Cell>,
): Household {
  const cells = new RowCells(sheet.rows[r] ?? EMPTY_ROW, cols);
  // Place cells may come from a block merged down over several households.
  const place = (field: RosterField) => {
    const cell = cells[field];
    if (cell || !merged || merged.size === 0) return cell;
    const c = cols[ROSTER_FIELDS.indexOf(field)];
    return c < 0 ? undefined : merged.get(r * 16384 + c);
  };
  const id = analyzeId(cells.headId, asOf);
  const status = parseStatus(cells.status);
  return {
    index,
    sheet: sheet.name,
    r,
    row: r + 1,
    cells,
    village: textAsTyped(place('village')),
    township: textAsTyped(place('township')),
    headName: textAsTyped(cells.headName),
    id,
    key: idKey(id),
    idText: asTypedIfFormula(cells.headId, idDisplay(id)),
    householdSize: persons(parseCount(cells.householdSize)),
    coveredPersons: persons(parseCount(cells.coveredPersons)),
    monthlyIncome: yuanAmount(parseMoney(cells.monthlyIncome)),
    annualIncome: yuanAmount(parseMoney(cells.annualIncome)),
    standard: yuanAmount(parseMoney(cells.standard)),
    benefit: yuanAmount(parseMoney(cells.benefit)),
    status,
    active: status !== 'stopped',
  };
}

/** Text that starts like a formula once trimmed and made half-width ("\u3000＝1+1" → "=1+1"). */
const FORMULA_START = /^[=+\-@]/;

/**
 * Names and places as they reach the generated sheets: trimmed and half-width, unless that would
 * make the text start like a formula — then exactly as typed, one edit away from nothing.
 */
export function textAsTyped(cell: Cell | undefined): string {
  return asTypedIfFormula(cell, cellString(cell));
}

/** `shown` (a cell's text made tidy), or the cell exactly as typed when `shown` starts like a formula. */
function asTypedIfFormula(cell: Cell | undefined, shown: string): string {
  return cell?.t === 'string' && FORMULA_START.test(shown) ? (cell.v as string) : shown;
}

/** A roster row is a household when it names a head or gives an ID. */
export function isHouseholdRow(sheet: SheetGrid, r: number, columns: Partial<Record<RosterField, ColumnHit>>): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  const name = columns.headName ? row[columns.headName.col] : undefined;
  const id = columns.headId ? row[columns.headId.col] : undefined;
  return cellString(name) !== '' || cellString(id) !== '';
}

/** Which household a line of an output is about: the same fields in the adjustments and the sample. */
export function householdRef(h: Household) {
  return {
    household: h.index,
    sheet: h.sheet,
    row: h.row,
    village: h.village,
    headName: h.headName,
    idNumber: h.idText,
  };
}

export const num = (p: NumParse): number | undefined => (typeof p === 'number' ? p : undefined);
