/**
 * An Excel test double of our own: a fake `Excel.run` / RequestContext over BookState that keeps
 * the rules real Excel enforces and that office-addin-mock does not (it has no collections):
 *
 * - a property that was not load()ed and synced throws PropertyNotLoaded; writes queued before
 *   sync() are invisible until sync; every method call and property write is a queued operation;
 * - a request or response over 5 MB (UTF-8 JSON) throws, and so does a read of over 5,000,000
 *   cells in one response (Excel on the web); a getRanges() address over 8,192 characters throws;
 * - values written are parsed as Excel does (see SheetState.write);
 * - comments need ExcelApi 1.10, merged areas 1.13, notes 1.18: `excelApi` sets what the host
 *   supports, as Office.context.requirements.isSetSupported would report it;
 * - custom document properties (workbook.properties.custom): on the desktop (`platform`) keys and
 *   values are cut to 255 characters and loading a longer one another program wrote crashes.
 *
 * It counts syncs, operations per sync and request/response bytes per sync. save() / open()
 * stand for saving and reopening the workbook.
 */
import {
  BookState,
  DoubleError,
  MAX_COLS,
  MAX_ROWS,
  a1Of,
  colLetters,
  displayText,
  parseRect,
  quoteSheet,
  dateToSerial,
  type Fill,
  type Rect,
  type SheetState,
} from './excel-double-book';
import { wireRequest, type WireAction, type WireNode } from './excel-double-wire';
import { EventHub, type ChangeType, type EventName, type Handler } from './excel-double-events';
import type { WorkbookSpec } from './workbook-spec';

export { BookState, DoubleError } from './excel-double-book';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;
export const ADDRESS_LIMIT = 8192;
export const MERGED_AREAS_LIMIT = 512;
/** A function command's time limit: Excel ends it after 5 minutes. */
export const COMMAND_LIMIT_MS = 5 * 60 * 1000;

/**
 * An area's address as Excel writes it: whole rows as "3:5", whole columns as "A:C". A list
 * longer than 8,192 characters is cut after the last whole area that fits (as VBA's
 * Range.Address cuts at 255), not refused.
 */
function areasAddress(sheet: string, rects: Rect[]): string {
  let out = '';
  for (const r of rects) {
    let local = a1Of(r);
    if (r.cols === MAX_COLS) local = `${r.r0 + 1}:${r.r0 + r.rows}`;
    else if (r.rows === MAX_ROWS) local = `${colLetters(r.c0)}:${colLetters(r.c0 + r.cols - 1)}`;
    const next = `${out ? ',' : ''}${quoteSheet(sheet)}!${local}`;
    if (out.length + next.length > ADDRESS_LIMIT) break;
    out += next;
  }
  return out;
}

export type ExcelApiVersion = '1.9' | '1.10' | '1.13' | '1.18';

export interface SyncStats {
  /** Operations (object creations, loads, writes, calls) in each sync's request. */
  ops: number[];
  /** Operations by kind over all syncs, e.g. "create getRanges", "set color", "create add", "load". */
  kinds: Record<string, number>;
  /** Sizes of the responses Excel refused to send (over 5 MB or 5 million cells). */
  refused: number[];
  requestBytes: number[];
  responseBytes: number[];
}

type Pending = { data: unknown; cells?: number; apply: () => void };
interface Op {
  payload: unknown;
  run: () => Pending | void;
  /** What office.js would send for this operation (none for a property navigation). */
  wire?: WireAction;
}

const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x) ?? '', 'utf8');
const minor = (v: string) => Number(v.split('.')[1]);

function propList(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim().replace(/^items\//, ''));
  if (Array.isArray(arg)) return arg.flatMap(propList);
  if (typeof arg === 'object' && arg && 'select' in arg) return propList((arg as { select: string }).select);
  throw new TypeError(`the double does not support load(${JSON.stringify(arg)})`);
}

class Ctx {
  queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly double: ExcelDouble) {
    this.workbook = new WorkbookProxy(this);
  }
  get book(): BookState {
    return this.double.book;
  }
  enqueue(payload: unknown, run: Op['run'], wire?: WireAction): void {
    this.queue.push({ payload, run, wire });
  }
  nextWireId(): number {
    return ++this.double.wireIds;
  }
  requires(version: ExcelApiVersion, what: string): void {
    if (!this.double.isSetSupported('ExcelApi', version)) {
      throw new DoubleError('ApiNotFound', `${what} needs ExcelApi ${version}`);
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    // RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch
    // request is processed by the host, the batch automatically fails."
    if (this.double.cellEditMode) {
      await Promise.resolve();
      throw new DoubleError('InvalidOperationInCellEditMode', 'the user is editing a cell');
    }
    const stats = this.double.stats;
    const requestBytes = bytes(wireRequest(ops.flatMap((o) => (o.wire ? [o.wire] : []))));
    stats.ops.push(ops.length);
    for (const op of ops) {
      const [verb, what] = op.payload as [string, unknown];
      const kind = verb === 'load' ? 'load' : `${verb} ${String(what)}`;
      stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
    }
    stats.requestBytes.push(requestBytes);
    this.double.tick(requestBytes);
    await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT) {
      stats.responseBytes.push(0);
      throw new DoubleError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    }
    const pending: Pending[] = [];
    let responseBytes = 0;
    let cells = 0;
    try {
      for (const op of ops) {
        const p = op.run();
        if (!p) continue;
        pending.push(p);
        if (p.data !== undefined) responseBytes += bytes(p.data);
        cells += p.cells ?? 0;
      }
    } catch (e) {
      stats.responseBytes.push(0);
      throw e;
    }
    if (responseBytes > PAYLOAD_LIMIT || cells > CELL_LIMIT) {
      stats.responseBytes.push(0);
      stats.refused.push(responseBytes);
      const what = cells > CELL_LIMIT ? `read of ${cells} cells` : `response of ${responseBytes} bytes`;
      throw new DoubleError('ResponsePayloadSizeLimitExceeded', what);
    }
    stats.responseBytes.push(responseBytes);
    this.double.tick(responseBytes, false);
    for (const p of pending) p.apply();
  }
}

/** Where a proxy sits in office.js's object paths: its parent, and for loaded items their key. */
interface Placement {
  parent?: WireNode;
  /** A property navigation (worksheet.notes): a path but no instantiate action. */
  property?: boolean;
  /** The name of a navigation property (format, fill …). */
  name?: string;
  /** The id of an item of a loaded collection. */
  key?: string;
}
type Source<T> = ({ create: unknown[]; resolve: () => T | null; nullable?: boolean } | { nav: () => T }) & Placement;

/** Office gives loaded items ids like "{00000000-0001-0000-0100-000000000000}": as long on the wire. */
const itemKey = (name: string) => `{${Buffer.from(name).toString('hex').padEnd(36, '0').slice(0, 36)}}`;

/** A proxy object: created by a queued method call (or reached through a property), loads lazily. */
abstract class Obj<T> implements WireNode {
  readonly wireId: number;
  readonly wireParent?: WireNode;
  readonly wirePath: WireNode['wirePath'];
  private memo?: { t: T | null };
  private nullKnown?: boolean;
  protected loaded: Record<string, unknown> = {};
  protected abstract readonly loadable: readonly string[];

