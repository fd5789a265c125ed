/**
 * What the WPS host must get right beyond the shared contract: the ET object model's own rules
 * (which the double enforces), workbooks marked in Excel clearing in WPS and back, and the number
 * of calls into WPS staying near the number of address chunks, not of cells.
 */
import { describe, expect, it } from '@jest/globals';
import { MARK_FILLS, MARK_RECORD_SHEET, type CellMark } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { WpsHost } from '../../src/workbook/wps/wps';
import { bgrOf, hexOf } from '../../src/workbook/wps/et';
import { ExcelDouble } from '../support/excel-double';
import { BookState } from '../support/excel-double-book';
import { CONTRACT_SPEC, GENERATED, GREEN, MARKS, BLUE, TAKEN } from '../support/host-contract';
import { WpsDouble } from '../support/wps-double';
import { etOf, makeWpsHost } from '../support/wps-under-test';

const ROSTER = CONTRACT_SPEC.sheets[0].name;

describe('the WPS double keeps the ET object model', () => {
  const app = () => new WpsDouble(ExcelDouble.fromSpec(CONTRACT_SPEC).book).Application as never as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('counts collections from 1', () => {
    const sheets = app().ActiveWorkbook.Worksheets;
    expect(sheets.Item(1).Name).toBe(ROSTER);
    expect(() => sheets.Item(0)).toThrow(/count from 1/);
    expect(() => sheets.Item(sheets.Count + 1)).toThrow(/count from 1/);
  });

  it('answers Value2 as a scalar for one cell and rows of values for a block', () => {
    const ws = app().ActiveWorkbook.Worksheets.Item(1);
    expect(ws.Range('B3').Value2).toBe('张三');
    expect(ws.Range('A3:B4').Value2).toEqual([
      [1, '张三'],
      [2, '李四'],
    ]);
    expect(() => (ws.Range('A3:B4').Value2 = [[1, 2]])).toThrow(/shape/);
  });

  it('takes BGR integers and pattern constants, refuses "#RRGGBB" and long addresses', () => {
    const ws = app().ActiveWorkbook.Worksheets.Item(1);
    expect(ws.Range('B3').Interior.Color).toBe(bgrOf('#00B050'));
    expect(ws.Range('A3').Interior.Pattern).toBe(-4142);
    expect(() => (ws.Range('A3').Interior.Color = '#FF0000')).toThrow(/BGR/);
    expect(() => (ws.Range('A3').Interior.Pattern = 99)).toThrow(/Pattern/);
    const long = Array.from({ length: 80 }, (_, i) => `A${i + 1}`).join(',');
    expect(long.length).toBeGreaterThan(255);
    expect(() => ws.Range(long)).toThrow(/255/);
  });
});

