import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { cellAt } from '../../src/domain/grid';
import { FileError, FileWorkbook } from '../../src/workbook/file/file';
import type { GeneratedSheet } from '../../src/workbook/output/generated';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER, type CellMark } from '../../src/workbook/host';
import {
  BLUE,
  CLERK_NOTE,
  DEFAULT_FONT,
  GREEN,
  RICH_NOTE,
  ROSTER_ID,
  TAKEN_NAME,
  loadRoster,
  reopen,
  rosterBytes,
  snapshot,
} from './fixture';
import { craftZip, oleBytes, workbookEntries } from './zip-bytes';

const mark = (row: number, col: number, severity: CellMark['severity'] = 'error', sheet = '花名册'): CellMark => ({
  sheet,
  row,
  col,
  severity,
  lines: [`DOC-01 第${row}行：入户调查表未签字`],
});

const argbOf = (fill: ExcelJS.Fill | undefined) => (fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined);

async function fileError(bytes: Uint8Array): Promise<FileError> {
  try {
    await FileWorkbook.load(bytes);
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  throw new Error('loaded without a FileError');
}

describe('reading a workbook into the grid', () => {
  let grid: Awaited<ReturnType<FileWorkbook['readWorkbook']>>;
  beforeAll(async () => {
    grid = await (await loadRoster()).readWorkbook();
  });
  const sheet = () => grid.sheets.find((s) => s.name === '花名册')!;
  const at = (a1: string) => {
    const col = a1.charCodeAt(0) - 65;
    return cellAt(sheet(), Number(a1.slice(1)) - 1, col);
  };

  it('reads every sheet in tab order, flags hidden ones', () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(['花名册', TAKEN_NAME, '参数']);
    expect(grid.sheets[2].hidden).toBe(true);
    expect(sheet().hidden).toBeUndefined();
  });

  it('keeps a merged title in its top-left cell and lists the merge', () => {
    expect(at('A1')).toEqual({ v: '城步苗族自治县儒林镇农村低保对象花名册', t: 'string' });
    expect(at('B1')).toBeUndefined();
    expect(sheet().merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
  });

  it('turns rich text and hyperlinks into their plain text', () => {
    expect(at('B3')).toEqual({ v: '张三', t: 'string' });
    expect(at('I3')).toEqual({ v: '档案', t: 'string' });
  });

  it('keeps IDs typed as text as text, and shows an ID typed as a number the way Excel does', () => {
    expect(at('C3')).toEqual({ v: ROSTER_ID, t: 'string' });
    expect(at('C4')).toMatchObject({ t: 'number', text: '4.30529E+17' });
  });

  it('keeps number formats and the displayed amount', () => {
    expect(at('D3')).toEqual({ v: 300.5, t: 'number', fmt: '0.00', text: '300.50' });
    expect(at('A3')).toEqual({ v: 1, t: 'number' });
  });

  it('reads date cells as UTC-midnight dates', () => {
    const d = at('E3')!;
    expect(d.t).toBe('date');
    expect((d.v as Date).toISOString()).toBe('2017-12-01T00:00:00.000Z');
    expect(d.fmt).toBe('yyyy-mm-dd');
  });

  it('reads formulas as their cached result, error results and error cells as errors', () => {
    expect(at('F3')).toEqual({ v: 601, t: 'number', formula: true });
    expect(at('F4')).toEqual({ v: '#REF!', t: 'error', formula: true });
    expect(at('G3')).toEqual({ v: '#N/A', t: 'error' });
    expect(at('F5')).toEqual({ v: 0, t: 'number', formula: true });
    expect(at('G5')).toEqual({ v: false, t: 'boolean', text: 'FALSE', formula: true });
  });

  it('reads booleans with the text Excel shows, and hidden rows', () => {
    expect(at('J3')).toEqual({ v: true, t: 'boolean', text: 'TRUE' });
    expect(sheet().hiddenRows).toEqual([4]);
  });

  it('has no holes between rows', () => {
    const s = grid.sheets.find((x) => x.name === TAKEN_NAME)!;
    expect(s.rows.every((r) => Array.isArray(r))).toBe(true);
  });
});

describe('marks', () => {
  it('fills the marked cells and only them, even where cells shared one style', async () => {
    const fw = await loadRoster();
    const ws = fw.workbook.getWorksheet('花名册')!;
    // The precondition that makes this test meaningful: ExcelJS shares loaded styles.
    expect(ws.getCell('B4').style).toBe(ws.getCell('B5').style);
    const out = await fw.mark([mark(4, 2, 'error'), mark(5, 3, 'warning')]);
    expect(out).toEqual({ cells: 2, notes: true });
    expect(argbOf(ws.getCell('B4').fill)).toBe(MARK_FILLS.error);
    expect(argbOf(ws.getCell('C5').fill)).toBe(MARK_FILLS.warning);
    expect(ws.getCell('B3').fill).toEqual(GREEN);
    expect(ws.getCell('B5').fill).toEqual(GREEN);
    const saved = (await reopen(fw)).workbook.getWorksheet('花名册')!;
    expect(saved.getCell('B3').fill).toEqual(GREEN);
    expect(saved.getCell('B5').fill).toEqual(GREEN);
    expect(argbOf(saved.getCell('B4').fill)).toBe(MARK_FILLS.error);
  });

  it('writes the reasons as a note and keeps a clerk note first', async () => {
    const fw = await loadRoster();
    await fw.mark([mark(3, 4), { ...mark(4, 2), lines: ['DOC-01 a', 'PROC-01 b'] }]);
    const ws = fw.workbook.getWorksheet('花名册')!;
    expect(ws.getCell('D3').note).toBe(`${NOTE_HEADER}\nDOC-01 第3行：入户调查表未签字`);
    expect(ws.getCell('B4').note).toBe(`${CLERK_NOTE}\n\n${NOTE_HEADER}\nDOC-01 a\nPROC-01 b`);
  });

  it('compares fonts against the real default font (guards the snapshot helper)', async () => {
    const ws = (await loadRoster()).workbook.getWorksheet('花名册')!;
    expect(ws.getCell('C4').font).toEqual(DEFAULT_FONT); // styled (gradient), no font of its own
  });

  it('never changes values, fonts, number formats or widths', async () => {
    const fw = await loadRoster();
    const ws = fw.workbook.getWorksheet('花名册')!;
    const before = snapshot(fw);
    await fw.mark([mark(3, 2), mark(3, 4), mark(4, 3), mark(7, 9)]);
    const after = snapshot(await reopen(fw));
    for (const [key, json] of Object.entries(before)) {
      const { value, font, numFmt } = JSON.parse(json);
      expect({ key, ...JSON.parse(after[key]), fill: undefined, note: undefined }).toEqual({
        key,
        value,
        font,
        numFmt,
        fill: undefined,
        note: undefined,
      });
    }
    expect(ws.getColumn(3).width).toBe(22);
  });

  it('mark → save → open → clear gives back every fill and note exactly, and only removes our text', async () => {
    const original = await loadRoster();
    const before = snapshot(original);
    const fw = await loadRoster();
    await fw.mark([mark(1, 1), mark(3, 2), mark(4, 2), mark(4, 3, 'warning'), mark(5, 3), mark(8, 10)]);
    const reopened = await reopen(fw);
    expect(reopened.workbook.getWorksheet(MARK_RECORD_SHEET)?.state).toBe('veryHidden');
    expect(await reopened.clearMarks()).toBe(6);
    expect(reopened.workbook.getWorksheet(MARK_RECORD_SHEET)).toBeUndefined();
    expect(snapshot(reopened)).toEqual(before);
    expect(snapshot(await reopen(reopened))).toEqual(before);
    const ws = reopened.workbook.getWorksheet('花名册')!;
    expect(ws.getCell('B4').note).toBe(CLERK_NOTE);
    expect(ws.getCell('C5').note).toEqual(expect.objectContaining({ texts: expect.any(Array) }));
    expect(ws.getCell('D3').note).toBeUndefined();
    expect(ws.getCell('A1').fill).toEqual(BLUE);
  });

  it('re-marking does not record our own fill as the original', async () => {
    const before = snapshot(await loadRoster());
    const fw = await loadRoster();
    await fw.mark([mark(3, 2, 'warning'), mark(4, 3)]);
    await fw.mark([mark(3, 2, 'error')]);
    const again = await reopen(fw);
    await again.mark([mark(3, 2, 'warning'), mark(5, 2)]);
    const last = await reopen(again);
    const ws = last.workbook.getWorksheet('花名册')!;
    expect(argbOf(ws.getCell('B3').fill)).toBe(MARK_FILLS.warning);
    expect(ws.getCell('C4').fill).toEqual(expect.objectContaining({ type: 'gradient' }));
    expect(ws.getCell('B3').note).toBe(`${NOTE_HEADER}\nDOC-01 第3行：入户调查表未签字`);
    await last.clearMarks();
    expect(snapshot(last)).toEqual(before);
  });

  it('leaves a fill the clerk changed after marking, and strips our part of a note they edited', async () => {
    const fw = await reopen(await loadRoster());
    await fw.mark([mark(3, 2), mark(3, 4)]);
    const ws = fw.workbook.getWorksheet('花名册')!;
    ws.getCell('D3').fill = BLUE;
    ws.getCell('B3').note = `已核实\n\n${ws.getCell('B3').note as string}`;
    await fw.clearMarks();
    expect(ws.getCell('D3').fill).toEqual(BLUE);
    expect(ws.getCell('B3').note).toBe('已核实');
    expect(ws.getCell('B3').fill).toEqual(GREEN);
  });

  it('keeps generated sheets when clearing', async () => {
    const fw = await loadRoster();
    await fw.mark([mark(3, 2)]);
    const name = await fw.addSheet(tinySheet('核查汇总'));
    const reopened = await reopen(fw);
    await reopened.clearMarks();
    expect(reopened.workbook.getWorksheet(name)).toBeDefined();
  });

  it('clearing a workbook without marks restores nothing', async () => {
    const fw = await loadRoster();
    expect(await fw.clearMarks()).toBe(0);
  });

  it('ignores marks on sheets that do not exist', async () => {
    const fw = await loadRoster();
    expect((await fw.mark([mark(3, 2, 'error', '没有这张表')])).cells).toBe(0);
  });

  it('hides the record sheet from the grid', async () => {
    const fw = await loadRoster();
    await fw.mark([mark(3, 2)]);
    const grid = await (await reopen(fw)).readWorkbook();
    expect(grid.sheets.map((s) => s.name)).not.toContain(MARK_RECORD_SHEET);
  });

  it('round-trips random fills and notes exactly (property)', async () => {
    const fillArb = fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: 0, max: 0xffffff }).map((n): ExcelJS.Fill => ({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FF' + n.toString(16).padStart(6, '0').toUpperCase() },
      })),
      fc.constant<ExcelJS.Fill>({
        type: 'pattern',
        pattern: 'darkGrid',
        fgColor: { argb: 'FF112233' },
        bgColor: { argb: 'FFFFFFFF' },
      }),
      fc.constant<ExcelJS.Fill>({ type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS.error } }),
    );
    const noteArb = fc.oneof(
      fc.constant(undefined),
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constant(RICH_NOTE),
    );
    const cellArb = fc.record({
      fill: fillArb,
      note: noteArb,
      value: fc.oneof(fc.constant(null), fc.string(), fc.integer()),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(cellArb, { minLength: 12, maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (cells, marked, twice) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('S');
          cells.forEach((c, i) => {
            const cell = ws.getCell(1 + Math.floor(i / 4), 1 + (i % 4));
            cell.value = c.value;
            if (c.fill) cell.fill = c.fill;
            if (c.note !== undefined) cell.note = c.note;
          });
          const fw = await FileWorkbook.load(new Uint8Array(await wb.xlsx.writeBuffer()));
          const before = snapshot(fw, 3, 4);
          const marks = marked.map((i) => mark(1 + Math.floor(i / 4), 1 + (i % 4), i % 2 ? 'error' : 'warning', 'S'));
          await fw.mark(marks);
          let saved = await reopen(fw);
          if (twice) {
            await saved.mark(marks.slice(0, 1));
            saved = await reopen(saved);
          }
          await saved.clearMarks();
          expect(snapshot(await reopen(saved), 3, 4)).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });
});

function tinySheet(name: string, body: GeneratedSheet['body'] = [[1, 'a']]): GeneratedSheet {
  return {
    name,
    title: '标题',
    subtitle: ['副标题'],
    columns: [
      { header: '序号', width: 6 },
      { header: '名称', width: 20 },
    ],
    body,
    footer: ['制表人：'],
    landscape: false,
  };
}

describe('adding a generated sheet', () => {
  const sheet: GeneratedSheet = {
    name: TAKEN_NAME,
    title: '城步苗族自治县儒林镇农村低保调整花名册',
    subtitle: ['填报单位（盖章）：儒林镇人民政府', '填报日期：2018年1月15日'],
    columns: [
      { header: '序号', width: 6 },
      { header: '户主姓名', width: 10 },
      { header: '身份证号码', width: 21, asText: true },
      { header: '调整后月保障金（元）', width: 12, numFmt: '0.00' },
      { header: '调整原因', width: 30 },
    ],
    body: [
      [1, '=SUM(A1)', ROSTER_ID, 300, '+86 电话'],
      [2, '-5', 430529198001011200, 12.5, '@x'],
    ],
    totals: ['合计', null, null, 312.5, null],
    footer: ['制表人：　　审核人：'],
    landscape: true,
  };

  it('never replaces a sheet: a taken name gets (2), (3), compared case-insensitively', async () => {
    const fw = await loadRoster();
    expect(await fw.addSheet(sheet)).toBe('调整花名册(2)');
    expect(await fw.addSheet(sheet)).toBe('调整花名册(3)');
    expect(fw.workbook.getWorksheet(TAKEN_NAME)!.getCell('A1').value).toBe('镇里自己做的表');
    await fw.addSheet(tinySheet('Summary'));
    expect(await fw.addSheet(tinySheet('SUMMARY'))).toBe('SUMMARY(2)');
    expect(await fw.addSheet(tinySheet('a/b[c]:d*e?f\\g'))).toBe('abcdefg');
    const long = await fw.addSheet(tinySheet('核'.repeat(40)));
    expect(long).toHaveLength(31);
    expect(await fw.addSheet(tinySheet('核'.repeat(40)))).toBe('核'.repeat(28) + '(2)');
    // An emoji is two UTF-16 units: never cut in half (a lone surrogate would corrupt the file).
    const emoji = await fw.addSheet(tinySheet('核'.repeat(30) + '😀'));
    expect(emoji).toBe('核'.repeat(30));
    const reopened = await reopen(fw);
    expect(reopened.workbook.worksheets.map((w) => w.name)).toContain(emoji);
  });

  it('writes IDs as text and formula-looking text as plain strings', async () => {
    const fw = await loadRoster();
    const name = await fw.addSheet(sheet);
    const ws = (await reopen(fw)).workbook.getWorksheet(name)!;
    const body = 5; // title, two subtitle lines, header
    expect(ws.getCell(body, 3).value).toBe(ROSTER_ID);
    expect(ws.getCell(body, 3).numFmt).toBe('@');
    expect(ws.getCell(body + 1, 3).value).toBe('430529198001011200');
    for (const [r, c, text] of [
      [body, 2, '=SUM(A1)'],
      [body, 5, '+86 电话'],
      [body + 1, 2, '-5'],
      [body + 1, 5, '@x'],
    ] as const) {
      expect(ws.getCell(r, c).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(r, c).value).toBe(text);
    }
    expect(ws.getCell(body, 4).numFmt).toBe('0.00');
  });

  it('lays out title, subtitle, bordered header, bold totals and footer', async () => {
    const fw = await loadRoster();
    const name = await fw.addSheet(sheet);
    const ws = (await reopen(fw)).workbook.getWorksheet(name)!;
    expect(ws.getCell('A1').value).toBe(sheet.title);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('E1').isMerged).toBe(true);
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：儒林镇人民政府');
    expect(ws.getCell('E3').isMerged).toBe(true);
    expect(ws.getCell('C4').value).toBe('身份证号码');
    expect(ws.getCell('C4').font).toMatchObject({ bold: true });
    expect(ws.getCell('C4').border?.top?.style).toBe('thin');
    expect(ws.getCell('C5').border?.left?.style).toBe('thin');
    expect(ws.getCell('A7').value).toBe('合计');
    expect(ws.getCell('D7').font).toMatchObject({ bold: true });
    expect(ws.getCell('A9').value).toBe('制表人：　　审核人：');
    expect(ws.getCell('E9').isMerged).toBe(true);
    expect(ws.getColumn(3).width).toBe(21);
  });

  it('prints on A4 landscape, one page wide, header row repeated', async () => {
    const fw = await loadRoster();
    const name = await fw.addSheet(sheet);
    const setup = (await reopen(fw)).workbook.getWorksheet(name)!.pageSetup;
    expect(setup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(setup.printTitlesRow).toBe('4:4');
  });
});

describe('refusing files that are not a usable .xlsx', () => {
  it('an old .xls', async () => {
    const e = await fileError(oleBytes(false));
    expect(e.code).toBe('not-xlsx');
    expect(e.zh).toBe('这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试');
    expect(e.message).toContain('.xls');
  });

  it('a password-protected workbook', async () => {
    expect((await fileError(oleBytes(true))).code).toBe('encrypted');
  });

  it('a CSV renamed to .xlsx', async () => {
    const e = await fileError(new Uint8Array(Buffer.from('序号,户主姓名,身份证号码\n1,张三,430529198001011237\n')));
    expect(e.code).toBe('not-xlsx');
    expect(e.zh).toContain('CSV');
    expect(e.message).not.toContain('430529');
  });

  it('an empty file', async () => {
    expect((await fileError(new Uint8Array(0))).code).toBe('empty');
  });

  it('a truncated download', async () => {
    const bytes = await rosterBytes();
    expect((await fileError(bytes.subarray(0, Math.floor(bytes.length / 2)))).code).toBe('corrupt');
  });

  it('a zip that is not a workbook', async () => {
    const e = await fileError(craftZip([{ name: 'word/document.xml', stored: new Uint8Array(10), claimedSize: 10 }]));
    expect(e.code).toBe('not-xlsx');
  });

  it('an OpenDocument spreadsheet (WPS / LibreOffice .ods)', async () => {
    const e = await fileError(
      craftZip([
        {
          name: 'mimetype',
          stored: new Uint8Array(Buffer.from('application/vnd.oasis.opendocument.spreadsheet')),
          claimedSize: 46,
        },
        { name: 'content.xml', stored: new Uint8Array(10), claimedSize: 10 },
      ]),
    );
    expect(e.code).toBe('not-xlsx');
    expect(e.zh).toContain('.ods');
  });

  it('a zip whose directory claims more than the limit, before expanding anything', async () => {
    const e = await fileError(craftZip(workbookEntries(0xfff00000)));
    expect(e.code).toBe('too-large');
    expect(e.zh).toContain('1.5 GB');
  });

  it('a zip64 directory claiming terabytes', async () => {
    expect((await fileError(craftZip(workbookEntries(2 ** 40)))).code).toBe('too-large');
  });

  it('a part that expands more than 200 times', async () => {
    expect((await fileError(craftZip(workbookEntries(300 * 1024 * 1024, 1024 * 1024)))).code).toBe('too-large');
  });

  it('the limit can be lowered', async () => {
    const saved = FileWorkbook.limits;
    FileWorkbook.limits = { ...saved, maxTotalBytes: 1000 };
    try {
      expect((await fileError(await rosterBytes())).code).toBe('too-large');
    } finally {
      FileWorkbook.limits = saved;
    }
  });

  it('a real workbook passes', async () => {
    await expect(FileWorkbook.load(await rosterBytes())).resolves.toBeInstanceOf(FileWorkbook);
  });
});