  constructor(
    protected readonly ctx: Ctx,
    private readonly src: Source<T>,
  ) {
    this.wireId = ctx.nextWireId();
    this.wireParent = src.parent;
    if ('create' in src) {
      const [name, ...args] = src.create;
      this.wirePath = { type: src.property ? 'property' : 'method', name: String(name), args };
      ctx.enqueue(
        ['create', name, ...args.map((a) => (a instanceof Obj ? 'object' : a))],
        () => {
          const t = src.resolve();
          if (t === null && !src.nullable) throw new DoubleError('ItemNotFound', String(name));
          this.memo = { t };
          if (src.nullable) return { data: { isNullObject: t === null }, apply: () => (this.nullKnown = true) };
        },
        src.property ? undefined : { type: 'instantiate', node: this },
      );
    } else if (src.key !== undefined) {
      this.wirePath = { type: 'indexer', name: '', args: [src.key] };
    } else {
      this.wirePath = { type: 'property', name: src.name ?? '', args: [] };
    }
  }

  /** The thing in the book this proxy stands for; only valid while an operation runs. */
  protected get t(): T {
    if ('nav' in this.src) return this.src.nav();
    if (!this.memo) throw new Error('double: object used before its creating operation ran');
    if (this.memo.t === null) throw new DoubleError('InvalidOperation', 'method called on a null object');
    return this.memo.t;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw new DoubleError('PropertyNotLoaded', 'isNullObject before sync');
    return this.memo?.t === null;
  }

  protected read<V>(prop: string): V {
    if (!(prop in this.loaded)) throw new DoubleError('PropertyNotLoaded', `${prop} was not loaded and synced`);
    return this.loaded[prop] as V;
  }

  protected abstract snapshot(props: string[]): { data: Record<string, unknown>; cells?: number };

  load(arg?: unknown): this {
    const props = propList(arg);
    for (const p of props) {
      if (!this.loadable.includes(p)) throw new TypeError(`the double cannot load "${p}" on ${this.constructor.name}`);
    }
    this.ctx.enqueue(
      ['load', props],
      () => {
        // Loading a null object is allowed (the documented OrNullObject pattern); it yields nothing.
        if (this.memo?.t === null) return { data: {}, apply: () => undefined };
        const { data, cells } = this.snapshot(props);
        return { data, cells, apply: () => Object.assign(this.loaded, data) };
      },
      { type: 'query', node: this, select: props },
    );
    return this;
  }

  protected set(prop: string, value: unknown, apply: (t: T) => void): void {
    this.ctx.enqueue(
      ['set', prop, value],
      () => {
        apply(this.t);
      },
      { type: 'set', node: this, name: prop, args: [value] },
    );
  }

  protected call(name: string, args: unknown[], fn: (t: T) => void): void {
    this.ctx.enqueue(
      ['call', name, ...args],
      () => {
        fn(this.t);
      },
      { type: 'method', node: this, name, args },
    );
  }
}

// ---- cells: ranges and range areas -------------------------------------------------------

interface Cells {
  sheet: SheetState;
  rects: Rect[];
}

function* eachCell(rects: Rect[]): Generator<[number, number]> {
  for (const r of rects) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) yield [r.r0 + i, r.c0 + j];
}

/** The one value every cell shares, or null (what Excel returns for a mixed range). */
function uniform<V>(cells: Cells, get: (r: number, c: number) => V): V | null {
  let first: { v: V } | undefined;
  for (const [r, c] of eachCell(cells.rects)) {
    const v = get(r, c);
    if (!first) first = { v };
    else if (first.v !== v) return null;
  }
  return first ? first.v : null;
}

const NO_FILL: Fill = { color: '#FFFFFF', pattern: 'None' };

interface ReportedFill {
  color: string;
  pattern: string | null;
  patternColor: string;
  tintAndShade: number | null;
}

/**
 * A cell's fill as Excel reports it, which is not always what the API reference promises:
 * office-js issue 4900 reports `pattern` null for both no fill and a white fill (the maintainer:
 * `tintAndShade` is null only for no fill), and 6218 reports `color` "#FFFFFF" for no fill.
 */
function reportedFill(f: Fill | undefined): ReportedFill {
  if (!f) return { color: '#FFFFFF', pattern: null, patternColor: '#000000', tintAndShade: null };
  const white = f.pattern === 'Solid' && f.color === '#FFFFFF';
  return {
    color: f.color,
    pattern: white ? null : f.pattern,
    patternColor: f.patternColor ?? '#000000',
    tintAndShade: 0,
  };
}

class FillProxy extends Obj<Cells> {
  protected readonly loadable = ['color', 'pattern', 'patternColor', 'tintAndShade'] as const;
  get tintAndShade(): number | null {
    return this.read('tintAndShade');
  }
  get patternColor(): string | null {
    return this.read('patternColor');
  }
  set patternColor(v: string | null) {
    this.set('patternColor', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) {
        const f = sheet.fill(r, c);
        if (f) sheet.setFill(r, c, { ...f, patternColor: String(v).toUpperCase() });
      }
    });
  }
  get color(): string | null {
    return this.read('color');
  }
  set color(v: string | null) {
    this.set('color', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) {
        const f = sheet.fill(r, c);
        const kept = f && f.pattern !== 'Solid' ? { pattern: f.pattern, patternColor: f.patternColor } : {};
        sheet.setFill(r, c, { color: String(v).toUpperCase(), pattern: 'Solid', ...kept });
      }
    });
  }
  get pattern(): string | null {
    return this.read('pattern');
  }
  set pattern(v: string | null) {
    this.set('pattern', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) {
        const f = sheet.fill(r, c) ?? { ...NO_FILL };
        sheet.setFill(r, c, v === 'None' ? undefined : { ...f, pattern: String(v) });
      }
    });
  }
  clear(): void {
    this.call('clear', [], ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) sheet.setFill(r, c, undefined);
    });
  }
  protected snapshot(props: string[]) {
    const cells = this.t;
    const data: Record<string, unknown> = {};
    for (const p of props) {
      data[p] = uniform(cells, (r, c) => reportedFill(cells.sheet.fill(r, c))[p as keyof ReportedFill]);
    }
    return { data };
  }
}

class FontProxy extends Obj<Cells> {
  protected readonly loadable = ['bold', 'size'] as const;
  set bold(v: boolean) {
    this.set('bold', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) sheet.setStyle(r, c, { bold: v });
    });
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set name(v: string) {
    this.set('name', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) sheet.setStyle(r, c, { fontName: v });
    });
  }
  set size(v: number) {
    this.set('size', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) sheet.setStyle(r, c, { fontSize: v });
    });
  }
  protected snapshot(props: string[]) {
    const cells = this.t;
    const data: Record<string, unknown> = {};
    if (props.includes('bold')) data.bold = uniform(cells, (r, c) => cells.sheet.style(r, c).bold ?? false);
    if (props.includes('size')) data.size = uniform(cells, (r, c) => cells.sheet.style(r, c).fontSize ?? 11);
    return { data };
  }
}

