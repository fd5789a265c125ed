/**
 * .xls, .xlsb, .ods and .et through the converter (src/workbook/legacy/): the fixtures are the
 * sample roster saved by LibreOffice and SheetJS (test/fixtures/legacy/make-fixtures.ts). A
 * converted roster must give exactly the findings of the .xlsx it was saved from, and its grid the
 * cells a clerk typed: text IDs as text, a numeric ID as a number (ID-04), dates as dates, text
 * dates as text, formulas as their cached results, merged areas as rectangles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/domain/engine';
import { cellText, type Cell, type SheetGrid, type WorkbookGrid } from '../../src/domain/grid';
import { parsePolicy } from '../../src/domain/policy';
import type { CheckResult } from '../../src/domain/types';
import { markResult } from '../../src/workbook/actions';
import { FileError, FileWorkbook } from '../../src/workbook/file/file';
import { MARK_FILLS } from '../../src/workbook/host';
import { legacyFormatOf } from '../../src/workbook/legacy/format';
import { openLegacyWorkbook } from '../../src/workbook/legacy/open';
import { openWorkbookBytes } from '../../src/workbook/file/open';
import { bufferSource } from '../../src/workbook/file/zip-guard';
import { FIRST_DATA_ROW, rosterColumn, SAMPLE_POLICY } from '../../examples/make-sample';
import { zipOf, zipParts } from '../corpus/zip';
import { craftZip } from './zip-bytes';

const MANIFEST =
  '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
  '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';

/** The smallest OpenDocument spreadsheet: one sheet (any name: .ods has no length limit), one cell. */
function odsWithSheet(name: string): Uint8Array {
  const ns = (p: string, n: string) => `xmlns:${p}="urn:oasis:names:tc:opendocument:xmlns:${n}:1.0"`;
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns('office', 'office')} ${ns('table', 'table')} ` +
    `${ns('text', 'text')} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="${name}">` +
    '<table:table-row><table:table-cell office:value-type="string"><text:p>户主姓名</text:p></table:table-cell>' +
    '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>';
  return zipOf([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
    { name: 'META-INF/manifest.xml', data: Buffer.from(MANIFEST) },
    { name: 'styles.xml', data: Buffer.from(`<office:document-styles ${ns('office', 'office')}/>`) },
    { name: 'content.xml', data: Buffer.from(content) },
  ]);
}

const FIXTURES = join(__dirname, '../fixtures/legacy');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const policy = parsePolicy(SAMPLE_POLICY);

const CONVERTED = [
  ['roster.xls', 'xls'],
  ['roster.ods', 'ods'],
  ['roster.xlsb', 'xlsb'],
] as const;

/** Variant rows of make-fixtures.ts (0-based grid rows). */
const row = (household: number) => FIRST_DATA_ROW - 1 + household;
const col = (key: string) => rosterColumn(key) - 1;

let original: WorkbookGrid;
let originalResult: CheckResult;

async function gridOf(name: string): Promise<WorkbookGrid> {
  const opened = await openWorkbookBytes(bytesOf(name), name);
  return opened.host.readWorkbook();
}

const check = (workbook: WorkbookGrid) => checkWorkbook({ workbook, policy });
const roster = (g: WorkbookGrid): SheetGrid => g.sheets.find((s) => s.name === '花名册')!;
const cell = (g: WorkbookGrid, r: number, c: number): Cell | undefined => roster(g).rows[r]?.[c];
const sorted = (s: SheetGrid) => [...(s.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left);

beforeAll(async () => {
  original = await (await FileWorkbook.load(bytesOf('roster.xlsx'))).readWorkbook();
  originalResult = check(original);
});

describe('which files go through the converter', () => {
  it('tells the formats from their bytes, and leaves .xlsx to the .xlsx readers', () => {
    const of = (name: string, as = name) => legacyFormatOf(bufferSource(bytesOf(name)), as);
    expect(of('roster.xls')).toBe('xls');
    expect(of('roster.ods')).toBe('ods');
    expect(of('roster.xlsb')).toBe('xlsb');
    expect(of('roster.xls', 'roster.et')).toBe('et');
    expect(of('roster.xlsx')).toBeUndefined();
    expect(of('roster.lo.xlsx')).toBeUndefined();
    // An .xlsx renamed .xls is still an .xlsx.
    expect(of('roster.xlsx', 'roster.xls')).toBeUndefined();
  });

  it('does not take a zip that is no workbook, nor a password-protected .xlsx', () => {
    const zip = craftZip([{ name: 'readme.txt', stored: new Uint8Array(10), claimedSize: 10 }]);
    expect(legacyFormatOf(bufferSource(zip), 'a.ods')).toBeUndefined();
    const encrypted = new Uint8Array(1024);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 600);
    expect(legacyFormatOf(bufferSource(encrypted), 'a.xlsx')).toBeUndefined();
  });
});

describe.each(CONVERTED)('%s, converted', (file, format) => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await gridOf(file);
  });

  it('gives the same findings, households, adjustments and totals as the .xlsx it was saved from', () => {
    const result = check(grid);
    expect(result.findings).toEqual(originalResult.findings);
    expect(result.households).toEqual(originalResult.households);
    expect(result.adjustments).toEqual(originalResult.adjustments);
    expect(result.summary).toEqual(originalResult.summary);
    // The sample's ID typed as a number is still found.
    expect(result.findings.some((f) => f.rule === 'ID-04')).toBe(true);
  });

  it('keeps IDs typed as text as text, and an ID typed as a number as the number Excel shows', () => {
    const ids = roster(grid)
      .rows.slice(FIRST_DATA_ROW - 1)
      .map((r) => r[col('headId')]);
    const numbers = ids.filter((c) => c?.t === 'number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]!.text).toBe('4.30529E+17');
    expect(ids.filter((c) => c?.t === 'string').length).toBeGreaterThan(50);
    expect(ids.filter((c) => c?.t === 'string').every((c) => /^\d{15,18}[\dX]?$/.test(c!.v as string))).toBe(true);
  });

  it('reads date cells as dates, dates typed as text as text, a bare serial as a number', () => {
    const review = col('lastReview');
    const kinds = (g: WorkbookGrid) =>
      roster(g)
        .rows.slice(FIRST_DATA_ROW - 1)
        .map((r) =>
          r[review]
            ? `${r[review]!.t}:${r[review]!.v instanceof Date ? (r[review]!.v as Date).toISOString() : r[review]!.v}`
            : '',
        );
    expect(kinds(grid)).toEqual(kinds(original));
    expect(kinds(grid).filter((k) => k.startsWith('date:')).length).toBeGreaterThan(20);
    expect(kinds(grid).filter((k) => k.startsWith('string:')).length).toBeGreaterThan(0);
    expect(cell(grid, row(16), review)?.t).toBe('number');
  });

  it('keeps merged areas as rectangles with only their top-left value', () => {
    const sheet = roster(grid);
    expect(sorted(sheet)).toEqual(sorted(roster(original)));
    // The title across the table, and the 村 cell merged over two households.
    expect(sorted(sheet)).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 42 }]));
    const village = col('village');
    expect(sorted(sheet)).toEqual(
      expect.arrayContaining([{ top: row(0), left: village, bottom: row(1), right: village }]),
    );
    expect(cell(grid, row(0), village)?.v).toBe(cell(original, row(0), village)?.v);
    expect(cell(grid, row(1), village)).toBeUndefined();
    expect(sheet.rows[0].filter(Boolean)).toHaveLength(1);
  });

  it('reads a formula as its cached result', () => {
    const benefit = cell(grid, row(12), col('benefit'))!;
    expect(benefit.v).toBe(cell(original, row(12), col('benefit'))!.v);
    // SheetJS's .xlsb writer (which made the fixture) stores values only.
    if (format !== 'xlsb') expect(benefit.formula).toBe(true);
    const totals = roster(grid).rows.find((r) => r[0]?.v === '合计');
    if (format !== 'xlsb') expect(totals?.some((c) => c?.formula)).toBe(true);
  });

  it('keeps the sheets in tab order', () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
  });
});

describe('hidden rows and sheets', () => {
  it.each(['roster.xls', 'roster.xlsb'])('%s keeps them', async (file) => {
    const grid = await gridOf(file);
    expect(roster(grid).hiddenRows).toEqual(roster(original).hiddenRows);
    expect(roster(original).hiddenRows).toEqual([row(6)]);
    expect(grid.sheets.find((s) => s.name === '填表说明')?.hidden).toBe(true);
  });
});

describe('a .xlsx saved by LibreOffice', () => {
  it('has shared strings and dates as serial numbers, and gives the same findings', async () => {
    const bytes = bytesOf('roster.lo.xlsx');
    const parts = zipParts(bytes);
    expect(parts.map((p) => p.name)).toContain('xl/sharedStrings.xml');
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    const xml = inflateRawSync(bytes.subarray(sheet.dataOffset, sheet.dataOffset + sheet.compressedSize)).toString();
    expect(xml).toMatch(/<c r="AN7" s="\d+" t="n"><v>43093<\/v><\/c>/);
    const result = check(await gridOf('roster.lo.xlsx'));
    expect(result.findings).toEqual(originalResult.findings);
    expect(result.summary).toEqual(originalResult.summary);
  });
});

describe('the marked copy of a converted file', () => {
  it('is an .xlsx with the same cells, the marks, and the input bytes untouched', async () => {
    const input = bytesOf('roster.xls');
    const before = Buffer.from(input).toString('base64');
    const host = await openLegacyWorkbook(input, 'xls');
    const grid = await host.readWorkbook();
    const result = check(grid);
    const marked = await markResult(host, result, 'zh');
    expect(marked.cells).toBeGreaterThan(0);
    const copy = await FileWorkbook.load(await host.toBuffer());
    const reread = await copy.readWorkbook();
    expect(check(reread).findings).toEqual(result.findings);
    const id04 = result.findings.find((f) => f.rule === 'ID-04')!;
    const ws = copy.workbook.getWorksheet('花名册')!;
    const fill = ws.getCell(id04.row, id04.col!).fill as { fgColor?: { argb?: string } };
    expect(fill.fgColor?.argb).toBe(MARK_FILLS.error);
    expect(Buffer.from(input).toString('base64')).toBe(before);
  });

  it.each(CONVERTED)('%s: the clerk’s own notes come over as written', async (file, format) => {
    const notes = (ws: ExcelJS.Worksheet) => {
      const out: Record<string, string> = {};
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const note = c.note as string | { texts?: { text: string }[] } | undefined;
          if (note) out[c.address] = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
        }),
      );
      return out;
    };
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(join(FIXTURES, 'roster.xlsx'));
    const expected = notes(original.getWorksheet('花名册')!);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    const host = await openLegacyWorkbook(bytesOf(file), format);
    expect(notes((await host.copy()).workbook.getWorksheet('花名册')!)).toEqual(expected);
  });
});

describe('files the converter cannot read', () => {
  it('a damaged .xls: a clear message, Chinese first, naming the format', async () => {
    const damaged = bytesOf('roster.xls').slice(0, 4096);
    const e = await openLegacyWorkbook(damaged, 'xls').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FileError);
    expect((e as FileError).code).toBe('corrupt');
    expect((e as FileError).zh).toMatch(/^无法读取这个旧版 \.xls 文件.*另存为 \.xlsx/);
    expect((e as FileError).en).toMatch(/old \.xls file/);
  });

  it('an .ods with a sheet name Excel forbids: checked, but no marked copy, with the reason', async () => {
    const name = '花名册：白云村、清溪村与金紫村合并整理版本（二〇一八年一月修订稿）';
    const host = await openLegacyWorkbook(odsWithSheet(name), 'ods');
    expect((await host.readWorkbook()).sheets.map((s) => [s.name, cellText(s.rows[0][0])])).toEqual([
      [name, '户主姓名'],
    ]);
    const e = await host.toBuffer().catch((x: unknown) => x);
    expect((e as FileError).zh).toMatch(/^这个OpenDocument（\.ods）文件的工作表名称过长.*无法生成 \.xlsx 标注副本/);
    // A name Excel allows makes a copy.
    const fine = await openLegacyWorkbook(odsWithSheet('花名册'), 'ods');
    expect((await (await FileWorkbook.load(await fine.toBuffer())).readWorkbook()).sheets[0].name).toBe('花名册');
  });
});
