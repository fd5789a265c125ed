/**
 * The 公示名单 of the sample township (six villages), written by every writer of generated sheets:
 * one form per village — its own title "…{村}农村低保对象公示名单", header row and 合计 — and a
 * manual page break above each later village's title, so each village prints on its own page.
 * ExcelJS (file host), the package patcher (command line), the Office double and the WPS double;
 * the patched copy printed by LibreOffice has each village's title at the top of its own page.
 * A village longer than a page continues on pages that open with its title (（续）) and header row,
 * the same in every writer; printed, every page starts with a village's title and the header.
 */
import { makeSampleWorkbook, SAMPLE_POLICY } from '../../examples/make-sample';
import { parsePolicy } from '../../src/domain/policy';
import type { CheckResult } from '../../src/domain/types';
import { addGeneratedSheet, buildSheet, runCheck } from '../../src/workbook/actions';
import { FileWorkbook } from '../../src/workbook/file/file';
import { sectionsOf } from '../../src/workbook/output/generated';
import { OfficeHost } from '../../src/workbook/office/office';
import { CONTINUED, sheetLayout, type SheetLayout } from '../../src/workbook/output/sheet-layout';
import { publicitySheet } from '../../src/workbook/output/sheets';
import { WpsHost } from '../../src/workbook/wps/wps';
import { nodeCodec } from '../../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../../src/workbook/xlsx/patch';
import { doubleFromXlsx } from '../support/double-xlsx';
import { WpsDouble } from '../support/wps-double';
import { etOf } from '../support/wps-under-test';
import { printedPages } from '../support/print-pdf';
import { policy as fixturePolicy } from './result-fixture';
import { villagesResult } from './villages-fixture';

const policy = parsePolicy(SAMPLE_POLICY);
let roster: Uint8Array;
let result: CheckResult;
/** The village forms as the shared layout places them: title row → title. */
let expected: { titleRows: number[]; titles: string[]; villages: string[] };

beforeAll(async () => {
  roster = new Uint8Array(await makeSampleWorkbook().workbook.xlsx.writeBuffer());
  result = (await runCheck(await FileWorkbook.load(roster), policy)).result;
  const sheet = buildSheet('publicity', result, policy);
  const layout = sheetLayout(sheet);
  const titleRows = layout.rows.filter((r) => r.kind === 'title').map((r) => r.row);
  expected = {
    titleRows,
    titles: sectionsOf(sheet).map((s) => s.title),
    villages: sectionsOf(sheet).map((s) => String(s.body[0]?.[1])),
  };
});

/** A sheet's XML in an .xlsx, found through workbook.xml and its relationships. */
async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const pkg = new XlsxPackage(bytes, nodeCodec);
  const text = (part: string) => pkg.text(pkg.part(part)!);
  const workbook = await text('xl/workbook.xml');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = await text('xl/_rels/workbook.xml.rels');
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
}

const breaksIn = (xml: string) => [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]) + 1);