class BorderProxy extends Obj<Cells & { edge: string }> {
  protected readonly loadable = [] as const;
  set style(v: string) {
    this.set('style', v, ({ sheet, rects, edge }) => {
      for (const rect of rects) sheet.borders.push({ rect, edge, style: v });
    });
  }
  set color(v: string) {
    this.set('color', v, () => undefined);
  }
  protected snapshot() {
    return { data: {} };
  }
}

class FormatProxy extends Obj<Cells> {
  protected readonly loadable = [] as const;
  readonly fill = new FillProxy(this.ctx, { nav: () => this.t, parent: this, name: 'fill' });
  readonly font = new FontProxy(this.ctx, { nav: () => this.t, parent: this, name: 'font' });
  readonly borders = {
    getItem: (edge: string) =>
      new BorderProxy(this.ctx, { create: ['getItem', edge], resolve: () => ({ ...this.t, edge }), parent: this }),
  };
  set columnWidth(points: number) {
    this.set('columnWidth', points, ({ sheet, rects }) => {
      for (const r of rects) for (let j = 0; j < r.cols; j++) sheet.columnWidths.set(r.c0 + j, points);
    });
  }
  set horizontalAlignment(v: string) {
    this.set('horizontalAlignment', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) sheet.setStyle(r, c, { horizontalAlignment: v });
    });
  }
  set verticalAlignment(v: string) {
    this.set('verticalAlignment', v, () => undefined);
  }
  set rowHeight(points: number) {
    this.set('rowHeight', points, ({ sheet, rects }) => {
      for (const r of rects) for (let i = 0; i < r.rows; i++) sheet.rowHeights.set(r.r0 + i, points);
    });
  }
  set wrapText(v: boolean) {
    this.set('wrapText', v, ({ sheet, rects }) => {
      for (const [r, c] of eachCell(rects)) sheet.setStyle(r, c, { wrapText: v });
    });
  }
  protected snapshot() {
    return { data: {} };
  }
}

const CELL_PROPS = ['values', 'text', 'numberFormat', 'valueTypes', 'formulas'];

class RangeProxy extends Obj<Cells> {
  protected readonly loadable = [
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
    ...CELL_PROPS,
  ] as const;
  readonly format = new FormatProxy(this.ctx, { nav: () => this.t, parent: this, name: 'format' });

  private get rect(): Rect {
    return this.t.rects[0];
  }
  static loadedItem(ctx: Ctx, parent: WireNode, cells: Cells, props: string[]): RangeProxy {
    const p = new RangeProxy(ctx, { nav: () => cells, parent, key: itemKey(a1Of(cells.rects[0])) });
    p.loaded = p.snapshot(props).data;
    return p;
  }
  loadedData(): Record<string, unknown> {
    return this.loaded;
  }
  /** The cells this range stands for, while an operation runs (for other proxies of the double). */
  cells(): Cells {
    return this.t;
  }
  private child(create: unknown[], make: (c: Cells) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(this.ctx, {
      create,
      nullable,
      parent: this,
      resolve: () => {
        const rect = make(this.t);
        return rect ? { sheet: this.t.sheet, rects: [rect] } : null;
      },
    });
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.set('values', v, () => {
      this.writeMatrix(v, (s, r, c, x) => s.write(r, c, x));
      this.ctx.double.changed(this.t.sheet, this.rect, 'RangeEdited', { ours: true });
    });
  }
  get text(): string[][] {
    return this.read('text');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.set('numberFormat', v, () => this.writeMatrix(v, (s, r, c, x) => s.setFormat(r, c, String(x))));
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }

  private writeMatrix(v: unknown[][], put: (s: SheetState, r: number, c: number, x: unknown) => void): void {
    const { sheet } = this.t;
    const rect = this.rect;
    if (
      !Array.isArray(v) ||
      v.length !== rect.rows ||
      v.some((row) => !Array.isArray(row) || row.length !== rect.cols)
    ) {
      throw new DoubleError('InvalidArgument', `matrix does not match ${a1Of(rect)}`);
    }
    for (let i = 0; i < rect.rows; i++)
      for (let j = 0; j < rect.cols; j++) put(sheet, rect.r0 + i, rect.c0 + j, v[i][j]);
  }

  getCell(row: number, col: number): RangeProxy {
    return this.child(['getCell', row, col], ({ rects: [r] }) => ({
      r0: r.r0 + row,
      c0: r.c0 + col,
      rows: 1,
      cols: 1,
    }));
  }
  getResizedRange(dr: number, dc: number): RangeProxy {
    return this.child(['getResizedRange', dr, dc], ({ rects: [r] }) => ({
      ...r,
      rows: r.rows + dr,
      cols: r.cols + dc,
    }));
  }
  getOffsetRange(dr: number, dc: number): RangeProxy {
    return this.child(['getOffsetRange', dr, dc], ({ rects: [r] }) => ({ ...r, r0: r.r0 + dr, c0: r.c0 + dc }));
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.requires('1.13', 'Range.getMergedAreasOrNullObject');
    return new RangeAreasProxy(this.ctx, {
      create: ['getMergedAreasOrNullObject'],
      parent: this,
      nullable: true,
      resolve: () => {
        const { sheet } = this.t;
        const r = this.rect;
        // The areas whose top-left cell is in the range (office-js issue 3611: "by design").
        const inside = sheet.merges.filter(
          (m) => m.r0 >= r.r0 && m.r0 < r.r0 + r.rows && m.c0 >= r.c0 && m.c0 < r.c0 + r.cols,
        );
        // "If the merged areas count in this range is more than 512, then this method will fail
        // to return the result" (Range.getMergedAreasOrNullObject): the batch fails.
        if (inside.length > MERGED_AREAS_LIMIT) {
          throw new DoubleError('GeneralException', `${inside.length} merged areas (more than ${MERGED_AREAS_LIMIT})`);
        }
        return inside.length ? { sheet, rects: inside } : null;
      },
    });
  }
  getCellProperties(opts: { format?: { fill?: { color?: boolean; pattern?: boolean } } }): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    const wanted = Object.keys(opts.format?.fill ?? {});
    if (Object.keys(opts).some((k) => k !== 'format') || Object.keys(opts.format ?? {}).some((k) => k !== 'fill')) {
      throw new TypeError('the double supports getCellProperties for format.fill only');
    }
    this.ctx.enqueue(
      ['call', 'getCellProperties', opts],
      () => {
        const { sheet } = this.t;
        const r = this.rect;
        const data = Array.from({ length: r.rows }, (_, i) =>
          Array.from({ length: r.cols }, (_, j) => {
            const f = reportedFill(sheet.fill(r.r0 + i, r.c0 + j));
            return { format: { fill: Object.fromEntries(wanted.map((k) => [k, f[k as keyof ReportedFill]])) } };
          }),
        );
        return { data, cells: r.rows * r.cols, apply: () => result.resolve(data) };
      },
      { type: 'method', node: this, name: 'getCellProperties', args: [opts] },
    );
    return result;
  }
  merge(across = false): void {
    this.call('merge', [across], ({ sheet, rects: [r] }) => {
      if (!across) sheet.merges.push(r);
      else for (let i = 0; i < r.rows; i++) sheet.merges.push({ ...r, r0: r.r0 + i, rows: 1 });
    });
  }
  select(): void {
    this.call('select', [], ({ sheet, rects: [rect] }) => {
      this.ctx.book.selection = { sheet, rect };
      this.ctx.book.activeSheet = sheet;
    });
  }

  protected snapshot(props: string[]) {
    const { sheet } = this.t;
    const r = this.rect;
    const data: Record<string, unknown> = {};
    const matrix = <V>(f: (row: number, col: number) => V) =>
      Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(r.r0 + i, r.c0 + j)));
    for (const p of props) {
      if (p === 'address') data.address = `${quoteSheet(sheet.name)}!${a1Of(r)}`;
      else if (p === 'rowIndex') data.rowIndex = r.r0;
      else if (p === 'columnIndex') data.columnIndex = r.c0;
      else if (p === 'rowCount') data.rowCount = r.rows;
      else if (p === 'columnCount') data.columnCount = r.cols;
      else if (p === 'cellCount') data.cellCount = r.rows * r.cols;
      else if (p === 'values') data.values = matrix((i, j) => sheet.value(i, j) ?? '');
      else if (p === 'text')
        data.text = matrix((i, j) => displayText(sheet.value(i, j), sheet.format(i, j), sheet.isError(i, j)));
      else if (p === 'numberFormat') data.numberFormat = matrix((i, j) => sheet.format(i, j));
      else if (p === 'formulas') data.formulas = matrix((i, j) => sheet.formula(i, j) ?? sheet.value(i, j) ?? '');
      else if (p === 'valueTypes')
        data.valueTypes = matrix((i, j) => {
          const v = sheet.value(i, j);
          if (v === undefined) return 'Empty';
          if (sheet.isError(i, j)) return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
    }
    const cells = props.some((p) => CELL_PROPS.includes(p)) ? r.rows * r.cols : 0;
    return { data, cells };
  }
}

