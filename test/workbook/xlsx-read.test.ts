/**
 * The command line's own .xlsx reader (src/workbook/xlsx/) must give the grid ExcelJS's in-memory
 * reader gives — the same values, types, formats, merged ranges and hidden rows — on every corpus
 * workbook and on XML written the way Excel, WPS and other exporters write it; otherwise a large
 * file would be checked differently from a small one.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkbookGrid } from '../../src/domain/grid';
import { parsePolicy } from '../../src/domain/policy';
import { checkFile } from '../../src/cli/check-file';
import fc from 'fast-check';
import { readCellStyles, readSharedStrings } from '../../src/workbook/xlsx/parts';
import { readGridFast, Unsupported } from '../../src/workbook/xlsx/read';
import { SheetReader } from '../../src/workbook/xlsx/sheet';
import { XmlScanner } from '../../src/workbook/xlsx/xml';
import { FileWorkbook } from '../../src/workbook/file/file';
import { buildCorpus } from '../corpus/make-corpus';
import { zipOf } from '../corpus/zip';
import { tempDir } from '../cli/helpers';

/** The bytes cut at the given offsets, as a part's stream would deliver them. */
async function* chunksOf(bytes: Buffer, cuts: number[]): AsyncIterable<Buffer> {
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

const quiet = { stdout: () => {}, stderr: () => {}, progress: false };
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

async function bothReaders(path: string): Promise<{ fast: WorkbookGrid; full: WorkbookGrid }> {
  const full = await (await FileWorkbook.load(new Uint8Array(readFileSync(path)))).readWorkbook();
  const fast = await readGridFast(path, statSync(path).size);
  return { fast, full };
}

/** Merges compared as a set: the order they are listed in does not matter. */
function comparable(grid: WorkbookGrid) {
  return grid.sheets.map((s) => ({
    ...s,
    merges: (s.merges ?? []).map((m) => JSON.stringify(m)).sort(),
    rows: s.rows.map((r) => [...r]),
  }));
}

it('reads every corpus workbook ExcelJS can open exactly as ExcelJS does', async () => {
  const dir = tempDir();
  let compared = 0;
  for (const [file, bytes] of await buildCorpus()) {
    const path = join(dir, file);
    writeFileSync(path, bytes);
    let full: WorkbookGrid;
    try {
      full = await (await FileWorkbook.load(bytes)).readWorkbook();
    } catch {
      continue; // refused files are the refusal tests' business (test/reliability/corpus.test.ts)
    }
    const fast = await readGridFast(path, bytes.length);
    expect([file, comparable(fast)]).toEqual([file, comparable(full)]);
    compared++;
  }
  expect(compared).toBeGreaterThanOrEqual(30);
}, 60_000);

// ---- a workbook as Excel and other programs write it (not ExcelJS) -------------------------

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WS_TYPE = `${REL}/worksheet`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const workbookXml = (date1904: boolean) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${date1904 ? ' date1904="1"' : ''} defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15"/></bookViews><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/><sheet name="说明 &amp; 填表" sheetId="2" r:id="rId2"/><sheet name="参数" sheetId="3" state="hidden" r:id="rId3"/></sheets><calcPr calcId="145621"/></workbook>`;

// Targets both relative and absolute, as different programs write them; in reverse zip order.
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${WS_TYPE}" Target="worksheets/sheet3.xml"/><Relationship Id="rId2" Type="${WS_TYPE}" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId1" Type="${WS_TYPE}" Target="worksheets/sheet1.xml"/><Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

// Style 0 General, 1 built-in date 14, 2 custom Chinese date, 3 text "@", 4 "0.00", 5 custom money.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="#,##0.00_ "/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// 0 序号 1 村 2 户主姓名 3 身份证号码 4 月保障金 5 复核日期 6 备注 7 白云村 8 杨秀英 (rich, with a
// phonetic guide) 9 " 龙 建国 " (kept spaces) 10 a carriage return escaped as Excel does, 11 entities.
const SHARED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="14" uniqueCount="12"><si><t>序号</t></si><si><t>村</t></si><si><t>户主姓名</t></si><si><t>身份证号码</t></si><si><t>月保障金</t></si><si><t>复核日期</t></si><si><t>备注</t></si><si><t>白云村</t><phoneticPr fontId="1" type="noConversion"/></si><si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>杨</t></r><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>秀英</t></r><rPh sb="0" eb="1"><t>yang</t></rPh></si><si><t xml:space="preserve"> 龙 建国 </t></si><si><t>第一行_x000D_
第二行</t></si><si><t>A &amp; B &lt;丙&gt; &#26449;</t></si></sst>`;

const SHEET1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:G6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/><cols><col min="1" max="1" width="6" customWidth="1"/></cols><sheetData><row r="1" spans="1:7" x14ac:dyDescent="0.15"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row><row r="2" spans="1:7" x14ac:dyDescent="0.15"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>7</v></c><c r="C2" t="s"><v>8</v></c><c r="D2" s="3" t="s"><v>3</v></c><c r="E2" s="5"><v>252.17000000000002</v></c><c r="F2" s="1"><v>43115</v></c><c r="G2" t="s"><v>10</v></c></row><!-- a comment between rows --><row r="3" spans="1:7" hidden="1" x14ac:dyDescent="0.15"><c r='A3'><f>A2+1</f><v>2</v></c><c r="B3" t="s"><v>7</v></c><c r="C3" t="s"><v>9</v></c><c r="D3"><v>430529198001011000</v></c><c r="E3" s="4"><f t="shared" ref="E3:E4" si="0">E2*2</f><v>504.34</v></c><c r="F3" s="2"><v>43200.5</v></c><c r="G3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row><row r="4" spans="1:7"><c r="A4" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c r="E4" s="4"><f t="shared" si="0"/><v>1008.68</v></c><c r="F4" t="b"><f>TRUE()</f><v>0</v></c><c r="G4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row><row r="5" spans="1:7" s="1" customFormat="1"><c r="A5" t="s"><v>11</v></c><c r="B5" t="s"><v>7</v></c><c r="C5" s="1"/><c r="D5"><f>NOW()</f></c><c r="E5"><v>-0.5</v></c><c r="F5"><v>1E-3</v></c></row><row r="6" hidden="1"><c r="A6" s="1"/><c r="C6" s="1" t="s"><v></v></c></row><row r="9"><c r="A9" t="s"><v>6</v></c><c r="B9" t="s"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A9:C9"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>`;

const SHEET2 = `<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>填表说明</t></is></c></row><row r="3"><c r="B3"><v>3.5</v></c></row></sheetData></worksheet>`;

/** The OpenXML SDK writes a prefix on every element (ExcelJS cannot read such a sheet). */
const prefixed = (xml: string) => xml.replace(/<(\/?)(?![?!])/g, '<$1x:').replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`);

const SHEET3 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>3026</v></c></row></sheetData></worksheet>`;

function excelStyleBook(opts: { date1904?: boolean; workbook?: string; sheet2?: string } = {}): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
    { name: '_rels/.rels', data: utf8(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: utf8(opts.workbook ?? workbookXml(opts.date1904 ?? false)) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(WORKBOOK_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: utf8(SHEET1) },
    { name: 'xl/worksheets/sheet2.xml', data: utf8(opts.sheet2 ?? SHEET2), deflate: false },
    { name: 'xl/worksheets/sheet3.xml', data: utf8(SHEET3) },
    { name: 'xl/styles.xml', data: utf8(STYLES) },
    // Excel writes the shared strings after the sheets that use them.
    { name: 'xl/sharedStrings.xml', data: utf8(SHARED) },
  ]);
}

