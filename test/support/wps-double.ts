/**
 * A WPS 表格 test double: `Application` of the ET object model over the same BookState as the
 * Excel double, so a workbook marked through one can be reopened in the other. It keeps the rules
 * of the documented object model (Excel's VBA model, which ET follows) that a careless adapter
 * would break, and throws where the real thing would misbehave:
 *
 * - collections are 1-based: Worksheets.Item(0) and Comments.Item(Count + 1) throw;
 * - Range.Value2 of one cell is a scalar, of a block a 2-D array (rows); a write must match the
 *   block's shape; Value2 of a multi-area range is refused (Excel answers only the first area);
 * - Interior.Color is a BGR integer ("#RRGGBB" throws), Interior.Pattern an XlPattern constant;
 *   no fill is xlPatternNone with Color 16777215, unlike a white solid fill;
 * - a range address is at most 255 characters; Application.Union takes 2–30 ranges of one sheet;
 * - NumberFormat, Interior and MergeCells answer null when the cells differ;
 * - AddComment on a cell that has a note throws; Worksheet.Delete with DisplayAlerts on throws
 *   (WPS would stop and ask the clerk);
 * - every property read or write and every method call on a WPS object counts as one call that
 *   crosses into WPS (`calls`, by kind in `kinds`).
 *
 * Plain TypeScript without Node APIs: the browser test bundles it as window.Application.
 */
import { BookState, DoubleError, a1Of, type Fill, type Rect, type Scalar, type SheetState } from './excel-double-book';

export const ADDRESS_LIMIT = 255;
const WHITE = 0xffffff;

const PATTERNS: Record<string, number> = {
  None: -4142,
  Solid: 1,
  Gray75: -4126,
  Gray50: -4125,
  Gray25: -4124,
  Gray16: 17,
  Gray8: 18,
  Horizontal: -4128,
  Vertical: -4166,
  Down: -4121,
  Up: -4162,
  Checker: 9,
  SemiGray75: 10,
  LightHorizontal: 11,
  LightVertical: 12,
  LightDown: 13,
  LightUp: 14,
  Grid: 15,
  CrissCross: 16,
};
const PATTERN_NAME = new Map(Object.entries(PATTERNS).map(([n, c]) => [c, n]));

const ERROR_CODES: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