/** RangeAreas.areas (ExcelApi 1.9): one range per area, each with its own short address. */
class RangeCollectionProxy extends Obj<Cells> {
  protected readonly loadable = [] as const;
  private loadedItems?: RangeProxy[];
  get items(): RangeProxy[] {
    if (!this.loadedItems) throw new DoubleError('PropertyNotLoaded', 'items was not loaded and synced');
    return this.loadedItems;
  }
  override load(arg?: unknown): this {
    const props = propList(arg);
    this.ctx.enqueue(
      ['load', props],
      () => {
        const { sheet, rects } = this.t;
        const items = rects.map((r) => RangeProxy.loadedItem(this.ctx, this, { sheet, rects: [r] }, props));
        return { data: items.map((i) => i.loadedData()), apply: () => (this.loadedItems = items) };
      },
      { type: 'query', node: this, select: props },
    );
    return this;
  }
  protected snapshot() {
    return { data: {} };
  }
}

class RangeAreasProxy extends Obj<Cells> {
  protected readonly loadable = ['address', 'areaCount', 'cellCount'] as const;
  readonly format = new FormatProxy(this.ctx, { nav: () => this.t, parent: this, name: 'format' });
  readonly areas = new RangeCollectionProxy(this.ctx, { nav: () => this.t, parent: this, name: 'areas' });
  get address(): string {
    return this.read('address');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
  protected snapshot(props: string[]) {
    const { sheet, rects } = this.t;
    const all: Record<string, unknown> = {
      address: areasAddress(sheet.name, rects),
      areaCount: rects.length,
      cellCount: rects.reduce((n, r) => n + r.rows * r.cols, 0),
    };
    return { data: Object.fromEntries(props.map((p) => [p, all[p]])) };
  }
}

class ClientResult<V> {
  private box?: { v: V };
  resolve(v: V): void {
    this.box = { v };
  }
  get value(): V {
    if (!this.box) throw new DoubleError('PropertyNotLoaded', 'ClientResult.value before sync');
    return this.box.v;
  }
}

// ---- notes and comments ------------------------------------------------------------------

interface Annotation {
  sheet: SheetState;
  kind: 'notes' | 'comments';
  address: string;
}

class AnnotationProxy extends Obj<Annotation> {
  protected readonly loadable = ['content'] as const;
  get content(): string {
    return this.read('content');
  }
  set content(v: string) {
    this.set('content', v, ({ sheet, kind, address }) => sheet[kind].set(address, v));
  }
  delete(): void {
    this.call('delete', [], ({ sheet, kind, address }) => sheet[kind].delete(address));
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, {
      create: ['getLocation'],
      parent: this,
      resolve: () => ({ sheet: this.t.sheet, rects: [parseRect(this.t.address)] }),
    });
  }
  protected snapshot(props: string[]) {
    const { sheet, kind, address } = this.t;
    const content = sheet[kind].get(address);
    if (content === undefined) throw new DoubleError('ItemNotFound', `no ${kind} at ${address}`);
    return { data: props.includes('content') ? { content } : {} };
  }
  static loadedItem(ctx: Ctx, parent: WireNode, a: Annotation, content: string): AnnotationProxy {
    const p = new AnnotationProxy(ctx, { nav: () => a, parent, key: itemKey(a.address) });
    p.loaded = { content };
    return p;
  }
}

class AnnotationCollection extends Obj<{ sheet: SheetState; kind: 'notes' | 'comments' }> {
  protected readonly loadable = ['content'] as const;
  private loadedItems?: AnnotationProxy[];

  get items(): AnnotationProxy[] {
    if (!this.loadedItems) throw new DoubleError('PropertyNotLoaded', 'items was not loaded and synced');
    return this.loadedItems;
  }

  /**
   * The one cell a note or comment goes on, at the time the operation runs. Comments want a Range
   * or the full address with the sheet name ("Sheet1!B7"); notes also take "B7".
   */
  private cellOf(cell: string | RangeProxy): string {
    const { sheet, kind } = this.t;
    let rect: Rect;
    if (typeof cell === 'string') {
      if (kind === 'comments' && !cell.includes('!')) {
        throw new DoubleError('InvalidArgument', `comment address "${cell}" lacks the sheet name`);
      }
      rect = parseRect(cell);
    } else {
      const target = cell.cells();
      if (target.sheet !== sheet) throw new DoubleError('InvalidArgument', 'cell on another worksheet');
      rect = target.rects[0];
    }
    if (rect.rows !== 1 || rect.cols !== 1) throw new DoubleError('InvalidCellAddress', a1Of(rect));
    return a1Of(rect);
  }

  add(cell: string | RangeProxy, content: string): AnnotationProxy {
    return new AnnotationProxy(this.ctx, {
      create: ['add', cell, content],
      parent: this,
      resolve: () => {
        const { sheet, kind } = this.t;
        const address = this.cellOf(cell);
        // A cell holds one annotation: a note or a comment thread, never both.
        const taken = sheet.notes.has(address) ? 'note' : sheet.comments.has(address) ? 'comment' : undefined;
        if (taken) throw new DoubleError('InvalidOperation', `a ${taken} exists at ${address}`);
        sheet[kind].set(address, content);
        return { sheet, kind, address };
      },
    });
  }

