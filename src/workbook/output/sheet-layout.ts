/**
 * How a generated sheet prints, described once for every writer: each row with its cells, the
 * look of each cell (font size, bold, fill, border, alignment, number format), its height, which
 * rows are merged across the table, where a new page starts, the print titles and the page
 * setup. The ExcelJS writer (file-sheet.ts) and the package patcher (xlsx/patch-generated.ts)
 * render exactly this; the Office and WPS hosts take their values, formats, alignment and page
 * breaks from it (office-sheet.ts sheetMatrices). docs/generated-sheets.md explains the choices.
 */
import {
  sectionLayouts,
  sectionsOf,
  type GeneratedColumn,
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
  /** Rows that start a new printed page (a manual break above each). */
  breaksBefore: number[];
  /** The header row repeated on every page, when the sheet is one form. */
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

function bodyLook(col: GeneratedColumn, v: GeneratedValue, bold: boolean): CellLook {
  const horizontal = alignmentOf(col, v);
  const numFmt =
    col.asText || typeof v === 'string' ? '@' : col.numFmt && typeof v === 'number' ? col.numFmt : undefined;
  return { ...LINE, bold, table: true, horizontal, indent: horizontal === 'center' ? 0 : 1, numFmt };
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
const WIDE =
  /[\u1100-\u115f\u2010-\u205e\u2190-\u2bff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function unitsOf(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
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

/** The whole sheet as it prints. */
export function sheetLayout(sheet: GeneratedSheet): SheetLayout {
  const columns = sheet.columns;
  const tableWidth = columns.reduce((n, c) => n + c.width, 0);
  const rows: LaidRow[] = [];
  const line = (row: number, kind: RowKind, text: string, look: CellLook, height: number) =>
    rows.push({ row, kind, height, merged: columns.length > 1, cells: [{ col: 1, value: text, look }] });
  const textHeight = (text: string) => Math.max(24, linesOf(text, tableWidth) * LINE_HEIGHT + 6);
  const table = (row: number, kind: 'body' | 'totals', values: GeneratedValue[]) =>
    rows.push({
      row,
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

  const sections = sectionsOf(sheet);
  const at = sectionLayouts(sheet);
  sections.forEach((section, i) => {
    const L = at[i];
    line(L.titleRow, 'title', section.title, TITLE, 36);
    section.subtitle.forEach((text, j) => line(L.subtitleRows[j], 'subtitle', text, LINE, textHeight(text)));
    rows.push({
      row: L.headerRow,
      kind: 'header',
      merged: false,
      height: rowHeight(
        columns.map((c) => c.header),
        columns,
        24,
      ),
      cells: columns.map((c, j) => ({ col: j + 1, value: c.header, look: HEADER })),
    });
    section.body.forEach((values, j) => table(L.firstBodyRow + j, 'body', values));
    if (section.totals && L.totalsRow !== undefined) table(L.totalsRow, 'totals', section.totals);
    section.footer.forEach((text, j) => line(L.footerRows[j], 'footer', text, LINE, textHeight(text)));
  });
  const first = at[0];
  return {
    widths: columns.map((c) => c.width),
    rows,
    page: {
      landscape: sheet.landscape,
      breaksBefore: at.slice(1).map((L) => L.titleRow),
      // Excel repeats one range on every page: with several forms it would print the first
      // form's header above each later form's own title, so each form carries its own header.
      printTitleRow: at.length === 1 ? first.headerRow : undefined,
      frozenRows: first.headerRow,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 },
      footer: '&C第 &P 页，共 &N 页',
    },
  };
}

/** The last row of the sheet. */
export function lastRowOf(layout: SheetLayout): number {
  return layout.rows.at(-1)?.row ?? 0;
}