describe('公示名单: each village on its own page with its own title', () => {
  test('the sample has several villages, each a form of its own', () => {
    expect(expected.titles.length).toBe(result.summary.villages.length);
    expect(expected.titles.length).toBeGreaterThan(2);
    expected.titles.forEach((t, i) =>
      expect(t).toBe(`城步苗族自治县儒林镇${expected.villages[i]}农村低保对象公示名单`),
    );
  });

  test('ExcelJS writer (file host): a row break above each later village, no print titles', async () => {
    const fw = await FileWorkbook.load(roster);
    await addGeneratedSheet(fw, 'publicity', result, policy);
    const bytes = await fw.toBuffer();
    const xml = await sheetXml(bytes, '公示名单');
    expect(breaksIn(xml)).toEqual(expected.titleRows.slice(1));
    const ws = (await FileWorkbook.load(bytes)).workbook.getWorksheet('公示名单')!;
    expect(expected.titleRows.map((r) => ws.getCell(r, 1).value)).toEqual(expected.titles);
  });

  test('package patcher (command line): the same breaks and titles', async () => {
    const { bytes: out } = await patchWorkbook(new XlsxPackage(roster, nodeCodec), {
      marks: [],
      sheets: [buildSheet('publicity', result, policy)],
    });
    const xml = await sheetXml(out, '公示名单');
    expect(breaksIn(xml)).toEqual(expected.titleRows.slice(1));
    for (const [i, r] of expected.titleRows.entries()) {
      expect(xml).toContain(`<row r="${r}"`);
      expect(xml).toContain(expected.titles[i]);
    }
    const workbook = await new XlsxPackage(out, nodeCodec).text(
      new XlsxPackage(out, nodeCodec).part('xl/workbook.xml')!,
    );
    expect(workbook).not.toMatch(/Print_Titles[^<]*公示名单/);
  });

  test('Office host: horizontalPageBreaks.add above each later village', async () => {
    const double = await doubleFromXlsx(roster);
    const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
    await addGeneratedSheet(host, 'publicity', result, policy);
    const s = double.book.live().find((x) => x.name === '公示名单')!;
    expect(s.page.breaksBefore).toEqual(expected.titleRows.slice(1));
    expect(s.page.printTitleRows).toBeUndefined();
    expect(expected.titleRows.map((r) => s.values[r - 1]?.[0])).toEqual(expected.titles);
  });

  test('WPS host: HPageBreaks.Add above each later village', async () => {
    const double = new WpsDouble((await doubleFromXlsx(roster)).book);
    const host = new WpsHost(etOf(double));
    await addGeneratedSheet(host, 'publicity', result, policy);
    const s = double.book.live().find((x) => x.name === '公示名单')!;
    expect(s.page.breaksBefore).toEqual(expected.titleRows.slice(1));
    expect(s.page.PrintTitleRows).toBeUndefined();
    expect(expected.titleRows.map((r) => s.values[r - 1]?.[0])).toEqual(expected.titles);
  });

  test('printed by LibreOffice, page after page starts with the next village’s title', async () => {
    // The patcher's sheet in a workbook of one small sheet of the clerk's, printed after it.
    const only = FileWorkbook.create();
    only.workbook.addWorksheet('说明').getCell('A1').value = '镇里的说明';
    const { bytes: out } = await patchWorkbook(new XlsxPackage(await only.toBuffer(), nodeCodec), {
      marks: [],
      sheets: [buildSheet('publicity', result, policy)],
    });
    const { pages, magic } = printedPages(out, 'publicity', { layout: true });
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    expect(pages.length).toBeGreaterThanOrEqual(expected.titles.length);
    // Each village's title opens a page, in order, and no page holds two villages' titles.
    const opening = pages.map((p) => expected.titles.findIndex((t) => squeeze(p).startsWith(squeeze(t))));
    expect(opening.filter((i) => i >= 0)).toEqual(expected.titles.map((_, i) => i));
    for (const p of pages)
      expect(expected.titles.filter((t) => squeeze(p).includes(squeeze(t))).length).toBeLessThanOrEqual(1);
    expect(magic).toBe('%PDF-');
  }, 300_000);
});