  private byCell(method: string, cell: string, nullable: boolean): AnnotationProxy {
    return new AnnotationProxy(this.ctx, {
      create: [method, cell],
      parent: this,
      nullable,
      resolve: () => {
        const { sheet, kind } = this.t;
        const address = this.cellOf(cell);
        return sheet[kind].has(address) ? { sheet, kind, address } : null;
      },
    });
  }
  getItem(cell: string): AnnotationProxy {
    return this.byCell('getItem', cell, false);
  }
  getItemOrNullObject(cell: string): AnnotationProxy {
    return this.byCell('getItemOrNullObject', cell, true);
  }
  getItemByCell(cell: string): AnnotationProxy {
    return this.byCell('getItemByCell', cell, false);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.enqueue(
      ['call', 'getCount'],
      () => {
        const { sheet, kind } = this.t;
        const n = sheet[kind].size;
        return { data: n, apply: () => result.resolve(n) };
      },
      { type: 'method', node: this, name: 'getCount', args: [] },
    );
    return result;
  }

  /** load('items/content'), or a page of them: load({ select: 'items/content', top, skip }). */
  override load(arg?: unknown): this {
    const props = propList(arg);
    const { top, skip = 0 } = (typeof arg === 'object' && arg && !Array.isArray(arg) ? arg : {}) as {
      top?: number;
      skip?: number;
    };
    this.ctx.enqueue(
      ['load', props],
      () => {
        const { sheet, kind } = this.t;
        const entries = [...sheet[kind]].slice(skip, top === undefined ? undefined : skip + top);
        const data = entries.map(([, content]) => (props.includes('content') ? { content } : {}));
        return {
          data,
          apply: () => {
            this.loadedItems = entries.map(([address, content]) =>
              AnnotationProxy.loadedItem(this.ctx, this, { sheet, kind, address }, content),
            );
          },
        };
      },
      { type: 'query', node: this, select: props },
    );
    return this;
  }
  protected snapshot() {
    return { data: {} };
  }
}

// ---- worksheets --------------------------------------------------------------------------

class PageLayoutProxy extends Obj<SheetState> {
  protected readonly loadable = [] as const;
  private page(prop: string, v: unknown) {
    this.set(prop, v, (s) => (s.page[prop] = v));
  }
  set orientation(v: string) {
    this.page('orientation', v);
  }
  set paperSize(v: string) {
    this.page('paperSize', v);
  }
  set zoom(v: unknown) {
    this.page('zoom', v);
  }
  set centerHorizontally(v: boolean) {
    this.page('centerHorizontally', v);
  }
  set leftMargin(v: number) {
    this.page('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.page('rightMargin', v);
  }
  set topMargin(v: number) {
    this.page('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.page('bottomMargin', v);
  }
  get headersFooters() {
    const set = (prop: string, v: string) => this.page(prop, v);
    return {
      defaultForAllPages: {
        set centerFooter(v: string) {
          set('centerFooter', v);
        },
      },
    };
  }
  setPrintTitleRows(rows: string): void {
    this.call('setPrintTitleRows', [rows], (s) => (s.page.printTitleRows = rows));
  }
  protected snapshot() {
    return { data: {} };
  }
}

/** Manual page breaks above a row (ExcelApi 1.9), kept as 1-based row numbers in the sheet's page setup. */
class PageBreaksProxy extends Obj<SheetState> {
  protected readonly loadable = [] as const;
  add(pageBreakRange: string): void {
    this.ctx.requires('1.9', 'Worksheet.horizontalPageBreaks');
    const row = parseRect(pageBreakRange).r0 + 1;
    this.call('add', [pageBreakRange], (s) => {
      s.page.breaksBefore = [...((s.page.breaksBefore as number[] | undefined) ?? []), row];
    });
  }
  protected snapshot() {
    return { data: {} };
  }
}

class WorksheetProxy extends Obj<SheetState> {
  protected readonly loadable = ['id', 'name', 'visibility', 'position'] as const;

  static loadedItem(ctx: Ctx, parent: WireNode, sheet: SheetState, data: Record<string, unknown>): WorksheetProxy {
    const p = new WorksheetProxy(ctx, { nav: () => sheet, parent, key: itemKey(sheet.name) });
    p.loaded = data;
    return p;
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.set('name', v, (s) => {
      const before = s.name;
      s.name = v;
      this.ctx.double.sheetEvent('onNameChanged', s, { nameBefore: before, nameAfter: v });
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.set('visibility', v, (s) => (s.visibility = v as SheetState['visibility']));
  }
  get notes(): AnnotationCollection {
    return new AnnotationCollection(this.ctx, {
      create: ['notes'],
      parent: this,
      property: true,
      resolve: () => {
        this.ctx.requires('1.18', 'Worksheet.notes');
        return { sheet: this.t, kind: 'notes' };
      },
    });
  }
  get comments(): AnnotationCollection {
    return new AnnotationCollection(this.ctx, {
      create: ['comments'],
      parent: this,
      property: true,
      resolve: () => {
        this.ctx.requires('1.10', 'Worksheet.comments');
        return { sheet: this.t, kind: 'comments' };
      },
    });
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.call('freezeRows', [n], (s) => (s.frozenRows = n)) };
  }
  get horizontalPageBreaks(): PageBreaksProxy {
    return new PageBreaksProxy(this.ctx, { nav: () => this.t, parent: this, name: 'horizontalPageBreaks' });
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.ctx, { nav: () => this.t, parent: this, name: 'pageLayout' });
  }

  private range(create: unknown[], make: (s: SheetState) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(this.ctx, {
      create,
      nullable,
      parent: this,
      resolve: () => {
        const rect = make(this.t);
        return rect ? { sheet: this.t, rects: [rect] } : null;
      },
    });
  }
  getRange(address?: string): RangeProxy {
    return this.range(['getRange', address], () =>
      address === undefined ? { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseRect(address),
    );
  }
  getRangeByIndexes(r0: number, c0: number, rows: number, cols: number): RangeProxy {
    return this.range(['getRangeByIndexes', r0, c0, rows, cols], () => {
      if (rows < 1 || cols < 1) throw new DoubleError('InvalidArgument', 'empty range');
      return { r0, c0, rows, cols };
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range(
      ['getUsedRange', valuesOnly],
      (s) => s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range(['getUsedRangeOrNullObject', valuesOnly], (s) => s.usedRect(valuesOnly), true);
  }
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, {
      create: ['getRanges', address],
      parent: this,
      resolve: () => {
        if (address.length > ADDRESS_LIMIT) {
          throw new DoubleError('InvalidArgument', `getRanges address of ${address.length} characters`);
        }
        return { sheet: this.t, rects: address.split(/[,;]/).map(parseRect) };
      },
    });
  }
  activate(): void {
    this.call('activate', [], (s) => (this.ctx.book.activeSheet = s));
  }
  delete(): void {
    this.call('delete', [], (s) => {
      // Worksheet.delete(): "if the worksheet's visibility is set to VeryHidden, the delete
      // operation will fail with an InvalidOperation exception".
      if (s.visibility === 'VeryHidden') {
        throw new DoubleError('InvalidOperation', `cannot delete very hidden worksheet "${s.name}"`);
      }
      s.deleted = true;
      this.ctx.double.sheetEvent('onDeleted', s);
    });
  }
  protected snapshot(props: string[]) {
    const s = this.t;
    const all: Record<string, unknown> = {
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      position: this.ctx.book.live().indexOf(s),
    };
    return { data: Object.fromEntries(props.map((p) => [p, all[p]])) };
  }
}

/** The ExcelApi set each collection event of Worksheets needs. */
const EVENT_SETS: Record<EventName, ExcelApiVersion | '1.7' | '1.17'> = {
  onChanged: '1.9',
  onAdded: '1.7',
  onDeleted: '1.7',
  onNameChanged: '1.17',
};

/** OfficeExtension.EventHandlers: add() registers at the next sync of this context. */
class EventHandlersProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly name: EventName,
  ) {}
  add(handler: Handler): { context: unknown; remove(): void } {
    const { ctx, name } = this;
    ctx.enqueue(['call', `${name}.add`], () => {
      if (!ctx.double.isSetSupported('ExcelApi', EVENT_SETS[name])) {
        throw new DoubleError('ApiNotFound', `WorksheetCollection.${name} needs ExcelApi ${EVENT_SETS[name]}`);
      }
      ctx.double.events.register(name, handler, ctx);
    });
    let live = true;
    return {
      context: ctx,
      // office.js queues the removal on the context the handler was added in, whichever
      // Excel.run is current: it happens when *that* context syncs.
      remove: () => {
        if (!live) return;
        live = false;
        ctx.enqueue(['call', `${name}.remove`], () => ctx.double.events.unregister(name, handler));
      },
    };
  }
}

class WorksheetCollectionProxy extends Obj<BookState> {
  protected readonly loadable = ['id', 'name', 'visibility', 'position'] as const;
  private loadedItems?: WorksheetProxy[];
  readonly onChanged = new EventHandlersProxy(this.ctx, 'onChanged');
  readonly onAdded = new EventHandlersProxy(this.ctx, 'onAdded');
  readonly onDeleted = new EventHandlersProxy(this.ctx, 'onDeleted');
  readonly onNameChanged = new EventHandlersProxy(this.ctx, 'onNameChanged');

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw new DoubleError('PropertyNotLoaded', 'items was not loaded and synced');
    return this.loadedItems;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, { create: ['getItem', name], resolve: () => this.t.get(name), parent: this });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, {
      create: ['getItemOrNullObject', name],
      parent: this,
      nullable: true,
      resolve: () => this.t.find(name) ?? null,
    });
  }
  add(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, {
      create: ['addWorksheet', name],
      resolve: () => {
        const s = this.t.add(name);
        this.ctx.double.sheetEvent('onAdded', s);
        return s;
      },
      parent: this,
    });
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, {
      create: ['getActiveWorksheet'],
      parent: this,
      resolve: () => this.t.activeSheet ?? this.t.live()[0],
    });
  }
  override load(arg?: unknown): this {
    const props = propList(arg);
    this.ctx.enqueue(
      ['load', props],
      () => {
        const sheets = this.t.live();
        const data = sheets.map((s, i) => {
          const all: Record<string, unknown> = { id: s.id, name: s.name, visibility: s.visibility, position: i };
          return Object.fromEntries(props.map((p) => [p, all[p]]));
        });
        return {
          data,
          apply: () => (this.loadedItems = sheets.map((s, i) => WorksheetProxy.loadedItem(this.ctx, this, s, data[i]))),
        };
      },
      { type: 'query', node: this, select: props },
    );
    return this;
  }
  protected snapshot() {
    return { data: {} };
  }
}