function written(bytes: Uint8Array, name = 'excel-style.xlsx'): string {
  const dir = join(tempDir(), 'x');
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('a workbook as Excel writes it', () => {
  it('reads what ExcelJS reads, cell by cell', async () => {
    for (const date1904 of [false, true]) {
      const { fast, full } = await bothReaders(written(excelStyleBook({ date1904 })));
      expect(comparable(fast)).toEqual(comparable(full));
    }
  });

  it('gives the values a clerk sees', async () => {
    const { fast } = await bothReaders(written(excelStyleBook()));
    expect(fast.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ['花名册', false],
      ['说明 & 填表', false],
      ['参数', true],
    ]);
    const rows = fast.sheets[0].rows;
    expect(rows[1][2]).toEqual({ v: '杨秀英', t: 'string' }); // rich text, phonetic guide left out
    expect(rows[2][2]).toEqual({ v: ' 龙 建国 ', t: 'string' });
    expect(rows[1][6]).toEqual({ v: '第一行\r\n第二行', t: 'string' });
    expect(rows[4][0]).toEqual({ v: 'A & B <丙> 村', t: 'string' });
    expect(rows[1][4]).toEqual({ v: 252.17000000000002, t: 'number', fmt: '#,##0.00_ ', text: undefined });
    expect(rows[1][5]).toEqual({ v: new Date(Date.UTC(2018, 0, 15)), t: 'date', fmt: 'mm-dd-yy' });
    expect(rows[2][5]).toMatchObject({ v: new Date(Date.UTC(2018, 3, 10, 12)), t: 'date' });
    // An 18-digit ID typed as a number shows as Excel shows it.
    expect(rows[2][3]).toEqual({ v: 430529198001011000, t: 'number', text: '4.30529E+17' });
    expect(rows[2][4]).toEqual({ v: 504.34, t: 'number', fmt: '0.00', formula: true });
    expect(rows[3][4]).toMatchObject({ v: 1008.68, formula: true }); // shared formula
    // Cells without a reference follow the one before.
    expect(rows[3].slice(0, 4)).toEqual([
      { v: '内联 & 文本', t: 'string' },
      { v: true, t: 'boolean', text: 'TRUE' },
      { v: '#N/A', t: 'error' },
      undefined,
    ]);
    expect(rows[3][5]).toEqual({ v: false, t: 'boolean', text: 'FALSE', formula: true });
    expect(rows[3][6]).toEqual({ v: '#DIV/0!', t: 'error', formula: true });
    expect(rows[4][3]).toEqual({ v: '', t: 'string', formula: true, uncomputed: true }); // never calculated
    // Rows 3 and 6 are hidden, but row 6 holds nothing: only row 3 counts.
    expect(fast.sheets[0].hiddenRows).toEqual([2]);
    // A merged area shows its top-left value only.
    expect(fast.sheets[0].merges).toEqual([{ top: 8, left: 0, bottom: 8, right: 2 }]);
    expect(rows[8]).toEqual([{ v: '备注', t: 'string' }, undefined]);
    expect(fast.sheets[1].rows).toEqual([[{ v: '填表说明', t: 'string' }], [], [undefined, { v: 3.5, t: 'number' }]]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const { fast } = await bothReaders(written(excelStyleBook({ date1904: true })));
    expect(fast.sheets[0].rows[1][5]?.v).toEqual(new Date(Date.UTC(2022, 0, 16)));
  });
});

it('gives the same sheet however the XML is cut into chunks (tags, entities and characters split)', async () => {
  const sharedStrings = await readSharedStrings(chunksOf(Buffer.from(SHARED), [SHARED.length]));
  const styles = await readCellStyles(chunksOf(Buffer.from(STYLES), [STYLES.length]));
  const bytes = Buffer.from(SHEET1, 'utf8');
  const sheetOf = async (cuts: number[]) => {
    const reader = new SheetReader({ sheet: '花名册', sharedStrings, styles, date1904: false, onRow: () => {} });
    await new XmlScanner(reader).readAll(chunksOf(bytes, cuts));
    return reader.grid('花名册', false);
  };
  const whole = await sheetOf([]);
  expect(whole.rows[1][2]).toEqual({ v: '杨秀英', t: 'string' });
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), async (cuts) => {
      expect(await sheetOf(cuts)).toEqual(whole);
    }),
    { numRuns: 200 },
  );
  // Every single byte apart: the hardest cut of all.
  expect(await sheetOf(Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))).toEqual(whole);
});