describe('WPS host', () => {
  it('converts colours between BGR and #RRGGBB both ways', () => {
    expect(bgrOf('#FFC7CE')).toBe(0xcec7ff);
    expect(hexOf(0xcec7ff)).toBe('#FFC7CE');
  });

  it('clears in WPS what Excel marked, and in Excel what WPS marked', async () => {
    const excel = ExcelDouble.fromSpec(CONTRACT_SPEC);
    await new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported }).mark(MARKS);
    const wps = new WpsDouble(BookState.open(excel.book.save()));
    expect(await new WpsHost(etOf(wps)).clearMarks()).toBe(3);
    const sheet = wps.book.get(ROSTER);
    expect(sheet.fill(2, 1)).toEqual({ color: `#${GREEN.slice(2)}`, pattern: 'Solid' });
    expect(sheet.fill(4, 2)).toEqual({ color: `#${BLUE.slice(2)}`, pattern: 'Solid' });
    expect(sheet.notes.has('B3')).toBe(false);

    const wps2 = new WpsDouble(ExcelDouble.fromSpec(CONTRACT_SPEC).book);
    await new WpsHost(etOf(wps2)).mark(MARKS);
    expect(wps2.book.get(ROSTER).fill(2, 1)?.color).toBe(`#${MARK_FILLS.error.slice(2)}`);
    const back = new ExcelDouble(BookState.open(wps2.book.save()), '1.18');
    expect(await new OfficeHost({ run: back.run, isSetSupported: back.isSetSupported }).clearMarks()).toBe(3);
    expect(back.sheet(ROSTER).fill(2, 1)).toEqual({ color: `#${GREEN.slice(2)}`, pattern: 'Solid' });
    expect(back.book.find(MARK_RECORD_SHEET)).toBeUndefined();
  });

  it('gives back a white fill as white, a pattern as that pattern, and no fill as none', async () => {
    const h = await makeWpsHost(CONTRACT_SPEC);
    const { double } = h as Awaited<ReturnType<typeof makeWpsHost>> & { double: WpsDouble };
    const sheet = double.book.get(ROSTER);
    sheet.setFill(2, 0, { color: '#FFFFFF', pattern: 'Solid' });
    sheet.setFill(3, 0, { color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000' });
    const marks: CellMark[] = [3, 4, 5].map((row) => ({ sheet: ROSTER, row, col: 1, severity: 'error', lines: ['x'] }));
    await h.host.mark(marks);
    expect([2, 3, 4].map((r) => sheet.fill(r, 0)?.color)).toEqual(Array(3).fill(`#${MARK_FILLS.error.slice(2)}`));
    const reopened = await h.reopen();
    await reopened.host.clearMarks();
    const after = (await reopened.reopen()) as Awaited<ReturnType<typeof makeWpsHost>> & { double: WpsDouble };
    const s2 = after.double.book.get(ROSTER);
    expect(s2.fill(2, 0)).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(s2.fill(3, 0)).toEqual({ color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000' });
    expect(s2.fill(4, 0)).toBeUndefined();
  });

  it('marks 2,000 scattered cells in address chunks of at most 255 characters, with few calls per cell', async () => {
    const book = new BookState();
    const s = book.add('花名册');
    s.values[0] = ['户主姓名', '身份证号码'];
    for (let r = 1; r <= 20_000; r++) s.values[r] = [`户主${r}`, `43052919800101${String(r).padStart(4, '0')}`];
    const double = new WpsDouble(book);
    const host = new WpsHost(etOf(double));
    const marks: CellMark[] = [];
    for (let r = 2; r <= 20_001; r += 10)
      marks.push({ sheet: '花名册', row: r, col: 2, severity: r % 20 === 2 ? 'error' : 'warning', lines: ['ID-02 x'] });
    double.resetCalls();
    await host.mark(marks);
    // Two calls per note (Range, AddComment) are the floor; fills and the record cost a few more.
    const fillCalls = double.calls - 2 * marks.length;
    expect(double.kinds['Worksheet.Range()']).toBeGreaterThan(2000);
    expect(fillCalls).toBeLessThan(marks.length / 10);
    expect(double.kinds['Application.Union()']).toBeGreaterThan(0);
    expect(s.fill(1, 1)?.color).toBe(`#${MARK_FILLS.error.slice(2)}`);
    expect(s.fill(11, 1)?.color).toBe(`#${MARK_FILLS.warning.slice(2)}`);
    double.resetCalls();
    expect(await host.clearMarks()).toBe(2000);
    expect(s.fill(1, 1)).toBeUndefined();
    expect(s.notes.size).toBe(0);
    // Removing a note costs three calls (Item, Text, Delete): no bulk call for notes either.
    expect(double.calls).toBeLessThan(3 * 2000 + 400);
  });

  it("generating a kind again replaces our earlier sheet, never the clerk's", async () => {
    const h = await makeWpsHost(CONTRACT_SPEC);
    const sheet = { ...GENERATED, kind: 'adjustments' };
    const first = await h.host.addSheet(sheet);
    const again = await (await h.reopen()).host.addSheet(sheet);
    expect(first).toBe(`${TAKEN}(2)`);
    expect(again).toBe(first);
  });

  it('says so in Chinese and English when no workbook is open', async () => {
    const double = new WpsDouble(new BookState());
    await expect(new WpsHost(etOf(double)).readWorkbook()).rejects.toMatchObject({
      zh: expect.stringContaining('没有打开的工作簿'),
    });
  });
});