describe('公示名单: a village of 60 households continues on pages with its title and header', () => {
  const sheet = publicitySheet(
    villagesResult([
      ['大坪村', 60],
      ['白云村', 3],
    ]),
    fixturePolicy,
  );
  const layout: SheetLayout = sheetLayout(sheet);
  const titles = layout.rows.filter((r) => r.kind === 'title').map((r) => ({ row: r.row, text: r.cells[0].value }));
  const headers = sheet.columns.map((c) => c.header);
  /** Row of each header block: right under a continued title, two rows under a first title. */
  const headerRows = layout.rows.filter((r) => r.kind === 'header').map((r) => r.row);
  const bodyHeights = layout.rows.filter((r) => r.kind === 'body').map((r) => [r.row, r.height] as const);

  test('the layout continues 大坪村 on further pages, each opened by a break, a 续 title and the header', () => {
    expect(titles.filter((t) => String(t.text).endsWith(CONTINUED)).length).toBeGreaterThan(0);
    expect(layout.page.breaksBefore).toEqual(titles.slice(1).map((t) => t.row));
    expect(headerRows).toHaveLength(titles.length);
  });

  const small = async () => {
    const fw = FileWorkbook.create();
    fw.workbook.addWorksheet('说明').getCell('A1').value = '镇里的说明';
    return fw.toBuffer();
  };

  test('ExcelJS writer and patcher: the breaks, the repeated titles and headers, the row heights', async () => {
    const fw = await FileWorkbook.load(await small());
    await fw.addSheet(sheet);
    const viaExcelJs = await fw.toBuffer();
    const { bytes: patched } = await patchWorkbook(new XlsxPackage(await small(), nodeCodec), {
      marks: [],
      sheets: [sheet],
    });
    for (const bytes of [viaExcelJs, patched]) {
      expect(breaksIn(await sheetXml(bytes, '公示名单'))).toEqual(layout.page.breaksBefore);
      const ws = (await FileWorkbook.load(bytes)).workbook.getWorksheet('公示名单')!;
      expect(titles.map((t) => ws.getCell(t.row, 1).value)).toEqual(titles.map((t) => t.text));
      for (const r of headerRows) expect(headers.map((_, j) => ws.getCell(r, j + 1).value)).toEqual(headers);
      expect(bodyHeights.map(([r]) => ws.getRow(r).height)).toEqual(bodyHeights.map(([, h]) => h));
    }
  });

  test('Office and WPS hosts: the same breaks, titles, headers and row heights, no print titles', async () => {
    const office = await doubleFromXlsx(await small());
    await new OfficeHost({ run: office.run, isSetSupported: office.isSetSupported }).addSheet(sheet);
    const wps = new WpsDouble((await doubleFromXlsx(await small())).book);
    await new WpsHost(etOf(wps)).addSheet(sheet);
    for (const s of [office.book, wps.book].map((b) => b.live().find((x) => x.name === '公示名单')!)) {
      expect(s.page.breaksBefore).toEqual(layout.page.breaksBefore);
      expect(s.page.printTitleRows ?? s.page.PrintTitleRows).toBeUndefined();
      expect(titles.map((t) => s.values[t.row - 1]?.[0])).toEqual(titles.map((t) => t.text));
      for (const r of headerRows) expect(s.values[r - 1]?.slice(0, headers.length)).toEqual(headers);
      expect(bodyHeights.map(([r]) => s.rowHeights.get(r - 1))).toEqual(bodyHeights.map(([, h]) => h));
    }
  });

  test('printed by LibreOffice (ExcelJS and patcher): every page starts with its village’s title, then the header', async () => {
    const fw = await FileWorkbook.load(await small());
    await fw.addSheet(sheet);
    const { bytes: patched } = await patchWorkbook(new XlsxPackage(await small(), nodeCodec), {
      marks: [],
      sheets: [sheet],
    });
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    // A page opens with its title, the posting period on a village's first page, then the header.
    const opening = titles.map((t) => {
      const title = String(t.text);
      return squeeze(title + (title.endsWith(CONTINUED) ? '' : sheet.subtitle[0]) + headers.join(''));
    });
    for (const [bytes, name] of [
      [await fw.toBuffer(), 'long-village'],
      [patched, 'long-village-patched'],
    ] as const) {
      // The first page is the clerk's 说明; then the pages of the layout, in order.
      const pages = printedPages(bytes, name, { layout: true }).pages.slice(1).map(squeeze);
      expect(pages.map((p, i) => p.startsWith(opening[i]))).toEqual(opening.map(() => true));
      expect(pages).toHaveLength(opening.length);
    }
  }, 300_000);
});
