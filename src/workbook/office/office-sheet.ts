/**
 * Writing a generated sheet (调整花名册, 抽查名单, 核查汇总 …) through Office.js. The content comes
 * from the shared GeneratedSheet model, layoutOf() and freeSheetName(), and the look follows the
 * file host's writer (file-sheet.ts): 宋体, grey bordered header, 合计 in bold, row heights, A4
 * fit to one page wide with the layout's page breaks (and the header row repeated as print titles
 * where the layout asks) and page numbers in the footer. Two syncs for a normal sheet:
 * the free name, then everything.
 *
 * Text stays text: every string cell (and every cell of an ID column) gets number format '@'
 * before its value is written. Excel would otherwise turn "=…", "+…", "-…", "@…" into formulas,
 * "0123" or an 18-digit ID into a number (keeping 15 digits), and "2018-01-15" into a date.
 */
import type { GeneratedSheet } from '../output/generated';
import { HEADER_FILL_ARGB, lastRowOf, SHEET_FONT, sheetLayout, type SheetLayout } from '../output/sheet-layout';
import { SyncBudget, wireBytes } from './office-budget';
import { freeSheetName } from '../output/sheet-name';
import {
  GENERATED_RECORD_SHEET,
  generatedRecordRows,
  readGeneratedRecord,
  sheetToReplace,
} from '../output/generated-record';

export { SHEET_FONT };
const HEADER_FILL = `#${HEADER_FILL_ARGB.slice(2)}`;
/** Points per inch: the margins are the file host's, given in inches there. */
const INCH = 72;

type Written = string | number;
type Align = 'Left' | 'Center' | 'Right';

/** Column width in characters → points (Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The whole sheet (sheet-layout.ts) as matrices: values to write, the number format each cell
 * needs first ('@' for every string), alignment. Row r − 1 holds Excel row r.
 */
export function sheetMatrices(sheet: GeneratedSheet): {
  values: Written[][];
  formats: string[][];
  align: Align[][];
  layout: SheetLayout;
} {
  const layout = sheetLayout(sheet);
  const width = layout.widths.length;
  const grid = <T>(v: T) => Array.from({ length: lastRowOf(layout) }, () => Array<T>(width).fill(v));
  const values = grid<Written>('');
  const formats = grid('General');
  const align = grid<Align>('Left');
  for (const laid of layout.rows) {
    for (const c of laid.cells) {
      const [r, j] = [laid.row - 1, c.col - 1];
      if (c.look.numFmt) formats[r][j] = c.look.numFmt;
      if (c.value !== null && c.value !== '') values[r][j] = c.value;
      align[r][j] = ALIGN_OF[c.look.horizontal];
    }
  }
  return { values, formats, align, layout };
}

const ALIGN_OF = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** Runs of consecutive rows of the table (header, body, 合计), one per form. */
export function tableRuns(layout: SheetLayout): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const laid of layout.rows) {
    if (laid.kind !== 'header' && laid.kind !== 'body' && laid.kind !== 'totals') continue;
    const run = runs.at(-1);
    if (laid.kind !== 'header' && run && run.last === laid.row - 1) run.last = laid.row;
    else runs.push({ first: laid.row, last: laid.row });
  }
  return runs;
}

/**
 * Runs of consecutive body rows of one height. The body gets the layout's heights too (not
 * Excel's autofit), so a printed page holds the rows the layout counted before each break and
 * the page is as full as the file writers' page; one operation per run, not per row.
 */
export function bodyHeightRuns(layout: SheetLayout): { first: number; last: number; height: number }[] {
  const runs: { first: number; last: number; height: number }[] = [];
  for (const laid of layout.rows) {
    if (laid.kind !== 'body') continue;
    const run = runs.at(-1);
    if (run && run.last === laid.row - 1 && run.height === laid.height) run.last = laid.row;
    else runs.push({ first: laid.row, last: laid.row, height: laid.height });
  }
  return runs;
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
  const { values, formats, align, layout } = sheetMatrices(sheet);
  const width = layout.widths.length;
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
  for (const laid of layout.rows) {
    if (laid.kind === 'body') continue;
    await budget.take(wireBytes(4, 6));
    const format = row(laid.row).format;
    if (laid.merged) row(laid.row).merge(false);
    // Excel does not grow merged rows for wrapped text: the shared estimate of the height.
    format.rowHeight = laid.height;
    if (laid.kind === 'title') {
      format.font.bold = true;
      format.font.size = 16;
      format.horizontalAlignment = 'Center';
    } else if (laid.kind === 'header') {
      format.font.bold = true;
      format.horizontalAlignment = 'Center';
      format.wrapText = true;
      format.fill.color = HEADER_FILL;
    } else if (laid.kind === 'totals') format.font.bold = true;
    else format.wrapText = true; // subtitle and footer lines
  }

  for (const run of bodyHeightRuns(layout)) {
    await budget.take(wireBytes(3, 1));
    ws.getRangeByIndexes(run.first - 1, 0, run.last - run.first + 1, 1).format.rowHeight = run.height;
  }

  for (const run of tableRuns(layout)) {
    await budget.take(wireBytes(8, 16));
    const rows = run.last - run.first + 1;
    const table = ws.getRangeByIndexes(run.first - 1, 0, rows, width).format;
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
    ];
    if (rows > 1) edges.push('InsideHorizontal');
    if (width > 1) edges.push('InsideVertical');
    for (const edge of edges) {
      const border = table.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = '#000000';
    }
    if (rows > 1) table.wrapText = true;

    // Alignment per column, one operation per run of rows that share it (not one per cell).
    for (let j = 0; j < width; j++) {
      let start = run.first + 1;
      for (let r = start; r <= run.last + 1; r++) {
        if (r <= run.last && align[r - 1][j] === align[start - 1][j]) continue;
        if (r > start) {
          await budget.take(wireBytes(2, 2, align[start - 1][j]));
          ws.getRangeByIndexes(start - 1, j, r - start, 1).format.horizontalAlignment = align[start - 1][j];
        }
        start = r;
      }
    }
  }
  layout.widths.forEach((w, j) => {
    ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = charsToPoints(w);
  });
  const { page } = layout;
  ws.freezePanes.freezeRows(page.frozenRows);
  // Each further form (a village of the 公示名单) starts its own printed page.
  for (const r of page.breaksBefore) ws.horizontalPageBreaks.add(`A${r}`);

  const setup = ws.pageLayout;
  setup.orientation = page.landscape ? 'Landscape' : 'Portrait';
  setup.paperSize = 'A4';
  // One page wide, as many pages tall as needed; the header row repeats on every page.
  // verticalFitToPages 0 ("as many as needed") is what Excel's dialog writes but is not in the
  // reference; scale null is ("null if fit to page tall or wide is specified"). See ADDIN.md probes.
  setup.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null as unknown as number };
  if (page.printTitleRow) setup.setPrintTitleRows(`$${page.printTitleRow}:$${page.printTitleRow}`);
  setup.centerHorizontally = true;
  setup.leftMargin = page.margins.left * INCH;
  setup.rightMargin = page.margins.right * INCH;
  setup.topMargin = page.margins.top * INCH;
  setup.bottomMargin = page.margins.bottom * INCH;
  setup.headersFooters.defaultForAllPages.centerFooter = page.footer.replace(/^&C/, '');
  await ctx.sync();
  return name;
}
