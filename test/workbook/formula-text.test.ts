/**
 * #13: text that looks like a formula — "=…", "+…", "-…", "@…" after spaces, a tab or a line break,
 * or starting with full-width ＝＋－＠ — is written into every text cell of a generated sheet
 * (title, subtitle, header, body, 合计, footer) exactly as typed, as text, never a formula, by every
 * writer: ExcelJS, the package patcher, the Office host and the WPS host.
 */
import ExcelJS from 'exceljs';
import { parsePolicy } from '../../src/domain/policy';
import { sampleSheet } from '../../src/workbook/output/sheets';
import { check, cleanRow, workbook } from '../support/roster';
import type { GeneratedSheet } from '../../src/workbook/output/generated';
import { FileWorkbook } from '../../src/workbook/file/file';
import { OfficeHost } from '../../src/workbook/office/office';
import { sheetLayout } from '../../src/workbook/output/sheet-layout';
import { WpsHost } from '../../src/workbook/wps/wps';
import { nodeCodec } from '../../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../../src/workbook/xlsx/patch';
import { ExcelDouble } from '../support/excel-double';
import { WpsDouble } from '../support/wps-double';
import { etOf } from '../support/wps-under-test';

const HOSTILE = [
  '=1+1',
  ' =1+1',
  '\t=SUM(A1:A2)',
  '\n=HYPERLINK("x")',
  '\u3000=cmd',
  '＝1+1',
  '＋86',
  '－5',
  '＠SUM(A1)',
  '+86 138',
  '-5',
  '@x',
];

const sheet: GeneratedSheet = {
  name: '公示名单',
  title: HOSTILE[0],
  subtitle: [HOSTILE[1]],
  columns: [
    { header: HOSTILE[2], width: 12 },
    { header: '户主姓名', width: 14 },
    { header: '身份证号码', width: 22, asText: true },
  ],
  body: [
    [HOSTILE[3], HOSTILE[4], HOSTILE[5]],
    [HOSTILE[6], HOSTILE[7], HOSTILE[8]],
  ],
  totals: [HOSTILE[9], HOSTILE[10], null],
  footer: [HOSTILE[11]],
  landscape: false,
};

/** Every text cell the layout writes: [row, col, text]. */
const expected = sheetLayout(sheet).rows.flatMap((r) =>
  r.cells.filter((c) => typeof c.value === 'string').map((c) => [r.row, c.col, c.value as string] as const),
);

test('the sheet carries every hostile string', () => {
  expect(expected.map((e) => e[2]).sort()).toEqual([...HOSTILE, '户主姓名', '身份证号码'].sort());
});

async function expectTextIn(bytes: Uint8Array): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('公示名单')!;
  for (const [r, c, text] of expected) {
    const cell = ws.getCell(r, c);
    expect([r, c, cell.type, cell.value]).toEqual([r, c, ExcelJS.ValueType.String, text]);
    expect(cell.numFmt).toBe('@');
  }
}

test('ExcelJS writer: string values with format @, exactly as typed', async () => {
  const book = FileWorkbook.create();
  await book.addSheet(sheet);
  await expectTextIn(await book.toBuffer());
});

test('package patcher: inline strings, no <f>, exactly as typed', async () => {
  const base = FileWorkbook.create();
  base.workbook.addWorksheet('说明').getCell('A1').value = '说明';
  const { bytes } = await patchWorkbook(new XlsxPackage(await base.toBuffer(), nodeCodec), {
    marks: [],
    sheets: [sheet],
  });
  await expectTextIn(bytes);
  const pkg = new XlsxPackage(bytes, nodeCodec);
  for (const part of pkg.parts.filter((p) => p.name.startsWith('xl/worksheets/sheet'))) {
    expect(await pkg.text(part)).not.toContain('<f>');
  }
});

test('Office host: format @ before the value; no formula, exactly as typed', async () => {
  const double = ExcelDouble.fromSpec({ sheets: [{ name: '说明', rows: [[{ v: '说明' }]] }] });
  const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
  await host.addSheet(sheet);
  const s = double.book.live().find((x) => x.name === '公示名单')!;
  for (const [r, c, text] of expected) {
    expect([r, c, s.values[r - 1]?.[c - 1], s.formula(r - 1, c - 1)]).toEqual([r, c, text, undefined]);
    expect(s.formats.get((r - 1) * 16384 + (c - 1))).toBe('@');
  }
});

test('WPS host: format @ before the value; no formula, exactly as typed', async () => {
  const double = new WpsDouble(ExcelDouble.fromSpec({ sheets: [{ name: '说明', rows: [[{ v: '说明' }]] }] }).book);
  await new WpsHost(etOf(double)).addSheet(sheet);
  const s = double.book.live().find((x) => x.name === '公示名单')!;
  for (const [r, c, text] of expected) {
    expect([r, c, s.values[r - 1]?.[c - 1], s.formula(r - 1, c - 1)]).toEqual([r, c, text, undefined]);
    expect(s.formats.get((r - 1) * 16384 + (c - 1))).toBe('@');
  }
});

describe('from the roster to the generated sheets', () => {
  test('a name, village and ID typed formula-like reach the 抽查名单 exactly as typed', () => {
    const typed = { 村: '\u3000＝cmd', 户主姓名: ' =1+1', 身份证号码: '＝HYPERLINK("x")' };
    const result = check(workbook([cleanRow(typed)]), { sampleRate: 1 });
    const sample = sampleSheet(result, parsePolicy({ township: '儒林镇', sampleRate: 1 }));
    expect(sample.body[0].slice(1, 4)).toEqual([typed.村, typed.户主姓名, typed.身份证号码]);
  });
});
