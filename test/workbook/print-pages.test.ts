/**
 * A village longer than one printed page: the shared layout (sheet-layout.ts, which all four
 * writers render) cuts the 公示名单 into pages that each open with the village's title — （续）
 * after the first — and its header row, keeps the 合计 and footer with the village's last rows,
 * and fills every page as far as A4 allows. The 调整花名册, one form for the whole township, keeps
 * its header row as print titles.
 */
import { sectionsOf } from '../../src/workbook/output/generated';
import {
  BLANK_ROW_HEIGHT,
  CONTINUED,
  KEPT_WITH_TOTALS,
  pageContentHeight,
  sheetLayout,
  type LaidRow,
  type SheetLayout,
} from '../../src/workbook/output/sheet-layout';
import { adjustmentSheet, publicitySheet } from '../../src/workbook/output/sheets';
import { policy } from './result-fixture';
import { villagesResult } from './villages-fixture';

/** The printed pages: the rows from one manual break to the next. */
function pagesOf(layout: SheetLayout): LaidRow[][] {
  const starts = [1, ...layout.page.breaksBefore];
  return starts.map((from, i) => layout.rows.filter((r) => r.row >= from && r.row < (starts[i + 1] ?? Infinity)));
}

/** What a page's rows take, counted as the layout counts them (each row rounded up, the empty row before the footer). */
function heightOf(page: LaidRow[]): number {
  const blank = page.some((r) => r.kind === 'footer') ? BLANK_ROW_HEIGHT + 0.75 : 0;
  return page.reduce((n, r) => n + r.height + 0.75, blank);
}

const text = (r: LaidRow) => r.cells.map((c) => c.value ?? '');

describe('公示名单: a village of 60 households beside one of 3', () => {
  const sheet = publicitySheet(
    villagesResult([
      ['大坪村', 60],
      ['白云村', 3],
    ]),
    policy,
  );
  const [long, short] = sectionsOf(sheet);
  const layout = sheetLayout(sheet);
  const pages = pagesOf(layout);
  const room = pageContentHeight(layout.widths, false);
  const headers = sheet.columns.map((c) => c.header);

  test('every page opens with its village’s title and the header row; later pages of a village say 续', () => {
    const titles = pages.map((p) => text(p[0])[0]);
    const longPages = titles.filter((t) => String(t).startsWith(long.title)).length;
    expect(longPages).toBeGreaterThan(1);
    expect(titles).toEqual([
      long.title,
      ...Array<string>(longPages - 1).fill(`${long.title}${CONTINUED}`),
      short.title,
    ]);
    for (const p of pages) {
      expect(p[0].kind).toBe('title');
      // The posting period under the first title only; then the column headers.
      const header = p.find((r) => r.kind === 'header')!;
      expect(text(header)).toEqual(headers);
      expect(p.slice(1, p.indexOf(header)).every((r) => r.kind === 'subtitle')).toBe(true);
      expect(p.indexOf(header)).toBe(text(p[0])[0] === `${long.title}${CONTINUED}` ? 1 : 2);
    }
    // Excel's print titles are one range for the sheet: not used, the header is in the pages.
    expect(layout.page.printTitleRow).toBeUndefined();
  });

  test('each household printed once, numbered on across the pages; 合计 and footer end the village on its last page', () => {
    const village = pages.slice(0, -1);
    const numbers = village.flatMap((p) => p.filter((r) => r.kind === 'body').map((r) => text(r)[0]));
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const p of village.slice(0, -1)) expect(p.some((r) => r.kind === 'totals' || r.kind === 'footer')).toBe(false);
    const last = village.at(-1)!.map((r) => r.kind);
    expect(last.slice(last.indexOf('body'))).toEqual([
      ...last.filter((k) => k === 'body'),
      'totals',
      ...long.footer.map(() => 'footer'),
    ]);
    expect(text(village.at(-1)!.find((r) => r.kind === 'totals')!).slice(0, 2)).toEqual(['合计', '共60户']);
  });

  test('each page fits A4 portrait, and a page is only cut where the next rows would not fit', () => {
    expect(room).toBeGreaterThan(700); // A4 less 1 inch of margins, not shrunk: the table is narrower than the page
    for (const p of pages) expect(heightOf(p)).toBeLessThanOrEqual(room);
    const village = pages.slice(0, -1);
    for (const [i, p] of village.slice(0, -1).entries()) {
      // What opens the next page did not fit: its first row, or, on the village's last page, the
      // last rows that go with the 合计 and the footer.
      const next = village[i + 1];
      const moved = next.filter((r) => r.kind === 'body');
      const last = i + 1 === village.length - 1 && moved.length <= KEPT_WITH_TOTALS;
      const opening = last ? next.filter((r) => ['body', 'totals', 'footer'].includes(r.kind)) : [moved[0]];
      expect(heightOf(p) + heightOf(opening)).toBeGreaterThan(room);
    }
  });

  test('the 合计 and the footer are printed with the village’s last rows, not alone', () => {
    const end = pages.at(-2)!;
    expect(end.filter((r) => r.kind === 'body').length).toBeGreaterThanOrEqual(KEPT_WITH_TOTALS);
  });

  test('the 3-household village is one page of its own: break above its title, no 续', () => {
    const own = pages.at(-1)!;
    expect(layout.page.breaksBefore.at(-1)).toBe(own[0].row);
    expect(own.filter((r) => r.kind === 'title')).toHaveLength(1);
    expect(own.filter((r) => r.kind === 'body').map((r) => text(r)[2])).toEqual(short.body.map((b) => b[2]));
  });

  test('a single village is laid out the same way (its own title on every page), not with print titles', () => {
    const alone = sheetLayout(publicitySheet(villagesResult([['大坪村', 60]]), policy));
    expect(alone.page.printTitleRow).toBeUndefined();
    expect(pagesOf(alone).map((p) => text(p[0])[0])).toEqual(pages.slice(0, -1).map((p) => text(p[0])[0]));
  });
});

describe('调整花名册: one form for the township, its header row as print titles', () => {
  test('60 adjustments: no manual breaks, the header row repeats on every page', () => {
    const base = villagesResult([['大坪村', 60]]);
    const adjustments = base.households.map((h) => ({
      household: h.index,
      sheet: h.sheet,
      row: h.row,
      type: '减发' as const,
      village: h.village,
      headName: h.headName,
      idNumber: h.idNumber,
      before: { persons: h.coveredPersons ?? 0, amount: h.benefit ?? 0 },
      after: { persons: h.coveredPersons ?? 0, amount: (h.benefit ?? 0) - 10 },
      messageId: 'findings' as const,
      data: {},
      because: [],
      rules: [],
    }));
    const layout = sheetLayout(adjustmentSheet({ ...base, adjustments }, policy));
    expect(layout.page.breaksBefore).toEqual([]);
    const header = layout.rows.find((r) => r.kind === 'header')!;
    expect(layout.page.printTitleRow).toBe(header.row);
    expect(layout.rows.filter((r) => r.kind === 'title')).toHaveLength(1);
  });
});
