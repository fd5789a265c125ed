/**
 * Writes a GeneratedSheet (built by sheets.ts) into an ExcelJS workbook as a form a county bureau
 * accepts: title, 填报单位 line, bordered table, 合计 row, signature line; A4, fit to one page
 * wide, header row repeated on every printed page. docs/generated-sheets.md describes the layout;
 * the Office host follows the same description.
 */
import type ExcelJS from 'exceljs';
import { layoutOf, type GeneratedColumn, type GeneratedSheet, type GeneratedValue } from './generated';
import { freeSheetName } from './sheet-name';
import { GENERATED_RECORD_SHEET, generatedRecordRows, readGeneratedRecord, sheetToReplace } from './generated-record';

/** 宋体 is what Chinese government forms use; Excel and WPS have it, LibreOffice substitutes. */
export const SHEET_FONT = '宋体';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const BODY_FONT: Partial<ExcelJS.Font> = { name: SHEET_FONT, size: 11 };
const BOLD_FONT: Partial<ExcelJS.Font> = { name: SHEET_FONT, size: 11, bold: true };

export function writeGeneratedSheet(wb: ExcelJS.Workbook, sheet: GeneratedSheet): string {
  const recordSheet = wb.getWorksheet(GENERATED_RECORD_SHEET);
  const record = readGeneratedRecord(
    recordSheet ? [...recordSheet.getSheetValues()].map((row) => (Array.isArray(row) ? row.slice(1) : [])) : [],
  );
  const earlier = sheetToReplace(
    record,
    sheet.kind,
    wb.worksheets.map((ws) => ws.name),
  );
  if (earlier) wb.removeWorksheet(wb.getWorksheet(earlier)!.id);
  const name =
    earlier ??
    freeSheetName(
      sheet.name,
      wb.worksheets.map((ws) => ws.name),
    );
  if (sheet.kind) {
    record.set(sheet.kind, name);
    // Rewritten in place: the record keeps its position behind the first sheet it recorded.
    const rec = recordSheet ?? wb.addWorksheet(GENERATED_RECORD_SHEET, { state: 'veryHidden' });
    rec.spliceRows(1, rec.rowCount);
    for (const row of generatedRecordRows(record)) rec.addRow(row);
  }
  const layout = layoutOf(sheet);
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      printTitlesRow: `${layout.headerRow}:${layout.headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: layout.headerRow, xSplit: 0 }],
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const tableWidth = sheet.columns.reduce((n, c) => n + c.width, 0);

  const title = mergedLine(ws, layout.titleRow, sheet.columns.length, sheet.title);
  title.font = { name: SHEET_FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(layout.titleRow).height = 36;

  sheet.subtitle.forEach((line, i) => textLine(ws, layout.subtitleRows[i], sheet.columns.length, tableWidth, line));

  const header = ws.getRow(layout.headerRow);
  sheet.columns.forEach((col, c) => {
    const cell = header.getCell(c + 1);
    cell.value = col.header;
    cell.font = BOLD_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = rowHeight(
    sheet.columns.map((c) => c.header),
    sheet.columns,
    24,
  );

  sheet.body.forEach((values, i) => writeTableRow(ws.getRow(layout.firstBodyRow + i), sheet.columns, values, false));
  if (sheet.totals && layout.totalsRow !== undefined) {
    writeTableRow(ws.getRow(layout.totalsRow), sheet.columns, sheet.totals, true);
  }

  sheet.footer.forEach((line, i) => textLine(ws, layout.footerRows[i], sheet.columns.length, tableWidth, line));
  return name;
}

/** One line of text across the whole table width. */
function mergedLine(ws: ExcelJS.Worksheet, row: number, columns: number, text: string): ExcelJS.Cell {
  if (columns > 1) ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  return cell;
}

/** A subtitle or footer line: left-aligned, wrapped when longer than the table is wide. */
function textLine(ws: ExcelJS.Worksheet, row: number, columns: number, tableWidth: number, text: string): void {
  const cell = mergedLine(ws, row, columns, text);
  cell.font = BODY_FONT;
  cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = Math.max(24, linesOf(text, tableWidth) * LINE_HEIGHT + 6);
}

function writeTableRow(row: ExcelJS.Row, columns: GeneratedColumn[], values: GeneratedValue[], bold: boolean): void {
  columns.forEach((col, c) => {
    const cell = row.getCell(c + 1);
    const v = values[c] ?? null;
    cell.value = cellValue(col, v);
    if (col.asText) cell.numFmt = '@';
    else if (col.numFmt && typeof v === 'number') cell.numFmt = col.numFmt;
    cell.font = bold ? BOLD_FONT : BODY_FONT;
    cell.border = BORDER;
    const horizontal = alignmentOf(col, v);
    cell.alignment = { horizontal, vertical: 'middle', wrapText: true, indent: horizontal === 'center' ? 0 : 1 };
  });
  row.height = rowHeight(
    columns.map((col, c) => shownText(col, values[c] ?? null)),
    columns,
    22, // room to write by hand in the blank columns
  );
}

/** Money to the right; counts, IDs and short words centred; long text (reasons) from the left. */
export function alignmentOf(col: GeneratedColumn, v: GeneratedValue): 'left' | 'center' | 'right' {
  if (typeof v === 'number' && !col.asText) return col.numFmt && col.numFmt !== '0' ? 'right' : 'center';
  return col.asText || col.width <= WIDE_TEXT ? 'center' : 'left';
}

/** Columns wider than this hold sentences (调整原因, 抽查结果) rather than words. */
const WIDE_TEXT = 20;

/**
 * Strings are always written as string values (ExcelJS stores them as shared strings), so a name
 * or reason starting with = + - @ stays text and is never evaluated.
 */
export function cellValue(col: GeneratedColumn, v: GeneratedValue): string | number | null {
  if (v === null) return null;
  if (col.asText) return typeof v === 'number' ? String(v) : v;
  return v;
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