// ---- custom document properties (ExcelApi 1.7) ---------------------------------------------

/**
 * Keys and values longer than this are cut to it outside Excel on the web, silently and without
 * regard for surrogate pairs (CustomPropertyData reference; office-js-docs #861 for Word).
 */
export const CUSTOM_PROPERTY_LIMIT = 255;

interface PropertyRef {
  book: BookState;
  /** Lower-case: keys are case-insensitive. */
  id: string;
}

const propertyType = (v: unknown) =>
  typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'Number' : 'Float') : 'String';

class CustomPropertyProxy extends Obj<PropertyRef> {
  protected readonly loadable = ['key', 'value', 'type'] as const;
  get key(): string {
    return this.read('key');
  }
  get type(): string {
    return this.read('type');
  }
  get value(): string | number | boolean {
    return this.read('value');
  }
  set value(v: string | number | boolean) {
    this.set('value', v, ({ book, id }) => {
      const p = book.custom.get(id);
      if (!p) throw new DoubleError('ItemNotFound', `no custom property "${id}"`);
      p.value = this.ctx.double.storedPropertyValue(v);
    });
  }
  delete(): void {
    this.call('delete', [], ({ book, id }) => book.custom.delete(id));
  }
  protected snapshot(props: string[]) {
    const p = this.t.book.custom.get(this.t.id);
    if (!p) throw new DoubleError('ItemNotFound', `no custom property "${this.t.id}"`);
    if (props.includes('value')) this.ctx.double.checkPropertyRead(p);
    const all: Record<string, unknown> = { key: p.key, value: p.value, type: propertyType(p.value) };
    return { data: Object.fromEntries(props.map((k) => [k, all[k]])) };
  }
  static loadedItem(ctx: Ctx, parent: WireNode, ref: PropertyRef, data: Record<string, unknown>): CustomPropertyProxy {
    const p = new CustomPropertyProxy(ctx, { nav: () => ref, parent, key: itemKey(ref.id) });
    p.loaded = data;
    return p;
  }
}

class CustomPropertyCollectionProxy extends Obj<BookState> {
  protected readonly loadable = ['key', 'value', 'type'] as const;
  private loadedItems?: CustomPropertyProxy[];

  get items(): CustomPropertyProxy[] {
    if (!this.loadedItems) throw new DoubleError('PropertyNotLoaded', 'items was not loaded and synced');
    return this.loadedItems;
  }
  /** Creates a new or sets an existing property (keys are case-insensitive). */
  add(key: string, value: string | number | boolean): CustomPropertyProxy {
    return new CustomPropertyProxy(this.ctx, {
      create: ['add', key, value],
      parent: this,
      resolve: () => {
        const book = this.t;
        const stored = this.ctx.double.storedPropertyKey(key);
        const id = stored.toLowerCase();
        const kept = book.custom.get(id)?.key ?? stored;
        book.custom.set(id, { key: kept, value: this.ctx.double.storedPropertyValue(value) });
        return { book, id };
      },
    });
  }
  private byKey(method: string, key: string, nullable: boolean): CustomPropertyProxy {
    return new CustomPropertyProxy(this.ctx, {
      create: [method, key],
      parent: this,
      nullable,
      resolve: () => {
        const id = this.ctx.double.storedPropertyKey(key).toLowerCase();
        return this.t.custom.has(id) ? { book: this.t, id } : null;
      },
    });
  }
  getItem(key: string): CustomPropertyProxy {
    return this.byKey('getItem', key, false);
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return this.byKey('getItemOrNullObject', key, true);
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.enqueue(
      ['call', 'getCount'],
      () => {
        const n = this.t.custom.size;
        return { data: n, apply: () => result.resolve(n) };
      },
      { type: 'method', node: this, name: 'getCount', args: [] },
    );
    return result;
  }
  deleteAll(): void {
    this.call('deleteAll', [], (book) => book.custom.clear());
  }
  override load(arg?: unknown): this {
    const props = propList(arg);
    this.ctx.enqueue(
      ['load', props],
      () => {
        const book = this.t;
        const entries = [...book.custom.entries()];
        const data = entries.map(([, p]) => {
          if (props.includes('value')) this.ctx.double.checkPropertyRead(p);
          const all: Record<string, unknown> = { key: p.key, value: p.value, type: propertyType(p.value) };
          return Object.fromEntries(props.map((k) => [k, all[k]]));
        });
        return {
          data,
          apply: () =>
            (this.loadedItems = entries.map(([id], i) =>
              CustomPropertyProxy.loadedItem(this.ctx, this, { book, id }, data[i]),
            )),
        };
      },
      { type: 'query', node: this, select: props },
    );
    return this;
  }
  protected snapshot() {
    return { data: {} };
  }
}

