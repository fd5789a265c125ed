/**
 * How a generated sheet prints, described once for every writer: each row with its cells, the
 * look of each cell (font size, bold, fill, border, alignment, number format), its height, which
 * rows are merged across the table, where a new page starts (and, for a form posted on its own,
 * the title and header repeated at the top of each of its pages), the print titles and the page
 * setup. The ExcelJS writer (file-sheet.ts) and the package patcher (xlsx/patch-generated.ts)
 * render exactly this; the Office and WPS hosts take their values, formats, alignment and page
 * breaks from it (office-sheet.ts sheetMatrices). docs/generated-sheets.md explains the choices.
 */
import {
  sectionsOf,
  type GeneratedColumn,
  type GeneratedSection,
  type GeneratedSheet,
  type GeneratedValue,
} from './generated';

/** 宋体 is what Chinese government forms use; Excel and WPS have it, LibreOffice substitutes. */
export const SHEET_FONT = '宋体';
/** The header row's light grey (ARGB). */
export const HEADER_FILL_ARGB = 'FFE7E6E6';

export type Horizontal = 'left' | 'center' | 'right';
export type RowKind = 'title' | 'subtitle' | 'header' | 'body' | 'totals' | 'footer';

export interface CellLook {
  size: number;
  bold: boolean;
  /** Grey fill and thin black borders: a cell of the table (header, body, 合计). */
  table: boolean;
  header: boolean;
  horizontal: Horizontal;
  indent: number;
  wrap: boolean;
  /** '@' for text, '0.00_ ' for money …; undefined = General. */
  numFmt?: string;
}

export interface LaidCell {
  /** 1-based column. */
  col: number;
  /** What is written: text always as a string value, never a formula. */
  value: string | number | null;
  look: CellLook;
}

export interface LaidRow {
  /** 1-based Excel row. */
  row: number;
  kind: RowKind;
  /** Points. */
  height: number;
  /** One cell merged across every column (title, subtitle and footer lines). */
  merged: boolean;
  cells: LaidCell[];
}

export interface PageLayout {
  landscape: boolean;
  /** Rows that start a new printed page (a manual break above each): a form's or a continued form's title. */
  breaksBefore: number[];
  /** The header row repeated on every page, when the sheet is one form not laid out page by page. */
  printTitleRow?: number;
  /** Rows frozen at the top of the window (down to the first header row). */
  frozenRows: number;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Excel's header/footer codes. */
  footer: string;
}

export interface SheetLayout {
  /** Column widths in characters. */
  widths: number[];
  rows: LaidRow[];
  page: PageLayout;
}

/** Lines, titles and headers are text ('@'): "=…" typed as a county or township never becomes a formula. */
const LINE: CellLook = {
  size: 11,
  bold: false,
  table: false,
  header: false,
  horizontal: 'left',
  indent: 0,
  wrap: true,
  numFmt: '@',
};
const TITLE: CellLook = { ...LINE, size: 16, bold: true, horizontal: 'center', wrap: false };
const HEADER: CellLook = { ...LINE, bold: true, table: true, header: true, horizontal: 'center' };

/** Columns wider than this hold sentences (调整原因, 抽查结果) rather than words. */
const WIDE_TEXT = 20;

/** Money to the right; counts, IDs and short words centred; long text (reasons) from the left. */
export function alignmentOf(col: GeneratedColumn, v: GeneratedValue): Horizontal {
  if (typeof v === 'number' && !col.asText) return col.numFmt && col.numFmt !== '0' ? 'right' : 'center';
  return col.asText || col.width <= WIDE_TEXT ? 'center' : 'left';
}

/**
 * Strings are always written as string values, so a name or reason starting with = + - @ (after
 * spaces, or full-width) stays text exactly as typed and is never evaluated.
 */
export function cellValue(col: GeneratedColumn, v: GeneratedValue): string | number | null {
  if (v === null) return null;
  if (col.asText) return typeof v === 'number' ? String(v) : v;
  return v;
}

/**
 * The few looks of a table's cells, made once and shared (a county's 公示名单 has a million cells):
 * a look is never changed after it is made, and the patcher knows it again by identity.
 */
