/**
 * Writing a generated sheet (调整花名册, 抽查名单 …) through ET, from the same matrices as the
 * Office host (sheetMatrices): number formats first, column by column in runs ('@' before text,
 * so "=…", "0123" and 18-digit IDs stay text), then all values in one Value2 write, then the look
 * (宋体, bold title and header, borders, widths, row heights) and the page setup: A4, one page
 * wide, the layout's page breaks and, where it asks, the header row as print titles.
 */
import { a1 } from '../../domain/grid';
import { layoutOf, type GeneratedSheet } from '../output/generated';
import { bodyHeightRuns, SHEET_FONT, sheetMatrices, tableRuns } from '../office/office-sheet';
import { freeSheetName } from '../output/sheet-name';
import { XL_HALIGN, XL_LINE, XL_PAGE, XL_SHEET, type EtApplication, type EtWorkbook, type EtWorksheet } from './et';
import { activeWorkbook, readMatrix, usedArea } from './wps-read';
import { deleteSheet, findSheet, sheetNames } from './wps-marks';
import {
  GENERATED_RECORD_SHEET,
  generatedRecordRows,
  readGeneratedRecord,
  sheetToReplace,
} from '../output/generated-record';

const HEADER_FILL = 0xe6e6e7; // BGR of #E7E6E6, as the Office host's header
const INCH = 72;
const ALIGN = { Left: XL_HALIGN.left, Center: XL_HALIGN.center, Right: XL_HALIGN.right } as const;

const area = (top: number, left: number, bottom: number, right: number) =>
  `${a1(top - 1, left - 1)}:${a1(bottom - 1, right - 1)}`;

export function addSheetEt(app: EtApplication, sheet: GeneratedSheet): string {
  const wb = activeWorkbook(app);
  const rec = findSheet(wb, GENERATED_RECORD_SHEET);
  const u = rec && usedArea(rec);
  const record = readGeneratedRecord(rec && u ? readMatrix(rec, u) : []);
  const existing = sheetNames(wb).filter((n) => n !== GENERATED_RECORD_SHEET);
  const earlier = sheetToReplace(record, sheet.kind, existing);
  const sheets = wb.Worksheets;
  // Added before the earlier one is deleted: a workbook must keep a visible sheet.
  const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
  if (earlier) deleteSheet(app, sheets.Item(earlier));
  const name = earlier ?? freeSheetName(sheet.name, existing);
  ws.Name = name;
  if (sheet.kind) {
    record.set(sheet.kind, name);
    writeGeneratedRecord(app, wb, rec, generatedRecordRows(record));
    ws.Activate();
  }
  writeSheet(ws, sheet);
  freezeHeader(app, layoutOf(sheet).headerRow);
  return name;
}

function writeSheet(ws: EtWorksheet, sheet: GeneratedSheet): void {
  const { values, formats, align, layout } = sheetMatrices(sheet);
  const width = layout.widths.length;
  const height = values.length;

  for (let j = 0; j < width; j++) {
    runs(
      height,
      (r) => formats[r][j],
      (from, to, fmt) => {
        if (fmt !== 'General') ws.Range(area(from + 1, j + 1, to + 1, j + 1)).NumberFormat = fmt;
      },
    );
  }
  const all = ws.Range(area(1, 1, height, width));
  all.Value2 = values;
  all.Font.Name = SHEET_FONT;

  const row = (r: number) => ws.Range(area(r, 1, r, width));
  for (const laid of layout.rows) {
    if (laid.kind === 'body') continue;
    const range = row(laid.row);
    if (laid.merged) range.Merge();
    // WPS, like Excel, does not grow merged rows for wrapped text: the shared estimate.
    range.RowHeight = laid.height;
    if (laid.kind === 'title') {
      range.Font.Bold = true;
      range.Font.Size = 16;
      range.HorizontalAlignment = XL_HALIGN.center;
    } else if (laid.kind === 'header') {
      range.Font.Bold = true;
      range.HorizontalAlignment = XL_HALIGN.center;
      range.WrapText = true;
      range.Interior.Color = HEADER_FILL;
    } else if (laid.kind === 'totals') range.Font.Bold = true;
    else range.WrapText = true; // subtitle and footer lines
  }

  for (const run of bodyHeightRuns(layout)) ws.Range(area(run.first, 1, run.last, 1)).RowHeight = run.height;

  for (const run of tableRuns(layout)) {
    const table = ws.Range(area(run.first, 1, run.last, width));
    table.Borders.LineStyle = XL_LINE.continuous;
    table.Borders.Weight = XL_LINE.thin;
    if (run.last > run.first) table.WrapText = true;
    // Alignment per column, one call per run of rows that share it.
    for (let j = 0; j < width; j++) {
      const first = run.first; // 0-based index of the first body row
      runs(
        run.last - first,
        (i) => align[first + i][j],
        (from, to, a) => {
          ws.Range(area(first + from + 1, j + 1, first + to + 1, j + 1)).HorizontalAlignment = ALIGN[a];
        },
      );
    }
  }
  layout.widths.forEach((w, j) => {
    ws.Range(a1(0, j)).ColumnWidth = w;
  });
  // Each further form (a village of the 公示名单) starts its own printed page.
  for (const r of layout.page.breaksBefore) ws.HPageBreaks.Add(ws.Range(a1(r - 1, 0)));

  const { page } = layout;
  const setup = ws.PageSetup;
  setup.Orientation = page.landscape ? XL_PAGE.landscape : XL_PAGE.portrait;
  setup.PaperSize = XL_PAGE.paperA4;
  // One page wide, as many pages tall as needed.
  setup.Zoom = false;
  setup.FitToPagesWide = 1;
  setup.FitToPagesTall = false;
  if (page.printTitleRow) setup.PrintTitleRows = `$${page.printTitleRow}:$${page.printTitleRow}`;
  setup.CenterHorizontally = true;
  setup.LeftMargin = page.margins.left * INCH;
  setup.RightMargin = page.margins.right * INCH;
  setup.TopMargin = page.margins.top * INCH;
  setup.BottomMargin = page.margins.bottom * INCH;
  setup.CenterFooter = page.footer.replace(/^&C/, '');
}

/** Written over in place, as the Office host does (Excel cannot delete a very hidden sheet). */
function writeGeneratedRecord(
  app: EtApplication,
  wb: EtWorkbook,
  rec: EtWorksheet | undefined,
  rows: string[][],
): void {
  const sheets = wb.Worksheets;
  const target = rec ?? sheets.Add(undefined, sheets.Item(sheets.Count));
  if (!rec) target.Name = GENERATED_RECORD_SHEET;
  const range = target.Range(`A1:${a1(rows.length - 1, 1)}`);
  range.NumberFormat = '@';
  range.Value2 = rows;
  if (!rec) target.Visible = XL_SHEET.veryHidden;
}

/** Call `each` once per run of equal values among 0…n-1. */
function runs<T>(n: number, at: (i: number) => T, each: (from: number, to: number, v: T) => void): void {
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && at(i) === at(start)) continue;
    if (n > 0) each(start, i - 1, at(start));
    start = i;
  }
}

/** The new sheet is the active one: freeze the rows down to the header. Optional nicety. */
function freezeHeader(app: EtApplication, headerRow: number): void {
  const win = app.ActiveWindow;
  if (!win) return;
  win.FreezePanes = false;
  win.SplitColumn = 0;
  win.SplitRow = headerRow;
  win.FreezePanes = true;
}