class DocumentPropertiesProxy extends Obj<BookState> {
  protected readonly loadable = [] as const;
  readonly custom: CustomPropertyCollectionProxy;
  constructor(ctx: Ctx, parent: WireNode) {
    super(ctx, { nav: () => ctx.book, parent, name: 'properties' });
    this.custom = new CustomPropertyCollectionProxy(ctx, { nav: () => ctx.book, parent: this, name: 'custom' });
  }
  protected snapshot() {
    return { data: {} };
  }
}

class WorkbookProxy implements WireNode {
  readonly worksheets: WorksheetCollectionProxy;
  readonly properties: DocumentPropertiesProxy;
  readonly wireId: number;
  readonly wirePath = { type: 'global' as const, name: '', args: [] };
  constructor(ctx: Ctx) {
    this.wireId = ctx.nextWireId();
    this.worksheets = new WorksheetCollectionProxy(ctx, { nav: () => ctx.book, parent: this, name: 'worksheets' });
    this.properties = new DocumentPropertiesProxy(ctx, this);
  }
}

// ---- the double --------------------------------------------------------------------------

export class ExcelDouble {
  stats: SyncStats = { ops: [], kinds: {}, refused: [], requestBytes: [], responseBytes: [] };
  wireIds = 0;
  /** Simulated time in ms: each sync costs `latency.perSyncMs` plus `latency.perMBMs` per MB sent or received. */
  clock = 0;
  latency = { perSyncMs: 0, perMBMs: 0 };
  /** A function command is running since this time (startCommand); Excel ends it after 5 minutes. */
  private commandSince?: number;
  /** Excel ended the function command: nothing it did after that reached the workbook or the clerk. */
  killed = false;
  /** The clerk is typing in a cell: every batch fails (Excel.run without delayForCellEdit). */
  cellEditMode = false;

  /** Date.now for code running against this double. */
  now = (): number => this.clock;

  /** A ribbon button was pressed: the 5-minute limit starts now. */
  startCommand(): void {
    this.commandSince = this.clock;
    this.killed = false;
  }
  endCommand(): void {
    this.commandSince = undefined;
  }
  /** Is the command over its time limit? Checked before anything it does reaches Excel. */
  checkCommandTime(): void {
    if (this.commandSince !== undefined && this.clock - this.commandSince > COMMAND_LIMIT_MS) {
      this.killed = true;
      throw new DoubleError('CommandTimeLimit', 'Excel ended the function command after 5 minutes');
    }
  }

  /** Time passes for a sync: the round trip and the bytes on the wire. */
  tick(bytes: number, roundTrip = true): void {
    if (roundTrip) this.checkCommandTime();
    this.clock += (roundTrip ? this.latency.perSyncMs : 0) + (bytes / 1e6) * this.latency.perMBMs;
  }

  /**
   * Which Excel: 'desktop' (Windows, Mac) cuts custom property keys and values to 255 characters
   * and crashes reading a longer value another program wrote (office-js #4378, #4002); Excel on
   * the web keeps them whole.
   */
  platform: 'desktop' | 'web' = 'desktop';

  constructor(
    public book: BookState = new BookState(),
    public excelApi: ExcelApiVersion = '1.18',
  ) {}

