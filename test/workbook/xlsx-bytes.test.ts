/**
 * The own reader scans the parts' UTF-8 bytes without decoding them and decodes only what it
 * keeps (docs/PERFORMANCE.md section 8): the text of a cell or shared string must come out as a
 * whole-text decoder gives it however the bytes are cut, and a number exactly as parseFloat reads
 * it, or a clerk's roster would read differently from one file to the next.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/domain/grid';
import { readSharedStrings } from '../../src/workbook/xlsx/parts';
import { SheetReader } from '../../src/workbook/xlsx/sheet';
import { XmlScanner } from '../../src/workbook/xlsx/xml';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The bytes cut at the given offsets, as an inflater's chunks would come. */
async function* chunksOf(bytes: Uint8Array, cuts: number[]): AsyncIterable<Uint8Array> {
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

const cutsOf = (length: number) => fc.array(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 30 });

async function sheetRows(xml: string, sharedStrings: Cell[] = [], cuts: number[] = []) {
  const reader = new SheetReader({ sheet: '花名册', sharedStrings, styles: [], date1904: false, onRow: () => {} });
  await new XmlScanner(reader).readAll(chunksOf(bytesOf(xml), cuts));
  return reader.grid('花名册', false).rows;
}

const SHARED =
  '\ufeff<?xml version="1.0" encoding="UTF-8"?>' +
  `<sst xmlns="${NS}" count="7" uniqueCount="7">` +
  '<si><t>城步苗族自治县</t></si>' +
  // Rich text: the runs joined; the phonetic guide is no part of the text.
  '<si><r><t>杨</t></r><r><rPr><b/></rPr><t xml:space="preserve">秀英 </t></r><rPh sb="0" eb="1"><t>ヤン</t></rPh></si>' +
  // Entities, a character reference, OOXML's own escape and a carriage return.
  '<si><t>A &amp; B &lt;丙&gt; &#x6751;_x000D_第二行\r\n</t></si>' +
  // CDATA holds '<' and '&' as they are.
  '<si><t>前<![CDATA[<不是标签> & 原样]]>后</t></si>' +
  '<si><t/></si>' +
  '<si></si>' +
  // An escape cut between two runs stays two pieces of text, as each run is decoded alone.
  '<si><r><t>_x00</t></r><r><t>0D_</t></r></si>' +
  '</sst>';

const EXPECTED = ['城步苗族自治县', '杨秀英 ', 'A & B <丙> 村\r第二行\n', '前<不是标签> & 原样后', '', '', '_x000D_'];

describe('the shared strings', () => {
  it('are decoded as a whole-text decoder decodes them, runs joined, guides and BOM left out', async () => {
    const cells = await readSharedStrings(chunksOf(bytesOf(SHARED), []));
    expect(cells.map((c) => c.v)).toEqual(EXPECTED);
    expect(cells.every((c) => c.t === 'string')).toBe(true);
  });

  it('are the same however the bytes are cut (inside characters, tags, entities and CDATA)', async () => {
    const bytes = bytesOf(SHARED);
    await fc.assert(
      fc.asyncProperty(cutsOf(bytes.length), async (cuts) => {
        expect((await readSharedStrings(chunksOf(bytes, cuts))).map((c) => c.v)).toEqual(EXPECTED);
      }),
      { numRuns: 150 },
    );
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect((await readSharedStrings(chunksOf(bytes, everyByte))).map((c) => c.v)).toEqual(EXPECTED);
  });
});

describe('a sheet read from its bytes', () => {
  it('reads numbers exactly as parseFloat reads their text', async () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,17}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,17}$/), { nil: undefined }),
        fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
      )
      .map(([minus, int, frac, exp]) => {
        const s = `${minus ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}${exp === undefined ? '' : `E${exp}`}`;
        return /[0-9]/.test(s) ? s : '0';
      });
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 20 }), async (texts) => {
        const cells = texts.map((t, i) => `<c r="A${i + 1}"><v>${t}</v></c>`);
        const xml = `<worksheet xmlns="${NS}"><sheetData>${cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('')}</sheetData></worksheet>`;
        const rows = await sheetRows(xml);
        texts.forEach((t, i) => expect(Object.is(rows[i][0]?.v, parseFloat(t))).toBe(true));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps -0, 0.1 + 0.2 sums and 15-digit amounts as written', async () => {
    // Past 15 digits the digits alone no longer give the double parseFloat gives (462.94534411111420).
    const values = ['-0', '0.30000000000000004', '123456789012345', '1234567890123456789', '462.94534411111420'];
    values.push('4846421.1854362380', '433.33', '.5', '5.', '-1e3', '+7', ' 8');
    const xml =
      `<worksheet xmlns="${NS}"><sheetData><row r="1">` +
      values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join('') +
      '</row></sheetData></worksheet>';
    const rows = await sheetRows(xml);
    values.forEach((v, i) => expect(Object.is(rows[0][i]?.v, parseFloat(v))).toBe(true));
  });

  it('reads the same cells however the bytes are cut', async () => {
    const shared = await readSharedStrings(chunksOf(bytesOf(SHARED), []));
    const xml =
      `\ufeff<worksheet xmlns="${NS}"><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1024</v></c><c r="C1"><v>-12.5</v></c></row>' +
      '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c r="B2" t="str"><f>A1</f><v>公式结果</v></c>' +
      '<c r="C2"><v>3</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A5:C5"/></mergeCells></worksheet>';
    const bytes = bytesOf(xml);
    const whole = await sheetRows(xml, shared);
    expect(whole).toEqual([
      [
        { v: '城步苗族自治县', t: 'string' },
        { v: 1024, t: 'number' },
        { v: -12.5, t: 'number' },
      ],
      [
        { v: '内联 & 文本', t: 'string' },
        { v: '公式结果', t: 'string', formula: true },
        { v: 3, t: 'number' },
      ],
      [
        { v: '杨秀英 ', t: 'string' },
        { v: true, t: 'boolean', text: 'TRUE' },
        { v: '#N/A', t: 'error' },
      ],
    ]);
    await fc.assert(
      fc.asyncProperty(cutsOf(bytes.length), async (cuts) => {
        expect(await sheetRows(xml, shared, cuts)).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});