const bodyLooks = new Map<string, CellLook>();

function bodyLook(col: GeneratedColumn, v: GeneratedValue, bold: boolean): CellLook {
  const horizontal = alignmentOf(col, v);
  const numFmt =
    col.asText || typeof v === 'string' ? '@' : col.numFmt && typeof v === 'number' ? col.numFmt : undefined;
  const key = `${bold ? 1 : 0}${horizontal}\u0000${numFmt ?? ''}`;
  let look = bodyLooks.get(key);
  if (!look) {
    look = { ...LINE, bold, table: true, horizontal, indent: horizontal === 'center' ? 0 : 1, numFmt };
    bodyLooks.set(key, look);
  }
  return look;
}

// Row heights. Neither Excel nor LibreOffice grows a row for wrapped text when opening a file,
// so the height is estimated here from the text and the column width.

export const LINE_HEIGHT = 14.5;

export function shownText(col: GeneratedColumn, v: GeneratedValue): string {
  if (v === null) return '';
  if (typeof v === 'number' && col.numFmt?.startsWith('0.00')) return v.toFixed(2);
  return String(v);
}

/**
 * East Asian wide characters (CJK, full-width forms) take about two width units; so do curly
 * quotes, dashes and symbols, which a CJK font draws full-width.
 */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2010 && c <= 0x205e) ||
    (c >= 0x2190 && c <= 0x2bff) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/** Width units of a text: a character outside the BMP (a surrogate pair) counts one. */
function unitsOf(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1100) n++;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n++;
      i++;
    } else n += isWide(c) ? 2 : 1;
  }
  return n;
}

export function linesOf(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(unitsOf(part) / usable)), 0);
}

export function rowHeight(texts: string[], columns: GeneratedColumn[], min: number): number {
  let lines = 1;
  texts.forEach((t, c) => {
    lines = Math.max(lines, linesOf(t, columns[c].width));
  });
  return Math.max(min, lines * LINE_HEIGHT + 3);
}

/** A4 in points (210 × 297 mm). */
const A4 = { short: 595.28, long: 841.89 };
const INCH = 72;
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 };
/** The empty row before a form's footer lines keeps the sheet's default height. */
export const BLANK_ROW_HEIGHT = 15;
/** A renderer may round each row up to a whole pixel (0.75 pt at 96 dpi). */
const ROW_ROUNDING = 0.75;
/** Kept free at the foot of each page, for what a printer driver or font adds. */
const PAGE_RESERVE = 12;
/** A column of n characters is at least n of Calibri 11's 7-pixel digits wide (padding comes on top). */
const POINTS_PER_CHAR = 7 * 0.75;
/** A form's 合计 and footer lines are printed with at least this many of its last rows (or all of them). */
export const KEPT_WITH_TOTALS = 3;
/** What the title of a form's second and later pages ends with. */
export const CONTINUED = '（续）';

/**
 * How tall a printed page's content may be, in the points the rows are given in: A4 less the top
 * and bottom margins, enlarged by the fit-to-width shrink when the table is wider than the page.
 * The table's width is taken at its least (no column padding), so the shrink is never assumed
 * larger than it is and a page never holds more than the estimate.
 */
export function pageContentHeight(widths: number[], landscape: boolean): number {
  const [across, down] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
  const printable = across - (MARGINS.left + MARGINS.right) * INCH;
  const table = widths.reduce((n, w) => n + w, 0) * POINTS_PER_CHAR;
  const scale = Math.min(1, printable / table);
  return (down - (MARGINS.top + MARGINS.bottom) * INCH - PAGE_RESERVE) / scale;
}

/** The room a row takes on the page. */
const taken = (height: number) => height + ROW_ROUNDING;

/**
 * The whole sheet as it prints. A form that is posted on its own (every village's 公示名单, and
 * any sheet of several forms) is laid out page by page: where its rows would run past the foot of
 * a page, a manual break and a repeated block — its title with （续） and its header row — open
 * the next page, and its 合计 and footer stay on one page with its last rows (KEPT_WITH_TOTALS). Excel's
 * print titles cannot do this: they are one range for the whole sheet. A sheet of one form that
 * is not posted on its own keeps its header row as print titles instead.
 */