  /** A custom property's key as Excel keeps it; an empty key is refused. */
  storedPropertyKey(key: string): string {
    if (typeof key !== 'string' || key === '') throw new DoubleError('InvalidArgument', 'custom property key');
    return this.platform === 'web' ? key : key.slice(0, CUSTOM_PROPERTY_LIMIT);
  }
  /** A custom property's value as Excel keeps it: text over 255 characters cut on the desktop. */
  storedPropertyValue(value: unknown): string | number | boolean {
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value !== 'string') throw new DoubleError('InvalidArgument', `custom property value ${String(value)}`);
    return this.platform === 'web' ? value : value.slice(0, CUSTOM_PROPERTY_LIMIT);
  }
  /** Reading a value longer than Excel itself would write: the desktop freezes and restarts. */
  checkPropertyRead(p: { key: string; value: unknown }): void {
    if (this.platform === 'desktop' && typeof p.value === 'string' && p.value.length > CUSTOM_PROPERTY_LIMIT) {
      throw new DoubleError('HostCrashed', `custom property "${p.key}" holds ${p.value.length} characters`);
    }
  }

  /** Office.context.requirements.isSetSupported for the Excel this double plays. */
  isSetSupported = (name: string, version?: string): boolean =>
    name === 'ExcelApi' && minor(version ?? '1.1') <= minor(this.excelApi);

  /** Excel.run: the batch gets a fresh context; what is still queued at the end is synced. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    return this.runIn(new Ctx(this) as unknown as Excel.RequestContext, batch);
  };

  /** Excel.run(context, batch): the batch goes on in an existing context (e.g. an event handler's). */
  runIn = async <T>(context: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (!(context instanceof Ctx) || context.double !== this) {
      throw new DoubleError('InvalidArgument', 'Excel.run with a context of another workbook');
    }
    const ctx = context as Ctx;
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length) await ctx.sync();
    return result;
  };

  // ---- events ----------------------------------------------------------------------------

  /** Handlers registered through worksheets.onChanged / onAdded / …, and every event raised. */
  events = new EventHub();

  private withTrigger(args: Record<string, unknown>, ours: boolean): Record<string, unknown> {
    // triggerSource is ExcelApi 1.14: absent from the arguments before that.
    if (this.isSetSupported('ExcelApi', '1.14')) args.triggerSource = ours ? 'ThisLocalAddin' : 'Unknown';
    return args;
  }

  /** Raise WorksheetChanged for a change of `rect` (rows or columns whole for insertions). */
  changed(
    sheet: SheetState,
    rect: Rect,
    changeType: ChangeType,
    opts: {
      ours: boolean;
      remote?: boolean;
      before?: unknown;
      after?: unknown;
      direction?: { insertShiftDirection?: string; deleteShiftDirection?: string };
    },
  ): void {
    let address = a1Of(rect);
    if (rect.cols === MAX_COLS) address = `${rect.r0 + 1}:${rect.r0 + rect.rows}`;
    else if (rect.rows === MAX_ROWS) address = `${colLetters(rect.c0)}:${colLetters(rect.c0 + rect.cols - 1)}`;
    const single = rect.rows === 1 && rect.cols === 1 && changeType === 'RangeEdited';
    const args: Record<string, unknown> = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address,
      changeType,
      source: opts.remote ? 'Remote' : 'Local',
      // "can be retrieved when the changed event is triggered on a single cell" only.
      details: single ? { valueBefore: opts.before ?? '', valueAfter: opts.after ?? '' } : undefined,
    };
    // changeDirectionState is ExcelApi 1.14, like triggerSource: absent before.
    if (opts.direction && this.isSetSupported('ExcelApi', '1.14')) {
      args.changeDirectionState = {
        insertShiftDirection: undefined,
        deleteShiftDirection: undefined,
        ...opts.direction,
      };
    }
    this.events.raise('onChanged', this.withTrigger(args, opts.ours));
  }

  sheetEvent(name: 'onAdded' | 'onDeleted' | 'onNameChanged', sheet: SheetState, extra = {}): void {
    const type = { onAdded: 'WorksheetAdded', onDeleted: 'WorksheetDeleted', onNameChanged: 'WorksheetNameChanged' };
    this.events.raise(name, { type: type[name], worksheetId: sheet.id, source: 'Local', ...extra });
  }

  /**
   * The clerk types or pastes `values` at `address` (values parsed as Excel parses typing; a
   * single-cell edit reports its before and after values). `remote`: a coauthor did it.
   */
  edit(sheetName: string, address: string, values: unknown[][], opts: { remote?: boolean } = {}): void {
    const sheet = this.book.get(sheetName);
    const rect = parseRect(address);
    const before = sheet.value(rect.r0, rect.c0);
    for (let i = 0; i < rect.rows; i++)
      for (let j = 0; j < rect.cols; j++) sheet.write(rect.r0 + i, rect.c0 + j, values[i][j]);
    this.changed(sheet, rect, 'RangeEdited', {
      ours: false,
      remote: opts.remote,
      before,
      after: sheet.value(rect.r0, rect.c0),
    });
  }

  /** The clerk inserts (count > 0) or deletes (count < 0) whole rows at 1-based `row`. */
  shiftRows(sheetName: string, row: number, count: number): void {
    const sheet = this.book.get(sheetName);
    sheet.shiftRows(row - 1, count);
    const rect = { r0: row - 1, c0: 0, rows: Math.abs(count), cols: MAX_COLS };
    this.changed(sheet, rect, count > 0 ? 'RowInserted' : 'RowDeleted', { ours: false });
  }

  /** The clerk inserts (count > 0) or deletes (count < 0) whole columns at 1-based `col`. */
  shiftColumns(sheetName: string, col: number, count: number): void {
    const sheet = this.book.get(sheetName);
    sheet.shiftColumns(col - 1, count);
    const rect = { r0: 0, c0: col - 1, rows: MAX_ROWS, cols: Math.abs(count) };
    this.changed(sheet, rect, count > 0 ? 'ColumnInserted' : 'ColumnDeleted', { ours: false });
  }

  /**
   * The clerk inserts cells at `address` shifting the others down or right, or deletes them
   * shifting the others up or left (Insert / Delete cells). Excel reports CellInserted or
   * CellDeleted at that address and, from ExcelApi 1.14, the direction in changeDirectionState:
   * insertShiftDirection "Down" / "Right" or deleteShiftDirection "Up" / "Left", the other one
   * undefined.
   */
  shiftCells(sheetName: string, address: string, direction: 'down' | 'right' | 'up' | 'left'): void {
    const sheet = this.book.get(sheetName);
    const rect = parseRect(address);
    sheet.shiftCells(rect, direction);
    const inserted = direction === 'down' || direction === 'right';
    const named = { down: 'Down', right: 'Right', up: 'Up', left: 'Left' }[direction];
    this.changed(sheet, rect, inserted ? 'CellInserted' : 'CellDeleted', {
      ours: false,
      direction: inserted ? { insertShiftDirection: named } : { deleteShiftDirection: named },
    });
  }

  /** The clerk adds a sheet, or renames one. */
  clerkAddsSheet(name: string): void {
    this.sheetEvent('onAdded', this.book.add(name));
  }
  clerkRenamesSheet(from: string, to: string): void {
    const sheet = this.book.get(from);
    sheet.name = to;
    this.sheetEvent('onNameChanged', sheet, { nameBefore: from, nameAfter: to });
  }

  get syncs(): number {
    return this.stats.ops.length;
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.stats.requestBytes);
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.stats.responseBytes);
  }
  get totalOps(): number {
    return this.stats.ops.reduce((a, b) => a + b, 0);
  }
  get totalBytes(): number {
    return [...this.stats.requestBytes, ...this.stats.responseBytes].reduce((a, b) => a + b, 0);
  }
  resetStats(): void {
    this.stats = { ops: [], kinds: {}, refused: [], requestBytes: [], responseBytes: [] };
  }

  sheet(name: string): SheetState {
    return this.book.get(name);
  }

  /** A workbook as a clerk left it: values typed (IDs as text), dates formatted, fills, notes. */
  static fromSpec(spec: WorkbookSpec, excelApi: ExcelApiVersion = '1.18'): ExcelDouble {
    const book = new BookState();
    for (const s of spec.sheets) {
      const sheet = book.add(s.name);
      if (s.hidden) sheet.visibility = 'Hidden';
      s.rows.forEach((row, r) =>
        row.forEach((spec, c) => {
          if (spec === null || spec === undefined) return;
          const cell = typeof spec === 'object' && !(spec instanceof Date) ? spec : { v: spec };
          if (cell.v instanceof Date) {
            sheet.setRaw(r, c, dateToSerial(cell.v));
            sheet.setFormat(r, c, cell.fmt ?? 'yyyy-mm-dd');
          } else if (typeof cell.v === 'number') {
            // As typed into Excel: 15 significant digits.
            sheet.setRaw(r, c, Number(cell.v.toPrecision(15)));
            if (cell.fmt) sheet.setFormat(r, c, cell.fmt);
          } else {
            sheet.setRaw(r, c, cell.v);
            if (cell.fmt) sheet.setFormat(r, c, cell.fmt);
          }
          if (cell.fill) sheet.setFill(r, c, { color: `#${cell.fill.slice(2)}`, pattern: 'Solid' });
          if (cell.note) sheet.notes.set(a1Of({ r0: r, c0: c, rows: 1, cols: 1 }), cell.note);
        }),
      );
      for (const m of s.merges ?? [])
        sheet.merges.push({ r0: m.top, c0: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    }
    return new ExcelDouble(book, excelApi);
  }

  /** Save the workbook and open it again: a new double over the saved file. */
  reopen(): ExcelDouble {
    const d = new ExcelDouble(BookState.open(this.book.save()), this.excelApi);
    d.platform = this.platform;
    return d;
  }
}
