/**
 * One worksheet's XML → the engine's SheetGrid, as ExcelJS's in-memory reader would give it
 * (values, number formats, formulas' cached results, merged ranges, hidden rows) but streamed:
 * memory holds the grid, never the XML or ExcelJS's cell objects. The hot path of reading a
 * county's roster: positions are compared in place and numbers parsed without substrings.
 */
import {
  columnIndex,
  columnIndexAt,
  columnLetters,
  type Cell,
  type MergedRange,
  type SheetGrid,
} from '../../domain/grid';
import { booleanCell, dateCell, numberCell } from '../cell-values';
import { unreadableWorkbook } from '../file/file-error';
import { beyondExcel, MAX_COLS, MAX_ROWS } from '../limits';
import { tidyMerges } from '../merges';
import type { CellStyle } from './parts';
import {
  attrName,
  attrValue,
  decodeXml,
  findAttr,
  MAX_MARKUP_CHARS,
  nameIs,
  nextAttr,
  textOf,
  type XmlHandler,
} from './xml';

/** The cell's `t`: how its <v> is to be read. */
const enum Kind {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  IsoDate,
}

const enum Capture {
  None,
  Value,
  Formula,
  Inline,
}

export interface SheetContext {
  /** The sheet's name, for the messages that refuse it. */
  sheet: string;
  sharedStrings: Cell[];
  styles: CellStyle[];
  date1904: boolean;
  /** Called after each row (progress). */
  onRow: () => void;
  /**
   * Called for each cell kept in the grid, with the length of its own text (0 for a number or a
   * shared string): the cell budget throws from here.
   */
  onCell?: (ownChars: number) => void;
}