export function sheetLayout(sheet: GeneratedSheet): SheetLayout {
  const columns = sheet.columns;
  const widths = columns.map((c) => c.width);
  const tableWidth = widths.reduce((n, w) => n + w, 0);
  const sections = sectionsOf(sheet);
  const paged = sheet.titleOnEveryPage === true || sections.length > 1;
  const room = pageContentHeight(widths, sheet.landscape);
  const rows: LaidRow[] = [];
  const breaksBefore: number[] = [];
  let next = 1;
  /** Room used on the current page. */
  let used = 0;
  const put = (laid: Omit<LaidRow, 'row'>) => {
    rows.push({ kind: laid.kind, height: laid.height, merged: laid.merged, cells: laid.cells, row: next++ });
    used += taken(laid.height);
  };
  const line = (kind: RowKind, text: string, look: CellLook, height: number) =>
    put({ kind, height, merged: columns.length > 1, cells: [{ col: 1, value: text, look }] });
  const textHeight = (text: string) => Math.max(24, linesOf(text, tableWidth) * LINE_HEIGHT + 6);
  const tableRow = (kind: 'body' | 'totals', values: GeneratedValue[]): Omit<LaidRow, 'row'> => ({
    kind,
    merged: false,
    // Room to write by hand in the blank columns.
    height: rowHeight(
      columns.map((col, c) => shownText(col, values[c] ?? null)),
      columns,
      22,
    ),
    cells: columns.map((col, c) => {
      const v = values[c] ?? null;
      return { col: c + 1, value: cellValue(col, v), look: bodyLook(col, v, kind === 'totals') };
    }),
  });
  const header: Omit<LaidRow, 'row'> = {
    kind: 'header',
    merged: false,
    height: rowHeight(
      columns.map((c) => c.header),
      columns,
      24,
    ),
    cells: columns.map((c, j) => ({ col: j + 1, value: c.header, look: HEADER })),
  };
  let headerRow = 0;
  /** A page of a form: a break above it (unless it is the sheet's first), title, header. */
  const openPage = (section: GeneratedSection, continued: boolean) => {
    if (next > 1) breaksBefore.push(next);
    used = 0;
    line('title', continued ? `${section.title}${CONTINUED}` : section.title, TITLE, 36);
    if (!continued) section.subtitle.forEach((text) => line('subtitle', text, LINE, textHeight(text)));
    headerRow ||= next;
    put(header);
  };

  for (const section of sections) {
    openPage(section, false);
    const totals = section.totals ? tableRow('totals', section.totals) : undefined;
    const footer = section.footer.map((text) => ({ text, height: textHeight(text) }));
    const tail =
      (totals ? taken(totals.height) : 0) +
      (footer.length ? taken(BLANK_ROW_HEIGHT) + footer.reduce((n, f) => n + taken(f.height), 0) : 0);
    const body = section.body.map((values) => tableRow('body', values));
    // From each of the last rows on, the rows after it, the 合计 and the footer go with it.
    const keep = body.map(() => 0);
    for (let j = body.length - 1, after = tail; j >= Math.max(0, body.length - KEPT_WITH_TOTALS); j--) {
      keep[j] = after;
      after += taken(body[j].height);
    }
    let onPage = 0;
    body.forEach((laid, j) => {
      if (paged && onPage > 0 && used + taken(laid.height) + keep[j] > room) {
        openPage(section, true);
        onPage = 0;
      }
      put(laid);
      onPage++;
    });
    if (totals) put(totals);
    if (footer.length) next++; // one empty row before the footer
    for (const f of footer) line('footer', f.text, LINE, f.height);
  }
  return {
    widths,
    rows,
    page: {
      landscape: sheet.landscape,
      breaksBefore,
      printTitleRow: paged ? undefined : headerRow,
      frozenRows: headerRow,
      margins: MARGINS,
      footer: '&C第 &P 页，共 &N 页',
    },
  };
}

/** The last row of the sheet. */
export function lastRowOf(layout: SheetLayout): number {
  return layout.rows.at(-1)?.row ?? 0;
}
