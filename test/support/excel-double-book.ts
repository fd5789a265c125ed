/**
 * The state behind the Excel test double: worksheets of cells with values, number formats, fills,
 * notes and comments, plus what Excel does to a value written through `Range.values` (numbers
 * keep 15 significant digits, "=…" becomes a formula, "2018-01-15" becomes a date, "0123" a
 * number, unless the cell is formatted as text '@'). Independent of src/ on purpose: the double
 * must not share the code it checks.
 */

export type Scalar = string | number | boolean;

/** A solid fill is { color, pattern: 'Solid' }; no fill is absent from the map. */
export interface Fill {
  color: string;
  pattern: string;
  patternColor?: string;
}

export interface CellStyle {
  bold?: boolean;
  fontName?: string;
  fontSize?: number;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

export interface Rect {
  /** 0-based, inclusive top-left; rows × cols cells. */
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
const key = (r: number, c: number) => r * MAX_COLS + c;
const rowOf = (k: number) => Math.floor(k / MAX_COLS);
const colOf = (k: number) => k % MAX_COLS;

export class DoubleError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

// ---- addresses -------------------------------------------------------------------------

export function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1Of(r: Rect): string {
  const tl = colLetters(r.c0) + (r.r0 + 1);
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${colLetters(r.c0 + r.cols - 1)}${r.r0 + r.rows}`;
}

function parseCell(s: string): { r: number; c: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(s.trim());
  if (!m) throw new DoubleError('InvalidArgument', `bad cell address "${s}"`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(m[2]);
  if (r < 1 || r > MAX_ROWS || c > MAX_COLS) throw new DoubleError('InvalidArgument', `cell out of range "${s}"`);
  return { r: r - 1, c: c - 1 };
}

/** "B7", "B7:D9" or "Sheet1!B7" (the sheet part is dropped) → a rectangle. */
export function parseRect(address: string): Rect {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = local.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  const r0 = Math.min(p.r, q.r);
  const c0 = Math.min(p.c, q.c);
  return { r0, c0, rows: Math.abs(p.r - q.r) + 1, cols: Math.abs(p.c - q.c) + 1 };
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---- number formats and displayed text --------------------------------------------------

const EPOCH = Date.UTC(1899, 11, 30);

export function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return fmt !== 'General' && fmt !== '@' && /[ymd]/i.test(bare);
}

export function serialToDate(serial: number): Date {
  return new Date(EPOCH + Math.round(serial * 86400000));
}

export function dateToSerial(d: Date): number {
  return (d.getTime() - EPOCH) / 86400000;
}

/** What Excel's General format shows: at most 11 characters, large numbers as 4.30502E+17. */
export function generalText(n: number): string {
  if (Math.abs(n) >= 1e11) {
    const [mant, exp] = n.toExponential(5).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

function formatDate(serial: number, fmt: string): string {
  const d = serialToDate(serial);
  const parts: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()),
    mm: String(d.getUTCMonth() + 1).padStart(2, '0'),
    m: String(d.getUTCMonth() + 1),
    dd: String(d.getUTCDate()).padStart(2, '0'),
    d: String(d.getUTCDate()),
  };
  return fmt.replace(/"([^"]*)"|yyyy|mm|m|dd|d/g, (tok, lit: string | undefined) => lit ?? parts[tok]);
}

export function displayText(v: Scalar | undefined, fmt: string, isError: boolean): string {
  if (v === undefined) return '';
  if (isError || typeof v === 'string') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateFormat(fmt)) return formatDate(v, fmt);
  const decimals = /^0(?:\.(0+))?$/.exec(fmt);
  if (decimals) return v.toFixed(decimals[1]?.length ?? 0);
  return generalText(v);
}

// ---- the workbook ------------------------------------------------------------------------

let sheetIds = 0;
/** Excel's worksheet ids look like "{00000000-0001-0000-0100-000000000000}"; they survive renaming. */
const newSheetId = () => `{${String(++sheetIds).padStart(8, '0')}-0001-0000-0100-000000000000}`;

export class SheetState {
  /** Worksheet.id: the same after renaming or moving the sheet. */
  id = newSheetId();
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  deleted = false;
  /** values[r][c]; formula cells hold their result, error cells the error text. */
  values: (Scalar | undefined)[][] = [];
  formulas = new Map<number, string>();
  errors = new Set<number>();
  formats = new Map<number, string>();
  fills = new Map<number, Fill>();
  styles = new Map<number, CellStyle>();
  merges: Rect[] = [];
  borders: { rect: Rect; edge: string; style: string }[] = [];
  /** Notes (ExcelApi 1.18) and threaded comments (1.10), keyed by cell address like "B7". */
  notes = new Map<string, string>();
  comments = new Map<string, string>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozenRows = 0;
  page: Record<string, unknown> = {};

  constructor(public name: string) {}

  value(r: number, c: number): Scalar | undefined {
    return this.values[r]?.[c];
  }
  format(r: number, c: number): string {
    return this.formats.get(key(r, c)) ?? 'General';
  }
  isError(r: number, c: number): boolean {
    return this.errors.has(key(r, c));
  }
  formula(r: number, c: number): string | undefined {
    return this.formulas.get(key(r, c));
  }
  fill(r: number, c: number): Fill | undefined {
    return this.fills.get(key(r, c));
  }
  style(r: number, c: number): CellStyle {
    return this.styles.get(key(r, c)) ?? {};
  }

  setRaw(r: number, c: number, v: Scalar | undefined, opts: { error?: boolean; formula?: string } = {}): void {
    (this.values[r] ??= [])[c] = v;
    const k = key(r, c);
    if (opts.error) this.errors.add(k);
    else this.errors.delete(k);
    if (opts.formula) this.formulas.set(k, opts.formula);
    else this.formulas.delete(k);
  }

  setFormat(r: number, c: number, fmt: string): void {
    if (fmt === 'General') this.formats.delete(key(r, c));
    else this.formats.set(key(r, c), fmt);
  }

  setFill(r: number, c: number, fill: Fill | undefined): void {
    if (fill) this.fills.set(key(r, c), fill);
    else this.fills.delete(key(r, c));
  }

  setStyle(r: number, c: number, patch: CellStyle): void {
    this.styles.set(key(r, c), { ...this.style(r, c), ...patch });
  }

  /** Excel's parsing of a value written through Range.values. */
  write(r: number, c: number, input: unknown): void {
    if (input === null) return; // null leaves the cell unchanged
    const textFormat = this.format(r, c) === '@';
    if (typeof input === 'number') return this.setRaw(r, c, Number(input.toPrecision(15)));
    if (typeof input === 'boolean') return this.setRaw(r, c, input);
    if (typeof input !== 'string') throw new DoubleError('InvalidArgument', `cannot write ${typeof input}`);
    if (input === '') return this.setRaw(r, c, undefined);
    if (textFormat) return this.setRaw(r, c, input);
    const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(input);
    if (numeric) return this.setRaw(r, c, Number(Number(input).toPrecision(15)));
    if (input.length > 1 && /^[=+\-@]/.test(input)) {
      // Excel takes it for a formula; the double cannot evaluate, so it shows #NAME? like most text does.
      return this.setRaw(r, c, '#NAME?', { error: true, formula: input.startsWith('=') ? input : `=${input}` });
    }
    const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(input);
    if (date) {
      const serial = dateToSerial(new Date(Date.UTC(+date[1], +date[2] - 1, +date[3])));
      if (this.format(r, c) === 'General') this.setFormat(r, c, 'yyyy/m/d');
      return this.setRaw(r, c, serial);
    }
    if (/^(true|false)$/i.test(input)) return this.setRaw(r, c, input.toLowerCase() === 'true');
    this.setRaw(r, c, input);
  }

  /** Bounding box of cells with values (valuesOnly) or with values or formatting. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, c: number) => {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    this.values.forEach((row, r) => row?.forEach((v, c) => v !== undefined && take(r, c)));
    if (!valuesOnly) {
      for (const k of [...this.formats.keys(), ...this.fills.keys(), ...this.styles.keys()]) take(rowOf(k), colOf(k));
    }
    return r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /**
   * Rows inserted (delta > 0) or deleted (delta < 0) at 0-based row `at`: every cell below moves
   * with its value, format, fill, note and comment, as in Excel.
   */
  shiftRows(at: number, delta: number): void {
    const moved = (r: number) => (r < at ? r : delta < 0 && r < at - delta ? -1 : r + delta);
    this.moveCells((r, c) => (moved(r) < 0 ? undefined : [moved(r), c]));
    this.rowHeights = new Map([...this.rowHeights].flatMap(([r, h]) => (moved(r) >= 0 ? [[moved(r), h]] : [])));
  }

  /** Columns inserted (delta > 0) or deleted (delta < 0) at 0-based column `at`, as shiftRows. */
  shiftColumns(at: number, delta: number): void {
    const moved = (c: number) => (c < at ? c : delta < 0 && c < at - delta ? -1 : c + delta);
    this.moveCells((r, c) => (moved(c) < 0 ? undefined : [r, moved(c)]));
    this.columnWidths = new Map([...this.columnWidths].flatMap(([c, w]) => (moved(c) >= 0 ? [[moved(c), w]] : [])));
  }

  /**
   * The cells of `rect` inserted (shifting the cells below down, or those on the right to the
   * right) or deleted (the cells below moving up, or those on the right moving left), as Excel's
   * Insert / Delete cells do: only the cells in the rectangle's columns (or rows) move.
   */
  shiftCells(rect: Rect, direction: 'down' | 'right' | 'up' | 'left'): void {
    const vertical = direction === 'down' || direction === 'up';
    const size = vertical ? rect.rows : rect.cols;
    const first = vertical ? rect.r0 : rect.c0;
    const delta = direction === 'down' || direction === 'right' ? size : -size;
    const to = (r: number, c: number): [number, number] | undefined => {
      const across = vertical ? c >= rect.c0 && c < rect.c0 + rect.cols : r >= rect.r0 && r < rect.r0 + rect.rows;
      const pos = vertical ? r : c;
      if (!across || pos < first) return [r, c];
      if (delta < 0 && pos < first - delta) return undefined;
      return vertical ? [r + delta, c] : [r, c + delta];
    };
    // Excel refuses to move part of a merged area ("This operation will cause some merged cells to unmerge").
    for (const m of this.merges) {
      const a = to(m.r0, m.c0);
      const b = to(m.r0 + m.rows - 1, m.c0 + m.cols - 1);
      const same =
        a && b ? a[0] - m.r0 === b[0] - (m.r0 + m.rows - 1) && a[1] - m.c0 === b[1] - (m.c0 + m.cols - 1) : !a && !b;
      if (!same) throw new DoubleError('InvalidOperation', 'This operation will cause some merged cells to unmerge.');
    }
    this.moveCells(to);
  }

  /** Every cell to its new place (undefined: deleted), with its value, format, fill, note and comment. */
  private moveCells(to: (r: number, c: number) => [number, number] | undefined): void {
    const values: (Scalar | undefined)[][] = [];
    this.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        const t = to(r, c);
        if (t && v !== undefined) (values[t[0]] ??= [])[t[1]] = v;
      }),
    );
    this.values = values;
    const rekey = <V>(m: Map<number, V>) => {
      const out = new Map<number, V>();
      for (const [k, v] of m) {
        const t = to(rowOf(k), colOf(k));
        if (t) out.set(key(t[0], t[1]), v);
      }
      return out;
    };
    this.formulas = rekey(this.formulas);
    this.formats = rekey(this.formats);
    this.fills = rekey(this.fills);
    this.styles = rekey(this.styles);
    this.errors = new Set([...rekey(new Map([...this.errors].map((k) => [k, true]))).keys()]);
    const readdress = (m: Map<string, string>) => {
      const out = new Map<string, string>();
      for (const [address, text] of m) {
        const { r0, c0 } = parseRect(address);
        const t = to(r0, c0);
        if (t) out.set(a1Of({ r0: t[0], c0: t[1], rows: 1, cols: 1 }), text);
      }
      return out;
    };
    this.notes = readdress(this.notes);
    this.comments = readdress(this.comments);
    // A merged area becomes the box of its cells that remain: rows or columns inserted inside it
    // widen it, deleted ones narrow it, as in Excel (shiftCells refuses to split one).
    this.merges = this.merges.flatMap((m) => {
      const moved: [number, number][] = [];
      for (let r = m.r0; r < m.r0 + m.rows; r++) {
        for (let c = m.c0; c < m.c0 + m.cols; c++) {
          const t = to(r, c);
          if (t) moved.push(t);
        }
      }
      if (!moved.length) return [];
      const rs = moved.map((t) => t[0]);
      const cs = moved.map((t) => t[1]);
      const r0 = Math.min(...rs);
      const c0 = Math.min(...cs);
      return [{ r0, c0, rows: Math.max(...rs) - r0 + 1, cols: Math.max(...cs) - c0 + 1 }];
    });
  }

  toJSON(): unknown {
    return {
      id: this.id,
      name: this.name,
      visibility: this.visibility,
      values: this.values,
      formulas: [...this.formulas],
      errors: [...this.errors],
      formats: [...this.formats],
      fills: [...this.fills],
      styles: [...this.styles],
      merges: this.merges,
      borders: this.borders,
      notes: [...this.notes],
      comments: [...this.comments],
      columnWidths: [...this.columnWidths],
      rowHeights: [...this.rowHeights],
      frozenRows: this.frozenRows,
      page: this.page,
    };
  }

  static fromJSON(j: ReturnType<SheetState['toJSON']>): SheetState {
    const o = j as Record<string, never>;
    const s = new SheetState(o.name);
    if (o.id) s.id = o.id;
    s.visibility = o.visibility;
    // JSON turns holes into null; the double's empty cell is undefined.
    s.values = (o.values as (Scalar | null)[][]).map((row) => row?.map((v) => v ?? undefined) ?? []);
    s.formulas = new Map(o.formulas);
    s.errors = new Set(o.errors);
    s.formats = new Map(o.formats);
    s.fills = new Map(o.fills);
    s.styles = new Map(o.styles);
    s.merges = o.merges;
    s.borders = o.borders;
    s.notes = new Map(o.notes);
    s.comments = new Map(o.comments);
    s.columnWidths = new Map(o.columnWidths);
    s.rowHeights = new Map(o.rowHeights);
    s.frozenRows = o.frozenRows;
    s.page = o.page;
    return s;
  }
}

/** A custom document property as the workbook stores it (key kept as first written). */
export interface CustomProperty {
  key: string;
  value: string | number | boolean;
}

export class BookState {
  sheets: SheetState[] = [];
  /** Custom document properties by lower-case key: Excel's keys are case-insensitive. */
  custom = new Map<string, CustomProperty>();
  selection?: { sheet: SheetState; rect: Rect };
  activeSheet?: SheetState;

  /** By name (ignoring case) or by id, as Worksheets.getItem(key) finds a sheet. */
  find(name: string): SheetState | undefined {
    return this.sheets.find((s) => !s.deleted && (s.name.toLowerCase() === name.toLowerCase() || s.id === name));
  }

  get(name: string): SheetState {
    const s = this.find(name);
    if (!s) throw new DoubleError('ItemNotFound', `no worksheet "${name}"`);
    return s;
  }

  add(name: string): SheetState {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new DoubleError('InvalidArgument', `bad worksheet name "${name}"`);
    }
    if (this.find(name)) throw new DoubleError('ItemAlreadyExists', `worksheet "${name}" exists`);
    const s = new SheetState(name);
    this.sheets.push(s);
    return s;
  }

  live(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  /** The workbook as saved: what survives closing and reopening the file. */
  save(): string {
    return JSON.stringify({ sheets: this.live().map((s) => s.toJSON()), custom: [...this.custom.values()] });
  }

  static open(saved: string): BookState {
    const b = new BookState();
    const j = JSON.parse(saved) as { sheets: ReturnType<SheetState['toJSON']>[]; custom?: CustomProperty[] };
    b.sheets = j.sheets.map(SheetState.fromJSON);
    for (const p of j.custom ?? []) b.custom.set(p.key.toLowerCase(), p);
    return b;
  }
}
