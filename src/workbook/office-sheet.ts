/**
 * Writing a generated sheet (调整花名册, 抽查名单, 核查汇总 …) through Office.js. The content comes
 * from the shared GeneratedSheet model, layoutOf() and freeSheetName(), and the look follows the
 * file host's writer (file-sheet.ts): 宋体, grey bordered header, 合计 in bold, A4 fit to one page
 * wide with the header row repeated and page numbers in the footer. Two syncs for a normal sheet:
 * the free name, then everything.
 *
 * Text stays text: every string cell (and every cell of an ID column) gets number format '@'
 * before its value is written. Excel would otherwise turn "=…", "+…", "-…", "@…" into formulas,
 * "0123" or an 18-digit ID into a number (keeping 15 digits), and "2018-01-15" into a date.
 */
import { layoutOf, type GeneratedSheet, type GeneratedValue } from './generated';
import { SyncBudget, wireBytes } from './office-budget';
import { freeSheetName } from './sheet-name';
import { GENERATED_RECORD_SHEET, generatedRecordRows, readGeneratedRecord, sheetToReplace } from './generated-record';

export const SHEET_FONT = '宋体';
const HEADER_FILL = '#E7E6E6';
/** Points per inch: the margins are the file host's, given in inches there. */
const INCH = 72;

type Written = string | number;
type Align = 'Left' | 'Center' | 'Right';

/** Column width in characters → points (Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The whole sheet as matrices: values to write, the number format each cell needs first, alignment. */
export function sheetMatrices(sheet: GeneratedSheet): { values: Written[][]; formats: string[][]; align: Align[][] } {
  const layout = layoutOf(sheet);
  const width = sheet.columns.length;
  const height = layout.footerRows.at(-1) ?? layout.totalsRow ?? layout.firstBodyRow + sheet.body.length - 1;
  const grid = <T>(v: T) => Array.from({ length: height }, () => Array<T>(width).fill(v));
  const values = grid<Written>('');
  const formats = grid('General');
  const align = grid<Align>('Left');
  const put = (row: number, col: number, v: GeneratedValue, asText = false, numFmt?: string) => {
    if (v === null || v === '') {
      if (asText) formats[row - 1][col] = '@';
      return;
    }
    if (typeof v === 'number' && !asText) {
      values[row - 1][col] = v;
      if (numFmt) formats[row - 1][col] = numFmt;
      return;
    }
    values[row - 1][col] = String(v);
    formats[row - 1][col] = '@';
  };
  put(layout.titleRow, 0, sheet.title);
  sheet.subtitle.forEach((s, i) => put(layout.subtitleRows[i], 0, s));
  sheet.columns.forEach((c, j) => put(layout.headerRow, j, c.header));
  const tableRow = (row: GeneratedValue[], at: number) =>
    sheet.columns.forEach((c, j) => {
      const v = row[j] ?? null;
      put(at, j, v, c.asText, c.numFmt);
      align[at - 1][j] = typeof v === 'number' ? 'Right' : c.width <= 12 ? 'Center' : 'Left';
    });
  sheet.body.forEach((row, i) => tableRow(row, layout.firstBodyRow + i));
  if (sheet.totals && layout.totalsRow) tableRow(sheet.totals, layout.totalsRow);
  sheet.footer.forEach((s, i) => put(layout.footerRows[i], 0, s));
  return { values, formats, align };
}