const hexToBgr = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
};
const bgrToHex = (bgr: number) => {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, '0').toUpperCase()}`;
};

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

function parseArea(text: string): Rect {
  const [a, b = a] = text.split(':');
  const p = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(a.trim());
  const q = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(b.trim());
  if (!p || !q) throw new DoubleError('InvalidArgument', `bad range address "${text}"`);
  const r1 = Number(p[2]) - 1;
  const r2 = Number(q[2]) - 1;
  const c1 = colIndex(p[1]);
  const c2 = colIndex(q[1]);
  return { r0: Math.min(r1, r2), c0: Math.min(c1, c2), rows: Math.abs(r1 - r2) + 1, cols: Math.abs(c1 - c2) + 1 };
}

function* cellsOf(rects: Rect[]): Generator<[number, number]> {
  for (const r of rects) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) yield [r.r0 + i, r.c0 + j];
}

/** The value every cell shares, or null. */
function uniform<V>(rects: Rect[], get: (r: number, c: number) => V): V | null {
  let first: { v: V } | undefined;
  for (const [r, c] of cellsOf(rects)) {
    const v = get(r, c);
    if (!first) first = { v };
    else if (first.v !== v) return null;
  }
  return first ? first.v : null;
}

export interface TaskPaneRecord {
  ID: number;
  url: string;
  Visible: boolean;
  Width: number;
}

/**
 * Objects hand out properties through `counted`, so each access is counted like a call into WPS.
 * Kinds are "Object.member", e.g. "Range.Value2", "Interior.Color=", "Worksheets.Item()".
 */
export class WpsDouble {
  calls = 0;
  kinds: Record<string, number> = {};
  readonly taskPanes: TaskPaneRecord[] = [];
  readonly Application: Record<string, unknown>;
  screenUpdating = true;
  displayAlerts = true;
  private activeSheet?: SheetState;
  private readonly storage = new Map<string, unknown>();
  /** Notes in sheet order, kept between Comments.Item calls (sorting each time is quadratic). */
  private readonly noteOrder = new WeakMap<SheetState, string[]>();

  constructor(
    public book: BookState,
    readonly info: { name: string; version: string; build: number } = {
      name: 'WPS 表格',
      version: '12.1.0',
      build: 17900,
    },
  ) {
    this.activeSheet = book.live()[0];
    this.Application = this.application();
  }

  static fromJSON(saved: string): WpsDouble {
    return new WpsDouble(BookState.open(saved));
  }

  /** Save, close and open the workbook again. */
  reopen(): WpsDouble {
    return new WpsDouble(BookState.open(this.book.save()), this.info);
  }

  resetCalls(): void {
    this.calls = 0;
    this.kinds = {};
  }

  count(kind: string): void {
    this.calls++;
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1;
  }

  /** An object whose listed properties and methods count each access. */
  private obj(
    type: string,
    members: Record<string, { get?: () => unknown; set?: (v: unknown) => void } | ((...a: never[]) => unknown)>,
  ): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [name, m] of Object.entries(members)) {
      if (typeof m === 'function') {
        const fn = m as (...a: unknown[]) => unknown;
        o[name] = (...args: unknown[]) => {
          this.count(`${type}.${name}()`);
          return fn(...args);
        };
        continue;
      }
      Object.defineProperty(o, name, {
        enumerable: true,
        get: () => {
          this.count(`${type}.${name}`);
          if (!m.get) throw new DoubleError('InvalidOperation', `${type}.${name} cannot be read`);
          return m.get();
        },
        set: (v: unknown) => {
          this.count(`${type}.${name}=`);
          if (!m.set) throw new DoubleError('InvalidOperation', `${type}.${name} is read-only`);
          m.set(v);
        },
      });
    }
    return o;
  }

  private application(): Record<string, unknown> {
    const app = this.obj('Application', {
      Name: { get: () => this.info.name },
      Version: { get: () => this.info.version },
      Build: { get: () => this.info.build },
      ActiveWorkbook: { get: () => (this.book.live().length ? this.workbook() : null) },
      ActiveSheet: {
        get: () => (this.activeSheet && !this.activeSheet.deleted ? this.worksheet(this.activeSheet) : null),
      },
      ActiveWindow: { get: () => this.window() },
      ScreenUpdating: { get: () => this.screenUpdating, set: (v) => (this.screenUpdating = Boolean(v)) },
      DisplayAlerts: { get: () => this.displayAlerts, set: (v) => (this.displayAlerts = Boolean(v)) },
      Union: (...ranges: never[]) => this.union(ranges as unknown as Record<string, unknown>[]),
      CreateTaskPane: (url: never) => {
        const pane: TaskPaneRecord = { ID: this.taskPanes.length + 1, url: String(url), Visible: false, Width: 300 };
        this.taskPanes.push(pane);
        this.onTaskPane?.(pane);
        return pane;
      },
      GetTaskPane: (id: never) => this.taskPanes.find((p) => p.ID === Number(id)) ?? null,
      PluginStorage: {
        get: () => ({
          getItem: (k: string) => this.storage.get(k) ?? null,
          setItem: (k: string, v: unknown) => void this.storage.set(k, v),
        }),
      },
    });
    // Set by the add-in's OnAddinLoad; a plain slot, as in WPS.
    app.ribbonUI = undefined;
    return app;
  }

  /** Called when the add-in opens a task pane (the browser test loads its page then). */
  onTaskPane?: (pane: TaskPaneRecord) => void;

  private window(): Record<string, unknown> {
    let split = 0;
    return this.obj('Window', {
      SplitRow: { get: () => split, set: (v) => (split = Number(v)) },
      SplitColumn: { get: () => 0, set: () => undefined },
      FreezePanes: {
        get: () => (this.activeSheet?.frozenRows ?? 0) > 0,
        set: (v) => {
          if (this.activeSheet) this.activeSheet.frozenRows = v ? split : 0;
        },
      },
    });
  }

  private workbook(): Record<string, unknown> {
    return this.obj('Workbook', {
      Name: { get: () => 'workbook.xlsx' },
      Worksheets: { get: () => this.worksheets() },
    });
  }

  private worksheets(): Record<string, unknown> {
    const live = () => this.book.live();
    return this.obj('Worksheets', {
      Count: { get: () => live().length },
      Item: (index: never) => {
        const i = index as unknown;
        if (typeof i === 'number') {
          if (!Number.isInteger(i) || i < 1 || i > live().length) {
            throw new DoubleError('InvalidArgument', `Worksheets.Item(${i}): collections count from 1 to Count`);
          }
          return this.worksheet(live()[i - 1]);
        }
        return this.worksheet(this.book.get(String(i)));
      },
      Add: (before: never, after: never) => {
        let n = live().length + 1;
        while (this.book.find(`Sheet${n}`)) n++;
        const s = this.book.add(`Sheet${n}`);
        // BookState appends; move it where Excel puts it: after `After`, else before the active sheet.
        this.book.sheets.pop();
        const anchor = (after ?? before) as unknown as { __sheet?: SheetState } | undefined;
        const target = anchor?.__sheet ?? this.activeSheet;
        let at = target ? this.book.sheets.indexOf(target) : this.book.sheets.length;
        if (after || !target) at += 1;
        this.book.sheets.splice(Math.max(0, at), 0, s);
        this.activeSheet = s;
        return this.worksheet(s);
      },
    });
  }

  worksheet(s: SheetState): Record<string, unknown> {
    const ws = this.obj('Worksheet', {
      Name: {
        get: () => s.name,
        set: (v) => {
          const name = String(v);
          if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
            throw new DoubleError('InvalidArgument', `bad worksheet name "${name}"`);
          }
          const other = this.book.find(name);
          if (other && other !== s) throw new DoubleError('InvalidArgument', `worksheet "${name}" exists`);
          s.name = name;
        },
      },
      Visible: {
        get: () => ({ Visible: -1, Hidden: 0, VeryHidden: 2 })[s.visibility],
        set: (v) => {
          const map: Record<number, SheetState['visibility']> = { [-1]: 'Visible', 0: 'Hidden', 2: 'VeryHidden' };
          const vis = map[Number(v)];
          if (!vis) throw new DoubleError('InvalidArgument', `Visible = ${String(v)}: use XlSheetVisibility`);
          s.visibility = vis;
        },
      },
      Index: { get: () => this.book.live().indexOf(s) + 1 },
      UsedRange: {
        get: () => this.range(s, [s.usedRect(false) ?? { r0: 0, c0: 0, rows: 1, cols: 1 }]),
      },
      Range: (cell1: never, cell2: never) => {
        const a = String(cell1);
        if (a.length > ADDRESS_LIMIT) {
          throw new DoubleError('InvalidArgument', `range address of ${a.length} characters (limit ${ADDRESS_LIMIT})`);
        }
        let rects = a.split(',').map(parseArea);
        if (cell2 !== undefined) {
          const b = parseArea(String(cell2));
          const p = rects[0];
          const r0 = Math.min(p.r0, b.r0);
          const c0 = Math.min(p.c0, b.c0);
          rects = [
            {
              r0,
              c0,
              rows: Math.max(p.r0 + p.rows, b.r0 + b.rows) - r0,
              cols: Math.max(p.c0 + p.cols, b.c0 + b.cols) - c0,
            },
          ];
        }
        return this.range(s, rects);
      },
      Comments: { get: () => this.comments(s) },
      PageSetup: { get: () => this.pageSetup(s) },
      // Manual page breaks, kept as the 1-based rows they stand above.
      HPageBreaks: {
        get: () =>
          this.obj('HPageBreaks', {
            Add: (before: never) => {
              const cells = (before as { __cells?: { sheet: SheetState; rects: { r0: number }[] } }).__cells;
              if (cells?.sheet !== s)
                throw new DoubleError('InvalidArgument', 'HPageBreaks.Add needs a range of this sheet');
              s.page.breaksBefore = [...((s.page.breaksBefore as number[] | undefined) ?? []), cells.rects[0].r0 + 1];
            },
          }),
      },
      Activate: () => {
        this.activeSheet = s;
      },
      Delete: () => {
        if (this.displayAlerts) {
          throw new DoubleError('InvalidOperation', 'Delete with DisplayAlerts on: WPS would ask the clerk first');
        }
        if (this.book.live().filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
          throw new DoubleError('InvalidOperation', 'a workbook must keep one visible sheet');
        }
        s.deleted = true;
        if (this.activeSheet === s) this.activeSheet = this.book.live().find((x) => x.visibility === 'Visible');
      },
    });
    Object.defineProperty(ws, '__sheet', { value: s });
    return ws;
  }

  private pageSetup(s: SheetState): Record<string, unknown> {
    const members: Record<string, { get: () => unknown; set: (v: unknown) => void }> = {};
    for (const p of [
      'Orientation',
      'PaperSize',
      'Zoom',
      'FitToPagesWide',
      'FitToPagesTall',
      'PrintTitleRows',
      'CenterHorizontally',
      'LeftMargin',
      'RightMargin',
      'TopMargin',
      'BottomMargin',
      'CenterFooter',
    ]) {
      members[p] = { get: () => s.page[p], set: (v) => (s.page[p] = v) };
    }
    return this.obj('PageSetup', members);
  }

  private comments(s: SheetState): Record<string, unknown> {
    // In the order of the sheet: row by row, as the Comments collection lists them.
    const list = () => {
      let all = this.noteOrder.get(s);
      if (all?.length !== s.notes.size) {
        all = [...s.notes.keys()]
          .map((a) => ({ a, rect: parseArea(a) }))
          .sort((x, y) => x.rect.r0 - y.rect.r0 || x.rect.c0 - y.rect.c0)
          .map((x) => x.a);
        this.noteOrder.set(s, all);
      }
      return all;
    };
    return this.obj('Comments', {
      Count: { get: () => s.notes.size },
      Item: (index: never) => {
        const i = Number(index);
        const all = list();
        if (!Number.isInteger(i) || i < 1 || i > all.length) {
          throw new DoubleError('InvalidArgument', `Comments.Item(${i}): collections count from 1 to Count`);
        }
        return this.comment(s, all[i - 1]);
      },
    });
  }

  private comment(s: SheetState, address: string): Record<string, unknown> {
    return this.obj('Comment', {
      Text: (text: never, start: never) => {
        if (!s.notes.has(address)) throw new DoubleError('InvalidOperation', 'the note was deleted');
        if (text !== undefined) {
          if (start !== undefined) throw new DoubleError('InvalidArgument', 'the double replaces whole notes only');
          s.notes.set(address, String(text));
        }
        return s.notes.get(address);
      },
      Delete: () => {
        s.notes.delete(address);
        const order = this.noteOrder.get(s);
        const at = order ? order.lastIndexOf(address) : -1;
        if (at >= 0) order!.splice(at, 1);
      },
      Parent: { get: () => this.range(s, [parseArea(address)]) },
    });
  }

  private union(ranges: Record<string, unknown>[]): Record<string, unknown> {
    if (ranges.length < 2 || ranges.length > 30) {
      throw new DoubleError('InvalidArgument', `Union takes 2 to 30 ranges, not ${ranges.length}`);
    }
    const parts = ranges.map((r) => (r as { __cells?: { sheet: SheetState; rects: Rect[] } }).__cells);
    if (parts.some((p) => !p)) throw new DoubleError('InvalidArgument', 'Union of something that is not a range');
    const sheet = parts[0]!.sheet;
    if (parts.some((p) => p!.sheet !== sheet)) throw new DoubleError('InvalidArgument', 'Union across sheets');
    return this.range(
      sheet,
      parts.flatMap((p) => p!.rects),
    );
  }

  range(s: SheetState, rects: Rect[]): Record<string, unknown> {
    const first = rects[0];
    const single = () => {
      if (rects.length > 1) throw new DoubleError('InvalidOperation', 'the double refuses this on a multi-area range');
    };
    const fillOf = (r: number, c: number): Fill | undefined => s.fill(r, c);
    const range = this.obj('Range', {
      Row: { get: () => first.r0 + 1 },
      Column: { get: () => first.c0 + 1 },
      Rows: { get: () => this.obj('Rows', { Count: { get: () => first.rows } }) },
      Columns: { get: () => this.obj('Columns', { Count: { get: () => first.cols } }) },
      Value2: {
        get: () => {
          single();
          const value = (r: number, c: number) => {
            const v = s.value(r, c);
            if (v !== undefined && s.isError(r, c)) return ERROR_CODES[String(v)] ?? ERROR_CODES['#VALUE!'];
            return v;
          };
          if (first.rows === 1 && first.cols === 1) return value(first.r0, first.c0);
          return Array.from({ length: first.rows }, (_, i) =>
            Array.from({ length: first.cols }, (_, j) => value(first.r0 + i, first.c0 + j)),
          );
        },
        set: (v) => {
          single();
          if (!Array.isArray(v)) {
            for (const [r, c] of cellsOf(rects)) s.write(r, c, v ?? '');
            return;
          }
          const rows = v as unknown[][];
          if (rows.length !== first.rows || rows.some((row) => !Array.isArray(row) || row.length !== first.cols)) {
            throw new DoubleError('InvalidArgument', `Value2 of ${first.rows}×${first.cols} cells needs that shape`);
          }
          rows.forEach((row, i) => row.forEach((x, j) => s.write(first.r0 + i, first.c0 + j, x ?? '')));
        },
      },
      NumberFormat: {
        get: () => uniform(rects, (r, c) => s.format(r, c)),
        set: (v) => {
          if (typeof v !== 'string') throw new DoubleError('InvalidArgument', 'NumberFormat takes one format string');
          for (const [r, c] of cellsOf(rects)) s.setFormat(r, c, v);
        },
      },
      Interior: {
        get: () =>
          this.obj('Interior', {
            Color: {
              get: () => uniform(rects, (r, c) => hexToBgr(fillOf(r, c)?.color ?? '#FFFFFF')),
              set: (v) => {
                if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > WHITE) {
                  throw new DoubleError(
                    'InvalidArgument',
                    `Interior.Color takes a BGR integer, not ${JSON.stringify(v)}`,
                  );
                }
                for (const [r, c] of cellsOf(rects)) {
                  const f = fillOf(r, c);
                  s.setFill(r, c, { ...(f ?? { pattern: 'Solid' }), color: bgrToHex(v) });
                }
              },
            },
            Pattern: {
              get: () => uniform(rects, (r, c) => PATTERNS[fillOf(r, c)?.pattern ?? 'None']),
              set: (v) => {
                const name = PATTERN_NAME.get(Number(v));
                if (typeof v !== 'number' || !name) throw new DoubleError('InvalidArgument', `Pattern ${String(v)}`);
                for (const [r, c] of cellsOf(rects)) {
                  const f = fillOf(r, c);
                  if (name === 'None') s.setFill(r, c, undefined);
                  else if (name === 'Solid') s.setFill(r, c, { color: f?.color ?? '#FFFFFF', pattern: name });
                  else s.setFill(r, c, { color: f?.color ?? '#FFFFFF', ...f, pattern: name });
                }
              },
            },
            PatternColor: {
              get: () => uniform(rects, (r, c) => hexToBgr(fillOf(r, c)?.patternColor ?? '#000000')),
              set: (v) => {
                if (typeof v !== 'number') throw new DoubleError('InvalidArgument', 'PatternColor takes a BGR integer');
                for (const [r, c] of cellsOf(rects)) {
                  const f = fillOf(r, c);
                  if (f) s.setFill(r, c, { ...f, patternColor: bgrToHex(v) });
                }
              },
            },
          }),
      },
      Font: {
        get: () =>
          this.obj('Font', {
            Name: { set: (v) => each((r, c) => s.setStyle(r, c, { fontName: String(v) })) },
            Size: { set: (v) => each((r, c) => s.setStyle(r, c, { fontSize: Number(v) })) },
            Bold: {
              get: () => uniform(rects, (r, c) => s.style(r, c).bold ?? false),
              set: (v) => each((r, c) => s.setStyle(r, c, { bold: Boolean(v) })),
            },
          }),
      },
      Borders: {
        get: () =>
          this.obj('Borders', {
            LineStyle: { set: (v) => rects.forEach((rect) => s.borders.push({ rect, edge: 'all', style: String(v) })) },
            Weight: { set: () => undefined },
          }),
      },
      HorizontalAlignment: {
        set: (v) => each((r, c) => s.setStyle(r, c, { horizontalAlignment: String(v) })),
      },
      WrapText: { set: (v) => each((r, c) => s.setStyle(r, c, { wrapText: Boolean(v) })) },
      ColumnWidth: {
        set: (v) =>
          rects.forEach((rect) => {
            for (let j = 0; j < rect.cols; j++) s.columnWidths.set(rect.c0 + j, Number(v));
          }),
      },
      RowHeight: {
        set: (v) =>
          rects.forEach((rect) => {
            for (let i = 0; i < rect.rows; i++) s.rowHeights.set(rect.r0 + i, Number(v));
          }),
      },
      MergeCells: {
        get: () => uniform(rects, (r, c) => s.merges.some((m) => inside(m, r, c))),
      },
      MergeArea: {
        get: () => {
          const m = s.merges.find((x) => inside(x, first.r0, first.c0));
          return this.range(s, [m ?? { r0: first.r0, c0: first.c0, rows: 1, cols: 1 }]);
        },
      },
      Merge: () => {
        rects.forEach((rect) => s.merges.push(rect));
      },
      AddComment: (text: never) => {
        single();
        if (first.rows * first.cols !== 1) throw new DoubleError('InvalidOperation', 'AddComment needs one cell');
        const address = a1Of({ r0: first.r0, c0: first.c0, rows: 1, cols: 1 });
        if (s.notes.has(address)) throw new DoubleError('InvalidOperation', `${address} already has a note`);
        s.notes.set(address, String(text ?? ''));
        this.noteOrder.delete(s);
        return this.comment(s, address);
      },
      Comment: {
        get: () => {
          const address = a1Of({ r0: first.r0, c0: first.c0, rows: 1, cols: 1 });
          return s.notes.has(address) ? this.comment(s, address) : null;
        },
      },
      Select: () => {
        this.book.selection = { sheet: s, rect: first };
      },
    });
    function each(fn: (r: number, c: number) => void) {
      for (const [r, c] of cellsOf(rects)) fn(r, c);
    }
    Object.defineProperty(range, '__cells', { value: { sheet: s, rects } });
    return range;
  }
}

const inside = (m: Rect, r: number, c: number) => r >= m.r0 && r < m.r0 + m.rows && c >= m.c0 && c < m.c0 + m.cols;

export type { Scalar };
