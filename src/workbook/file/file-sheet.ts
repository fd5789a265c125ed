/**
 * Writes a GeneratedSheet (built by sheets.ts) into an ExcelJS workbook: the layout of
 * sheet-layout.ts (title, 填报单位 line, bordered table, 合计 row, signature line; A4, one page
 * wide; a page per form), which the package patcher writes as XML. docs/generated-sheets.md.
 */
import type ExcelJS from 'exceljs';
import type { GeneratedSheet } from '../output/generated';
import { HEADER_FILL_ARGB, SHEET_FONT, sheetLayout, type SheetLayout } from '../output/sheet-layout';
import { freeSheetName } from '../output/sheet-name';
import {
  GENERATED_RECORD_SHEET,
  generatedRecordRows,
  readGeneratedRecord,
  sheetToReplace,
} from '../output/generated-record';

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
  writeLayout(wb.addWorksheet(name), sheetLayout(sheet));
  return name;
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_ARGB } };

/** The shared layout (sheet-layout.ts) through ExcelJS: the patcher writes the same as XML. */
function writeLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const { page } = layout;
  const n = layout.widths.length;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: page.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed; manual breaks are kept
    horizontalCentered: true,
    margins: page.margins,
    ...(page.printTitleRow ? { printTitlesRow: `${page.printTitleRow}:${page.printTitleRow}` } : {}),
  };
  ws.headerFooter = { oddFooter: page.footer };
  ws.views = [{ state: 'frozen', ySplit: page.frozenRows, xSplit: 0 }];
  ws.columns = layout.widths.map((width) => ({ width }));
  for (const laid of layout.rows) {
    const row = ws.getRow(laid.row);
    row.height = laid.height;
    if (laid.merged) ws.mergeCells(laid.row, 1, laid.row, n);
    for (const c of laid.cells) {
      const cell = row.getCell(c.col);
      cell.value = c.value;
      const look = c.look;
      cell.font = { name: SHEET_FONT, size: look.size, ...(look.bold ? { bold: true } : {}) };
      if (look.numFmt) cell.numFmt = look.numFmt;
      if (look.header) cell.fill = HEADER_FILL;
      if (look.table) cell.border = BORDER;
      cell.alignment = {
        horizontal: look.horizontal,
        vertical: 'middle',
        ...(look.wrap ? { wrapText: true } : {}),
        ...(look.indent ? { indent: look.indent } : {}),
      };
    }
  }
  for (const r of page.breaksBefore) ws.getRow(r - 1).addPageBreak();
}