export async function addSheetIn(ctx: Excel.RequestContext, sheet: GeneratedSheet): Promise<string> {
  const worksheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const recorded = worksheets.items.some((w) => w.name === GENERATED_RECORD_SHEET);
  let recordRange: Excel.Range | undefined;
  if (recorded) {
    // Only after an earlier generation: one more sync to read which sheets were ours.
    recordRange = ctx.workbook.worksheets.getItem(GENERATED_RECORD_SHEET).getUsedRange(true).load('values');
    await ctx.sync();
  }
  const record = readGeneratedRecord(recordRange?.values ?? []);
  const existing = worksheets.items.map((w) => w.name).filter((n) => n !== GENERATED_RECORD_SHEET);
  const earlier = sheetToReplace(record, sheet.kind, existing);
  if (earlier) ctx.workbook.worksheets.getItem(earlier).delete();
  const name = earlier ?? freeSheetName(sheet.name, existing);
  if (sheet.kind) {
    record.set(sheet.kind, name);
    // Written over in place (Excel cannot delete a very hidden sheet); the record only grows.
    const rows = generatedRecordRows(record);
    const rec = recorded
      ? ctx.workbook.worksheets.getItem(GENERATED_RECORD_SHEET)
      : ctx.workbook.worksheets.add(GENERATED_RECORD_SHEET);
    const values = rec.getRangeByIndexes(0, 0, rows.length, 2);
    values.numberFormat = rows.map(() => ['@', '@']);
    values.values = rows;
    if (!recorded) rec.visibility = 'VeryHidden';
  }
  const ws = ctx.workbook.worksheets.add(name);
  const layout = layoutOf(sheet);
  const width = sheet.columns.length;
  const { values, formats, align } = sheetMatrices(sheet);
  const budget = new SyncBudget(ctx);

  for (let i = 0; i < values.length;) {
    // getRangeByIndexes, format, font; the range, number formats, values, font name, alignment.
    let bytes = wireBytes(3, 5);
    let n = 0;
    while (i + n < values.length && bytes < 1_500_000) bytes += wireBytes(0, 0, values[i + n], formats[i + n++]);
    await budget.take(bytes);
    const range = ws.getRangeByIndexes(i, 0, n, width);
    range.numberFormat = formats.slice(i, i + n);
    range.values = values.slice(i, i + n);
    range.format.font.name = SHEET_FONT;
    range.format.verticalAlignment = 'Center';
    i += n;
  }

  const row = (r: number) => ws.getRangeByIndexes(r - 1, 0, 1, width);
  await budget.take(20_000);
  for (const r of [layout.titleRow, ...layout.subtitleRows, ...layout.footerRows]) {
    if (width > 1) row(r).merge(false);
  }
  const title = row(layout.titleRow).format;
  title.font.bold = true;
  title.font.size = 16;
  title.horizontalAlignment = 'Center';
  title.rowHeight = 36;
  const header = row(layout.headerRow).format;
  header.font.bold = true;
  header.horizontalAlignment = 'Center';
  header.wrapText = true;
  header.fill.color = HEADER_FILL;
  if (layout.totalsRow) row(layout.totalsRow).format.font.bold = true;

  const lastTableRow = layout.totalsRow ?? layout.firstBodyRow + sheet.body.length - 1;
  const tableRows = lastTableRow - layout.headerRow + 1;
  const table = ws.getRangeByIndexes(layout.headerRow - 1, 0, tableRows, width).format;
  const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = [
    'EdgeTop',
    'EdgeBottom',
    'EdgeLeft',
    'EdgeRight',
  ];
  if (tableRows > 1) edges.push('InsideHorizontal');
  if (width > 1) edges.push('InsideVertical');
  for (const edge of edges) {
    const border = table.borders.getItem(edge);
    border.style = 'Continuous';
    border.color = '#000000';
  }
  if (tableRows > 1) table.wrapText = true;

  // Alignment per column, one operation per run of rows that share it (not one per cell).
  for (let j = 0; j < width; j++) {
    let start = layout.firstBodyRow;
    for (let r = layout.firstBodyRow; r <= lastTableRow + 1; r++) {
      if (r <= lastTableRow && align[r - 1][j] === align[start - 1][j]) continue;
      if (r > start) {
        await budget.take(wireBytes(2, 2, align[start - 1][j]));
        ws.getRangeByIndexes(start - 1, j, r - start, 1).format.horizontalAlignment = align[start - 1][j];
      }
      start = r;
    }
  }
  sheet.columns.forEach((c, j) => {
    ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = charsToPoints(c.width);
  });
  ws.freezePanes.freezeRows(layout.headerRow);

  const page = ws.pageLayout;
  page.orientation = sheet.landscape ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  // One page wide, as many pages tall as needed; the header row repeats on every page.
  // verticalFitToPages 0 ("as many as needed") is what Excel's dialog writes but is not in the
  // reference; scale null is ("null if fit to page tall or wide is specified"). See ADDIN.md probes.
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null as unknown as number };
  page.setPrintTitleRows(`$${layout.headerRow}:$${layout.headerRow}`);
  page.centerHorizontally = true;
  page.leftMargin = 0.4 * INCH;
  page.rightMargin = 0.4 * INCH;
  page.topMargin = 0.6 * INCH;
  page.bottomMargin = 0.6 * INCH;
  page.headersFooters.defaultForAllPages.centerFooter = '第 &P 页，共 &N 页';
  await ctx.sync();
  return name;
}