/** A whole number written in src[start, end) (digits only), or -1. */
function digits(src: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = src[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A decimal such as "-433.33" in src[start, end) as parseFloat reads it, or NaN when it is not
 * that simple (an exponent, a sign '+', spaces, more than 15 digits: parseFloat then reads it).
 * Exact: up to 15 digits the digits and the power of ten are both exact doubles, and one
 * division rounds correctly, as parseFloat does (Clinger's fast path).
 */
function decimal(src: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = i < end && src[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let count = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = src[i];
    if (c === 46 && fraction < 0) {
      fraction = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || ++count > 15) return NaN;
    mantissa = mantissa * 10 + d;
    if (fraction >= 0) fraction++;
  }
  if (count === 0) return NaN;
  const v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -v : v;
}

/**
 * Small whole numbers in General format (household sizes, counts, 0/1 flags) come back in every
 * row: one cell each, shared like the shared strings' (cells are never changed once read).
 */
const SMALL = 1024;
const SMALL_CELLS: Cell[] = [];

/** The row number of a cell reference ("AB12" → 12) is within Excel's rows (or absent). */
function rowWithin(src: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end && src[i] > 57) i++;
  if (i === end) return true;
  const n = digits(src, i, end);
  return n >= 0 ? n <= MAX_ROWS : !/^\d+$/.test(textOf(src, i, end));
}

function rangeOf(ref: string): MergedRange | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const left = columnIndex(m[1]);
  const right = m[3] ? columnIndex(m[3]) : left;
  const top = Number(m[2]) - 1;
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** 1900 date system serial → JS date (UTC), as ExcelJS converts it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

export class SheetReader implements XmlHandler {
  readonly rows: SheetGrid['rows'] = [];
  private readonly merges: MergedRange[] = [];
  private readonly hiddenRows: number[] = [];

  private inData = false;
  private row: (Cell | undefined)[] | undefined;
  private rowNumber = 0;
  private rowHidden = false;
  private rowCounts = false;

  private col = 0;
  private style = 0;
  private kind = Kind.Number;
  private formula = false;
  /** Some formula had no cached result (the grid says so: the engine refuses such rosters). */
  private uncomputed = false;
  private hasValue = false;
  private capture = Capture.None;
  private phonetic = 0;
  /** The <v> (or inline text) as raw pieces: usually one, src[vs, ve) of the chunk being scanned. */
  private raw = '';
  private rawSrc: Uint8Array | undefined;
  private vs = 0;
  private ve = 0;
  private pieces = 0;

  constructor(private readonly ctx: SheetContext) {}

  open(src: Uint8Array, ns: number, ne: number, end: number): void {
    const n = ne - ns;
    if (n === 1) {
      const c = src[ns];
      if (c === 99 /* c */ && this.row) this.openCell(src, ne, end);
      else if (c === 118 /* v */ && this.row) this.startCapture(Capture.Value);
      else if (c === 102 /* f */ && this.row) {
        // A formula: text, or a shared/array formula's reference (t="shared" si="0" with no text).
        this.formula = true;
        this.capture = Capture.Formula;
      } else if (c === 116 /* t */ && this.kind === Kind.Inline && this.phonetic === 0 && this.row) {
        this.startCapture(Capture.Inline, this.capture === Capture.Inline);
      }
    } else if (n === 3 && nameIs(src, ns, ne, 'row') && this.inData) this.openRow(src, ne, end);
    else if (n === 3 && nameIs(src, ns, ne, 'rPh')) this.phonetic++;
    else if (n === 9 && nameIs(src, ns, ne, 'sheetData')) this.inData = true;
    else if (n === 9 && nameIs(src, ns, ne, 'mergeCell')) {
      if (findAttr(src, ne, end, 'ref')) {
        const ref = textOf(src, attrValue.start, attrValue.end);
        const range = rangeOf(ref);
        if (range && (range.bottom >= MAX_ROWS || range.right >= MAX_COLS)) {
          throw beyondExcel(this.ctx.sheet, { cell: ref });
        }
        if (range) this.merges.push(range);
      }
    }
  }

  close(src: Uint8Array, ns: number, ne: number): void {
    const n = ne - ns;
    if (n === 1) {
      const c = src[ns];
      if (c === 99 /* c */) this.closeCell();
      else if (c === 118 /* v */ || c === 116 /* t */) {
        if (this.capture === Capture.Value || this.capture === Capture.Inline) this.endPiece();
      } else if (c === 102 /* f */ && this.capture === Capture.Formula) this.capture = Capture.None;
    } else if (n === 3 && nameIs(src, ns, ne, 'row')) this.closeRow();
    else if (n === 3 && nameIs(src, ns, ne, 'rPh')) this.phonetic--;
    else if (n === 2 && nameIs(src, ns, ne, 'is')) this.capture = Capture.None;
    else if (n === 9 && nameIs(src, ns, ne, 'sheetData')) this.inData = false;
  }

  text(src: Uint8Array, start: number, end: number, cdata: boolean): void {
    if (this.capture === Capture.None || this.capture === Capture.Formula) return;
    // As in ExcelJS, an empty <v></v> is no value at all.
    this.hasValue = true;
    if (this.pieces === 0 && !cdata) {
      this.rawSrc = src;
      this.vs = start;
      this.ve = end;
    } else {
      const piece = textOf(src, start, end);
      this.raw = this.rawText() + (cdata ? piece.replace(/&/g, '&amp;') : piece);
      this.rawSrc = undefined;
      if (this.raw.length > MAX_MARKUP_CHARS) throw unreadableWorkbook();
    }
    this.pieces++;
  }

  /** The sheet, once the whole part was scanned. */
  grid(name: string, hidden: boolean): SheetGrid {
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    // As in Excel (and ExcelJS), a merged area shows only its top-left cell's value.
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
        const row = rows[r];
        for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = undefined;
        while (row.length && row[row.length - 1] === undefined) row.length--;
      }
    }
    const merges = tidyMerges(name, this.merges, rows);
    const grid: SheetGrid = { name, rows };
    if (merges.length) grid.merges = merges;
    if (this.hiddenRows.length) grid.hiddenRows = this.hiddenRows;
    if (hidden) grid.hidden = true;
    if (this.uncomputed) grid.uncomputed = true;
    return grid;
  }

  private openRow(src: Uint8Array, from: number, to: number): void {
    let r = -1;
    this.rowHidden = false;
    for (let i = nextAttr(src, from, to); i >= 0; i = nextAttr(src, i, to)) {
      if (nameIs(src, attrName.start, attrName.end, 'r')) {
        r = digits(src, attrValue.start, attrValue.end);
        if (r > MAX_ROWS || (r < 0 && /^\d+$/.test(textOf(src, attrValue.start, attrValue.end)))) {
          throw beyondExcel(this.ctx.sheet, { row: textOf(src, attrValue.start, attrValue.end) });
        }
      } else if (nameIs(src, attrName.start, attrName.end, 'hidden')) {
        this.rowHidden =
          nameIs(src, attrValue.start, attrValue.end, '1') || nameIs(src, attrValue.start, attrValue.end, 'true');
      }
    }
    this.rowNumber = r > 0 ? r : this.rowNumber + 1;
    if (this.rowNumber > MAX_ROWS) throw beyondExcel(this.ctx.sheet, { row: String(this.rowNumber) });
    this.rowCounts = false;
    this.row = [];
    this.col = 0;
  }

  private closeRow(): void {
    const row = this.row;
    if (!row) return;
    this.rows[this.rowNumber - 1] = row;
    // ExcelJS lists a hidden row only when it has cells (its hasValues).
    if (this.rowHidden && this.rowCounts) this.hiddenRows.push(this.rowNumber - 1);
    this.row = undefined;
    this.ctx.onRow();
  }

  private openCell(src: Uint8Array, from: number, to: number): void {
    let col = 0;
    this.style = 0;
    this.kind = Kind.Number;
    // One pass over the attributes: r (reference), s (style), t (type).
    for (let i = nextAttr(src, from, to); i >= 0; i = nextAttr(src, i, to)) {
      if (attrName.end - attrName.start !== 1) continue;
      const a = src[attrName.start];
      if (a === 114 /* r */) {
        col = columnIndexAt(src, attrValue.start) + 1;
        if (col > MAX_COLS || !rowWithin(src, attrValue.start, attrValue.end)) {
          throw beyondExcel(this.ctx.sheet, { cell: textOf(src, attrValue.start, attrValue.end) });
        }
      } else if (a === 115 /* s */) this.style = Math.max(0, digits(src, attrValue.start, attrValue.end));
      else if (a === 116 /* t */) this.kind = kindOf(src, attrValue.start, attrValue.end);
    }
    this.col = col > 0 ? col : this.col + 1;
    if (this.col > MAX_COLS)
      throw beyondExcel(this.ctx.sheet, { cell: `${columnLetters(this.col - 1)}${this.rowNumber}` });
    this.formula = false;
    this.hasValue = false;
    this.pieces = 0;
    this.raw = '';
    this.rawSrc = undefined;
    this.capture = Capture.None;
  }

  private startCapture(capture: Capture, append = false): void {
    this.capture = capture;
    if (!append) {
      this.pieces = 0;
      this.raw = '';
      this.rawSrc = undefined;
    }
  }

  /** Inline rich text: the next run's <t> appends to what is there. */
  private endPiece(): void {
    if (this.capture === Capture.Inline) {
      this.raw = this.rawText();
      this.rawSrc = undefined;
      this.pieces = this.raw ? 1 : 0;
      // Stay in inline mode until </is>, for the next run.
    } else this.capture = Capture.None;
  }

  private rawText(): string {
    if (this.rawSrc) return textOf(this.rawSrc, this.vs, this.ve);
    return this.raw;
  }

  private closeCell(): void {
    const row = this.row;
    if (!row) return;
    this.capture = Capture.None;
    // ExcelJS counts a cell without a value as a row's content only when it has no style.
    if (this.hasValue || this.formula || this.style === 0) this.rowCounts = true;
    const cell = this.formula ? this.formulaCell() : this.hasValue ? this.valueCell() : undefined;
    if (cell) {
      row[this.col - 1] = cell;
      const shared = this.kind === Kind.Shared && !this.formula;
      this.ctx.onCell?.(!shared && typeof cell.v === 'string' ? cell.v.length : 0);
    }
  }

  private valueCell(): Cell | undefined {
    const kind = this.kind;
    if (kind === Kind.Shared) {
      const i = this.rawSrc ? digits(this.rawSrc, this.vs, this.ve) : Number(this.raw);
      const cell = this.ctx.sharedStrings[i];
      if (!cell) throw new RangeError('shared string index out of range');
      return cell;
    }
    if (kind === Kind.Number) {
      const style = this.ctx.styles[this.style];
      const v = this.number();
      if (style?.isDate) return dateCell(excelDate(v, this.ctx.date1904), style.numFmt);
      if (!style?.numFmt && v >= 0 && v < SMALL && (v | 0) === v && !Object.is(v, -0)) {
        return (SMALL_CELLS[v] ??= numberCell(v, undefined));
      }
      return numberCell(v, style?.numFmt);
    }
    const text = decodeXml(this.rawText());
    switch (kind) {
      case Kind.Inline:
      case Kind.Str:
        return { v: text, t: 'string' };
      case Kind.Bool:
        return booleanCell(parseInt(text, 10) !== 0);
      case Kind.Error:
        return { v: text, t: 'error' };
      case Kind.IsoDate:
        return dateCell(
          new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`),
          this.ctx.styles[this.style]?.numFmt,
        );
    }
  }

  private number(): number {
    if (this.rawSrc) {
      const n = decimal(this.rawSrc, this.vs, this.ve);
      if (n === n) return n;
    }
    return parseFloat(this.rawText());
  }

  /** A formula's cached result (as ExcelJS reads it: by the cell's t, dates by the style). */
  private formulaCell(): Cell {
    let cell: Cell;
    if (!this.hasValue) {
      cell = { v: '', t: 'string', uncomputed: true };
      this.uncomputed = true;
    } else {
      const text = this.kind === Kind.Number ? '' : decodeXml(this.rawText());
      switch (this.kind) {
        case Kind.Str:
        case Kind.Inline:
        case Kind.Shared:
          cell = { v: text, t: 'string' };
          break;
        case Kind.Bool:
          cell = booleanCell(parseInt(text, 10) !== 0);
          break;
        case Kind.Error:
          cell = { v: text, t: 'error' };
          break;
        default: {
          const v = this.number();
          const style = this.ctx.styles[this.style];
          if (Number.isNaN(v)) cell = { v: '#VALUE!', t: 'error' };
          else if (style?.isDate) cell = dateCell(excelDate(v, this.ctx.date1904), style.numFmt);
          else cell = numberCell(v, style?.numFmt);
        }
      }
    }
    cell.formula = true;
    return cell;
  }
}

function kindOf(src: Uint8Array, start: number, end: number): Kind {
  switch (end - start) {
    case 1: {
      const c = src[start];
      return c === 115
        ? Kind.Shared
        : c === 98
          ? Kind.Bool
          : c === 101
            ? Kind.Error
            : c === 100
              ? Kind.IsoDate
              : Kind.Number;
    }
    case 3:
      return nameIs(src, start, end, 'str') ? Kind.Str : Kind.Number;
    case 9:
      return nameIs(src, start, end, 'inlineStr') ? Kind.Inline : Kind.Number;
    default:
      return Kind.Number;
  }
}
