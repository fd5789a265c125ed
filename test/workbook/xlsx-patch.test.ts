/**
 * The patching writer (src/workbook/xlsx/patch.ts): the marked copy keeps every part that holds no
 * mark byte for byte, changes only the marked cells' formats in the marked sheets, and opens in
 * ExcelJS and in LibreOffice with every mark and note where it belongs; clearing gives the
 * original cells back.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parsePolicy } from '../../src/domain/policy';
import { buildSheet, markResult, runCheck, SHEET_KINDS } from '../../src/workbook/actions';
import { FileWorkbook } from '../../src/workbook/file/file';
import { GENERATED_RECORD_SHEET } from '../../src/workbook/output/generated-record';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER, type CellMark } from '../../src/workbook/host';
import { marksFromResult } from '../../src/workbook/output/marks';
import { nodeCodec } from '../../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../../src/workbook/xlsx/patch';
import { lookOf, noteText, readXlsx } from '../corpus/inspect';
import { addRoster, bytesOf, newWorkbook } from '../corpus/roster-book';
import { tempDir } from '../cli/helpers';

const POLICY = parsePolicy({ asOf: '2018-01-15' });

async function clerkRoster(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const { ws } = addRoster(wb, {
    households: 12,
    edit: (r, i) => {
      if (i === 0) r.入户调查签字 = '未签';
      if (i === 1) r.月保障金 = 1;
      // An empty cell the check marks: the sheet has no <c> for it.
      if (i === 2) r.入户调查签字 = undefined;
      if (i === 5) r.保障人数 = 9;
    },
  });
  ws.getCell('L3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  ws.getCell('L3').note = '已电话催签';
  ws.getCell('I4').note = { texts: [{ text: '村干部：', font: { bold: true } }, { text: '按上月金额' }] };
  ws.getCell('B6').note = '搬迁';
  ws.getCell('C7').font = { bold: true, color: { argb: 'FF0000FF' } };
  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '镇里的说明';
  notes.getCell('A2').value = '联系人';
  notes.getCell('A2').note = '说明的批注';
  return bytesOf(wb);
}

async function marked(bytes: Uint8Array) {
  const fw = await FileWorkbook.load(bytes);
  const { result } = await runCheck(fw, POLICY);
  const marks = marksFromResult(result);
  const out = await patchWorkbook(new XlsxPackage(bytes, nodeCodec), {
    marks,
    sheets: SHEET_KINDS.map((k) => buildSheet(k, result, POLICY)),
  });
  return { marks, out };
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, { raw: Uint8Array; text: string }>> {
  const pkg = new XlsxPackage(bytes, nodeCodec);
  const out = new Map<string, { raw: Uint8Array; text: string }>();
  for (const p of pkg.parts) out.set(p.name, { raw: pkg.raw(p), text: await pkg.text(p) });
  return out;
}

const ref = (m: CellMark) => `${colLetters(m.col)}${m.row}`;
function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe('the marked copy made by patching the package', () => {
  let original: Uint8Array;
  let copy: Uint8Array;
  let marks: CellMark[];
  beforeAll(async () => {
    original = await clerkRoster();
    const m = await marked(original);
    copy = m.out.bytes;
    marks = m.marks;
    expect(m.out.cellsMarked).toBe(marks.length);
  });

  test('every part that holds no mark is the same, byte for byte (compressed and inflated)', async () => {
    const before = await partsOf(original);
    const after = await partsOf(copy);
    const changed = [...before.keys()].filter((name) => {
      const a = before.get(name)!;
      const b = after.get(name);
      return !b || Buffer.compare(a.raw, b.raw) !== 0 || a.text !== b.text;
    });
    // The roster holds marks; 说明 (sheet2), the shared strings, the theme and the document
    // properties do not, and neither do 说明's notes.
    expect(changed.sort()).toEqual(
      [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/comments1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
    expect(before.has('xl/worksheets/sheet2.xml') && before.has('xl/sharedStrings.xml')).toBe(true);
  });

  test('in the marked sheet only the marked cells change: their format, or a new empty cell', async () => {
    const sheet = (bytes: Map<string, { text: string }>) => bytes.get('xl/worksheets/sheet1.xml')!.text;
    const before = sheet(await partsOf(original));
    const after = sheet(await partsOf(copy));
    const refs = new Set(marks.filter((m) => m.sheet === '花名册').map(ref));
    const absent = [...refs].filter((r) => !before.includes(`<c r="${r}"`));
    expect(absent.length).toBeGreaterThan(0);
    const normalize = (xml: string) =>
      xml
        .replace(/<c r="([A-Z]+\d+)"( s="\d+")?\/>/g, (all, r: string) => (absent.includes(r) ? '' : all))
        .replace(/<c r="([A-Z]+\d+)"( s="\d+")?/g, (all, r: string) => (refs.has(r) ? `<c r="${r}"` : all))
        .replace(/<legacyDrawing [^>]*\/>/, '');
    expect(normalize(after)).toBe(normalize(before));
    expect(after.length).toBeGreaterThan(before.length);
  });

  test('ExcelJS finds every mark, every note, the clerk’s own notes and the added sheets', async () => {
    const wb = await readXlsx(copy);
    const ws = wb.getWorksheet('花名册')!;
    for (const m of marks) {
      const cell = ws.getCell(m.row, m.col);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[m.severity] } });
      expect(noteText(cell.note)).toContain(`${NOTE_HEADER}\n${m.lines.join('\n')}`);
    }
    expect(noteText(ws.getCell('L3').note)).toMatch(/^已电话催签\n\n【低保核查】\nDOC-01/);
    expect(noteText(ws.getCell('B6').note)).toBe('搬迁');
    expect(ws.getCell('C7').font).toMatchObject({ bold: true, color: { argb: 'FF0000FF' } });
    expect(noteText(wb.getWorksheet('说明')!.getCell('A2').note)).toBe('说明的批注');
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '花名册',
      '说明',
      '调整花名册',
      '抽查名单',
      '核查汇总',
      '公示名单',
      GENERATED_RECORD_SHEET,
      MARK_RECORD_SHEET,
    ]);
    expect(wb.getWorksheet(MARK_RECORD_SHEET)!.state).toBe('veryHidden');
    expect(wb.getWorksheet(GENERATED_RECORD_SHEET)!.state).toBe('veryHidden');
    expect(wb.getWorksheet('核查汇总')!.getCell('A1').value).toEqual(expect.stringContaining('核查'));
  });

  test('LibreOffice opens it: converts it to PDF, and its own .xlsx keeps every mark and note', async () => {
    const dir = tempDir();
    const input = join(dir, 'checked.xlsx');
    writeFileSync(input, copy);
    const out = join(dir, 'lo');
    mkdirSync(out);
    const soffice = (to: string) =>
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', out, input],
        {
          timeout: 180_000,
          stdio: 'ignore',
        },
      );
    soffice('pdf');
    expect(statSync(join(out, 'checked.pdf')).size).toBeGreaterThan(10_000);
    expect(readFileSync(join(out, 'checked.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    soffice('xlsx');
    expect(existsSync(join(out, 'checked.xlsx'))).toBe(true);
    const wb = await readXlsx(join(out, 'checked.xlsx'));
    const ws = wb.getWorksheet('花名册')!;
    for (const m of marks) {
      const cell = ws.getCell(m.row, m.col);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_FILLS[m.severity]);
      expect(noteText(cell.note)).toContain(m.lines[0]);
    }
    expect(noteText(ws.getCell('L3').note)).toMatch(/^已电话催签/);
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['调整花名册', '公示名单']));
  }, 400_000);

  test('clearing by patching gives back every cell of every sheet: value, fill and note', async () => {
    const cleared = await patchWorkbook(new XlsxPackage(copy, nodeCodec), { marks: [], sheets: [] });
    expect(cleared.cellsRestored).toBe(marks.length);
    const before = await readXlsx(original);
    const after = await readXlsx(cleared.bytes);
    for (const name of ['花名册', '说明']) {
      expect([...lookOf(after.getWorksheet(name)!)]).toEqual([...lookOf(before.getWorksheet(name)!)]);
    }
    expect(after.getWorksheet(MARK_RECORD_SHEET)).toBeUndefined();
    // The roster's own formats come back as they were: the cells point at their original format.
    const sheet = (await partsOf(cleared.bytes)).get('xl/worksheets/sheet1.xml')!.text;
    const orig = (await partsOf(original)).get('xl/worksheets/sheet1.xml')!.text;
    const styleOf = (xml: string, r: string) => new RegExp(`<c r="${r}"(?: s="(\\d+)")?`).exec(xml)?.[1] ?? '0';
    for (const m of marks.filter((x) => orig.includes(`<c r="${ref(x)}"`))) {
      expect(styleOf(sheet, ref(m))).toBe(styleOf(orig, ref(m)));
    }
  });

  test('a copy marked through ExcelJS clears by patching, and one marked by patching clears through ExcelJS', async () => {
    const fw = await FileWorkbook.load(original);
    await markResult(fw, (await runCheck(fw, POLICY)).result);
    const viaExcelJS = await fw.toBuffer();
    const cleared = await patchWorkbook(new XlsxPackage(viaExcelJS, nodeCodec), { marks: [], sheets: [] });
    const before = await readXlsx(original);
    const a = await readXlsx(cleared.bytes);
    expect([...lookOf(a.getWorksheet('花名册')!)]).toEqual([...lookOf(before.getWorksheet('花名册')!)]);

    const other = await FileWorkbook.load(copy);
    await other.clearMarks();
    const b = await readXlsx(await other.toBuffer());
    const looks = (ws: ExcelJS.Worksheet) =>
      [...lookOf(ws)].map(([k, v]) => [k, v.value, v.fill, noteText(JSON.parse(v.note || '""'))]);
    expect(looks(b.getWorksheet('花名册')!)).toEqual(looks(before.getWorksheet('花名册')!));
  });

  test('marking the marked copy again replaces the earlier marks (one record, no doubled notes)', async () => {
    const again = await marked(copy);
    const wb = await readXlsx(again.out.bytes);
    expect(wb.worksheets.filter((s) => s.name === MARK_RECORD_SHEET)).toHaveLength(1);
    // Our generated sheets are replaced in place of being doubled.
    expect(wb.worksheets.map((s) => s.name).filter((n) => !n.startsWith('_dibao'))).toEqual([
      '花名册',
      '说明',
      '调整花名册',
      '抽查名单',
      '核查汇总',
      '公示名单',
    ]);
    const ws = wb.getWorksheet('花名册')!;
    expect(noteText(ws.getCell('L3').note).split(NOTE_HEADER)).toHaveLength(2);
    const cleared = await patchWorkbook(new XlsxPackage(again.out.bytes, nodeCodec), { marks: [], sheets: [] });
    const before = await readXlsx(original);
    const after = await readXlsx(cleared.bytes);
    expect([...lookOf(after.getWorksheet('花名册')!)]).toEqual([...lookOf(before.getWorksheet('花名册')!)]);
  });
});