it('reads a sheet whose elements carry a namespace prefix, and CDATA text, which ExcelJS cannot', async () => {
  const sheet = prefixed(SHEET2).replace(
    '<x:v>3.5</x:v></x:c>',
    '<x:v>3.5</x:v></x:c><x:c r="C3" t="str"><x:v><![CDATA[<不是标签> & 原样]]></x:v></x:c>',
  );
  const path = written(excelStyleBook({ sheet2: sheet }));
  expect(sheet).toContain('<x:c r="A1" t="inlineStr"><x:is><x:t>');
  await expect(FileWorkbook.load(new Uint8Array(readFileSync(path)))).rejects.toThrow();
  const fast = await readGridFast(path, statSync(path).size);
  expect(fast.sheets[1].rows).toEqual([
    [{ v: '填表说明', t: 'string' }],
    [],
    [undefined, { v: 3.5, t: 'number' }, { v: '<不是标签> & 原样', t: 'string' }],
  ]);
});

it('reads ISO dates (t="d", written by some exporters) as dates, where ExcelJS takes the year for a day count', async () => {
  const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="d" s="1"><v>2018-01-15T00:00:00</v></c></row></sheetData></worksheet>`;
  const book = zipOf([
    { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
    { name: 'xl/workbook.xml', data: utf8(workbookXml(false)) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(WORKBOOK_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: utf8(sheet) },
    { name: 'xl/worksheets/sheet2.xml', data: utf8(SHEET2) },
    { name: 'xl/worksheets/sheet3.xml', data: utf8(SHEET3) },
    { name: 'xl/styles.xml', data: utf8(STYLES) },
    { name: 'xl/sharedStrings.xml', data: utf8(SHARED) },
  ]);
  const { fast, full } = await bothReaders(written(book));
  expect(fast.sheets[0].rows[0][0]).toEqual({ v: new Date(Date.UTC(2018, 0, 15)), t: 'date', fmt: 'mm-dd-yy' });
  expect(full.sheets[0].rows[0][0]?.v).toEqual(new Date(Date.UTC(1905, 6, 10)));
});

it('hands a file it does not read (a DOCTYPE) back to ExcelJS, and the check still happens', async () => {
  const doctype = workbookXml(false).replace('<workbook ', '<!DOCTYPE workbook>\n<workbook ');
  const path = written(excelStyleBook({ workbook: doctype }));
  await expect(readGridFast(path, statSync(path).size)).rejects.toBeInstanceOf(Unsupported);
  const policy = parsePolicy({ asOf: '2018-01-15' });
  // The book carries a never-calculated formula in a household row: both paths reach the engine,
  // which refuses it the same way (naming the cell).
  const viaExcelJs = await checkFile(path, { policy, withWorkbook: false, io: quiet, fastRead: false }).catch((e) => e);
  const checked = await checkFile(path, { policy, withWorkbook: false, io: quiet }).catch((e) => e);
  expect(viaExcelJs).toMatchObject({ code: 'uncomputed' });
  expect(checked).toMatchObject({ code: 'uncomputed', zh: viaExcelJs.zh });
});

it('refuses a part that expands beyond what the zip declared (a bomb that lies to the size checks)', async () => {
  const sheet = `<worksheet xmlns="${NS}"><sheetData>${'<row><c t="inlineStr"><is><t>填</t></is></c></row>'.repeat(2000)}</sheetData></worksheet>`;
  const book = zipOf([
    { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
    { name: 'xl/workbook.xml', data: utf8(workbookXml(false)) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(WORKBOOK_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: utf8(sheet), claimedSize: 1000 },
    { name: 'xl/worksheets/sheet2.xml', data: utf8(SHEET2) },
    { name: 'xl/worksheets/sheet3.xml', data: utf8(SHEET3) },
  ]);
  const path = written(book);
  const policy = parsePolicy({ asOf: '2018-01-15' });
  await expect(checkFile(path, { policy, withWorkbook: false, io: quiet })).rejects.toMatchObject({
    name: 'FileError',
    code: 'corrupt',
  });
});

it('hands a part written in UTF-16 back to ExcelJS rather than misreading it', async () => {
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(workbookXml(false).replace('UTF-8', 'UTF-16'), 'utf16le'),
  ]);
  const book = zipOf([
    { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
    { name: 'xl/workbook.xml', data: new Uint8Array(utf16) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(WORKBOOK_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: utf8(SHEET3) },
  ]);
  const path = written(book);
  await expect(readGridFast(path, statSync(path).size)).rejects.toBeInstanceOf(Unsupported);
});
