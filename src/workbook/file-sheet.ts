/**
 * Writes a GeneratedSheet (built by sheets.ts) into an ExcelJS workbook as a form a county bureau
 * accepts: title, 填报单位 line, bordered table, 合计 row, signature line; A4, fit to one page
 * wide, header row repeated on every printed page. docs/generated-sheets.md describes the layout;
 * the Office host follows the same description.
 */
import type ExcelJS from 'exceljs';
import { layoutOf, type GeneratedColumn, type GeneratedSheet, type GeneratedValue } from './generated';
import { freeSheetName } from './sheet-name';

/** 宋体 is what Chinese government forms use; Excel and WPS have it, LibreOffice substitutes. */
export const SHEET_FONT = '宋体';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const BODY_FONT: Partial<ExcelJS.Font> = { name: SHEET_FONT, size: 11 };
const BOLD_FONT: Partial<ExcelJS.Font> = { name: SHEET_FONT, size: 11, bold: true };

export function writeGeneratedSheet(wb: ExcelJS.Workbook, sheet: GeneratedSheet): string {
  const name = freeSheetName(
    sheet.name,
    wb.worksheets.map((ws) => ws.name),
  );
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
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: layout.headerRow, xSplit: 0 }],
  });
  const width = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));

  const title = mergedLine(ws, layout.titleRow, width, sheet.title);
  title.font = { name: SHEET_FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(layout.titleRow).height = 36;

  sheet.subtitle.forEach((line, i) => {
    const cell = mergedLine(ws, layout.subtitleRows[i], width, line);
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
    ws.getRow(layout.subtitleRows[i]).height = 22;
  });

  const header = ws.getRow(layout.headerRow);
  sheet.columns.forEach((col, c) => {
    const cell = header.getCell(c + 1);
    cell.value = col.header;
    cell.font = BOLD_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = headerHeight(sheet.columns);

  sheet.body.forEach((values, i) => writeTableRow(ws.getRow(layout.firstBodyRow + i), sheet.columns, values, false));
  if (sheet.totals && layout.totalsRow !== undefined) {
    writeTableRow(ws.getRow(layout.totalsRow), sheet.columns, sheet.totals, true);
  }

  sheet.footer.forEach((line, i) => {
    const cell = mergedLine(ws, layout.footerRows[i], width, line);
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
    ws.getRow(layout.footerRows[i]).height = 24;
  });
  return name;
}

/** One line of text across the whole table width. */
function mergedLine(ws: ExcelJS.Worksheet, row: number, width: number, text: string): ExcelJS.Cell {
  if (width > 1) ws.mergeCells(row, 1, row, width);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  return cell;
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
    cell.alignment = {
      horizontal: typeof v === 'number' ? 'right' : col.width <= 12 ? 'center' : 'left',
      vertical: 'middle',
      wrapText: true,
    };
  });
}

/**
 * Strings are always written as string values (ExcelJS stores them as shared strings), so a name
 * or reason starting with = + - @ stays text and is never evaluated.
 */
function cellValue(col: GeneratedColumn, v: GeneratedValue): string | number | null {
  if (v === null) return null;
  if (col.asText) return typeof v === 'number' ? String(v) : v;
  return v;
}

/** Tall enough for the longest header wrapped in its column (a CJK character is ~2 width units). */
function headerHeight(columns: GeneratedColumn[]): number {
  let lines = 1;
  for (const c of columns) {
    const units = [...c.header].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
    lines = Math.max(lines, Math.ceil(units / Math.max(1, c.width - 1)));
  }
  return Math.max(24, 15 * lines + 8);
}
