/**
 * The Excel double as strict as Microsoft's documentation and the office-js issue reports (#16),
 * and the Office host inside it. Each strictness below made the host of before fail: deleting the
 * very hidden record, more than 512 merged areas, address lists cut at 8,192 characters, requests
 * counted as office.js builds them, no fill reported like white, one annotation per cell.
 */
import { describe, expect, test } from '@jest/globals';
import { MARK_FILLS, NOTE_HEADER, type CellMark } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { BookState, type Rect } from '../support/excel-double-book';
import { ADDRESS_LIMIT, ExcelDouble, PAYLOAD_LIMIT, type ExcelApiVersion } from '../support/excel-double';
import { LARGE, largeSpec } from '../support/host-contract';

const hostOf = (d: ExcelDouble) => new OfficeHost({ run: d.run, isSetSupported: d.isSetSupported });

/** A sheet of `rows` × 4 cells of text; `name` as given. */
function sheetDouble(rows: number, api: ExcelApiVersion = '1.18', name = 'S'): ExcelDouble {
  const book = new BookState();
  const s = book.add(name);
  s.values[0] = ['序号', '村', '户主姓名', '备注'];
  for (let r = 1; r <= rows; r++) s.values[r] = [r, `村${r}`, `户主${r}`, '无'];
  return new ExcelDouble(book, api);
}

const verticalMerges = (n: number, col = 1): Rect[] =>
  Array.from({ length: n }, (_, i) => ({ r0: 1 + i * 2, c0: col, rows: 2, cols: 1 }));

const mark = (sheet: string, row: number, col: number, line = 'DOC-01 入户调查表未签字'): CellMark => ({
  sheet,
  row,
  col,
  severity: 'error',
  lines: [line],
});

describe('the double keeps to the documentation', () => {
  test('getMergedAreasOrNullObject fails when the range holds more than 512 merged areas', async () => {
    const d = sheetDouble(1100);
    d.sheet('S').merges.push(...verticalMerges(513));
    await expect(
      d.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:D1100').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toThrow(/more than 512/);
    const ok = await d.run(async (ctx) => {
      const a = ctx.workbook.worksheets
        .getItem('S')
        .getRange('A1:D1000')
        .getMergedAreasOrNullObject()
        .load('areaCount');
      await ctx.sync();
      return a.areaCount;
    });
    expect(ok).toBe(500);
  });

  test('an address list over 8,192 characters comes back cut after the last whole area; `areas` has every one', async () => {
    const d = sheetDouble(1000, '1.18', '二〇二四年第三季度农村低保花名册');
    d.sheet('二〇二四年第三季度农村低保花名册').merges.push(...verticalMerges(450));
    const { address, count, areas } = await d.run(async (ctx) => {
      const merged = ctx.workbook.worksheets
        .getItem('二〇二四年第三季度农村低保花名册')
        .getRange('A1:D1000')
        .getMergedAreasOrNullObject()
        .load('address,areaCount');
      const items = merged.areas.load('items/rowIndex');
      await ctx.sync();
      return { address: merged.address, count: merged.areaCount, areas: items.items.length };
    });
    expect(address.length).toBeLessThanOrEqual(ADDRESS_LIMIT);
    expect(address.split(',').length).toBeLessThan(450);
    expect(address.endsWith('!B900:B901')).toBe(false);
    expect([count, areas]).toEqual([450, 450]);
  });

  test('a whole-row merge is written "3:3"', async () => {
    const d = sheetDouble(10);
    d.sheet('S').merges.push({ r0: 2, c0: 0, rows: 1, cols: 16384 });
    const address = await d.run(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('S').getRange('A1:D10').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      return m.address;
    });
    expect(address).toBe('S!3:3');
  });

  test('a request is counted as office.js builds it: a note costs two object paths and two actions', async () => {
    const d = sheetDouble(100);
    await d.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      for (let r = 1; r <= 100; r++) ws.notes.add(ws.getRange(`D${r}`), '复核');
      await ctx.sync();
    });
    // "复核" is 6 bytes; each note travels as ~300 (paths and actions of office.js's request JSON).
    const perNote = d.stats.requestBytes[0] / 100;
    expect(perNote).toBeGreaterThan(250);
    expect(perNote).toBeLessThan(450);
  });

  test('no fill and a white fill both answer pattern null; tintAndShade is null only for no fill', async () => {
    const d = sheetDouble(3);
    d.sheet('S').setFill(1, 0, { color: '#FFFFFF', pattern: 'Solid' });
    d.sheet('S').setFill(2, 0, { color: '#FF0000', pattern: 'Solid' });
    const answers = await d.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const fills = ['A1', 'A2', 'A3'].map((a) => ws.getRange(a).format.fill.load('color,pattern,tintAndShade'));
      await ctx.sync();
      return fills.map((f) => [f.color, f.pattern, f.tintAndShade]);
    });
    expect(answers).toEqual([
      ['#FFFFFF', null, null],
      ['#FFFFFF', null, 0],
      ['#FF0000', 'Solid', 0],
    ]);
  });

  test('a cell holds one annotation: a note where a comment thread is, or a comment where a note is, is refused', async () => {
    const d = sheetDouble(3);
    d.sheet('S').comments.set('B2', '请核实');
    d.sheet('S').notes.set('C2', '已搬迁');
    const add = (kind: 'notes' | 'comments', cell: string) =>
      d.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws[kind].add(ws.getRange(cell), '复核');
        await ctx.sync();
      });
    await expect(add('notes', 'B2')).rejects.toThrow(/InvalidOperation/);
    await expect(add('comments', 'C2')).rejects.toThrow(/InvalidOperation/);
    await add('notes', 'D2');
    expect(d.sheet('S').notes.get('D2')).toBe('复核');
  });

  test('a function command still running after 5 minutes is ended by Excel', async () => {
    const d = sheetDouble(3);
    d.latency = { perSyncMs: 60_000, perMBMs: 0 };
    d.startCommand();
    await expect(
      d.run(async (ctx) => {
        for (let i = 0; i < 7; i++) await ctx.sync();
      }),
    ).rejects.toThrow(/5 minutes/);
    expect(d.killed).toBe(true);
  });
});

describe('the Office host inside the stricter double', () => {
  test('a sheet with more than 512 merged areas is read whole, whole-row merges cut to the used range', async () => {
    const d = sheetDouble(1500, '1.13');
    d.sheet('S').merges.push({ r0: 0, c0: 0, rows: 1, cols: 16384 }, ...verticalMerges(700));
    const grid = await hostOf(d).readWorkbook();
    const merges = grid.sheets[0].merges ?? [];
    expect(merges).toHaveLength(701);
    expect(merges[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 3 });
    expect(merges.at(-1)).toEqual({ top: 1399, left: 1, bottom: 1400, right: 1 });
    expect(grid.sheets[0].rows[1500][2]?.v).toBe('户主1500');
  });

  test('merged areas whose address list comes back cut short are read area by area', async () => {
    const name = '二〇二四年第三季度农村低保花名册';
    const d = sheetDouble(1000, '1.13', name);
    d.sheet(name).merges.push(...verticalMerges(450));
    const grid = await hostOf(d).readWorkbook();
    expect(grid.sheets[0].merges).toHaveLength(450);
  });

  test('white, patterned and gradient fills come back as they were; no fill stays no fill', async () => {
    const d = sheetDouble(5, '1.9');
    const s = d.sheet('S');
    s.setFill(1, 2, { color: '#FFFFFF', pattern: 'Solid' });
    s.setFill(2, 2, { color: '#FFFF00', pattern: 'Gray50', patternColor: '#0000FF' });
    s.setFill(3, 2, { color: '#00B050', pattern: 'LinearGradient' });
    const marks = [2, 3, 4, 5].map((row) => mark('S', row, 3));
    await hostOf(d).mark(marks);
    expect(s.fill(1, 2)).toEqual({ color: `#${MARK_FILLS.error.slice(2)}`, pattern: 'Solid' });
    // A gradient cannot be set again through Office.js: it is never painted over.
    expect(s.fill(3, 2)).toEqual({ color: '#00B050', pattern: 'LinearGradient' });
    await hostOf(d).clearMarks();
    expect([1, 2, 3, 4].map((r) => s.fill(r, 2))).toEqual([
      { color: '#FFFFFF', pattern: 'Solid' },
      { color: '#FFFF00', pattern: 'Gray50', patternColor: '#0000FF' },
      { color: '#00B050', pattern: 'LinearGradient' },
      undefined,
    ]);
  });

  test("ExcelApi 1.18: a cell with the clerk's comment thread keeps it and gets no note", async () => {
    const d = sheetDouble(5, '1.18');
    d.sheet('S').comments.set('C3', '请村里核实');
    const outcome = await hostOf(d).mark([mark('S', 3, 3), mark('S', 4, 3)]);
    expect(outcome).toEqual({ cells: 2, notes: true });
    expect(d.sheet('S').comments.get('C3')).toBe('请村里核实');
    expect(d.sheet('S').notes.has('C3')).toBe(false);
    expect(d.sheet('S').notes.get('C4')).toMatch(new RegExp(`^${NOTE_HEADER}`));
    await hostOf(d).clearMarks();
    expect([...d.sheet('S').notes.keys()]).toEqual([]);
    expect(d.sheet('S').comments.get('C3')).toBe('请村里核实');
  });

  test("ExcelApi 1.10: cells with the clerk's notes (unseen there) get no comment; every other cell does", async () => {
    const d = sheetDouble(200, '1.10');
    for (const r of [5, 6, 50, 120]) d.sheet('S').notes.set(`C${r}`, `第${r}行已核实`);
    const marks = Array.from({ length: 150 }, (_, i) => mark('S', i + 2, 3));
    await hostOf(d).mark(marks);
    const comments = d.sheet('S').comments;
    expect(comments.size).toBe(146);
    for (const r of [5, 6, 50, 120]) {
      expect(comments.has(`C${r}`)).toBe(false);
      expect(d.sheet('S').notes.get(`C${r}`)).toBe(`第${r}行已核实`);
    }
    expect(await hostOf(d).clearMarks()).toBe(150);
    expect(comments.size).toBe(0);
    expect(d.sheet('S').notes.size).toBe(4);
  });

  test('20,000 short notes: no request over 5 MB as office.js counts it', async () => {
    const d = sheetDouble(20_000, '1.18');
    const marks = Array.from({ length: 20_000 }, (_, i) => mark('S', i + 2, 3, `DOC-0${i % 9}`));
    await hostOf(d).mark(marks);
    expect(d.sheet('S').notes.size).toBe(20_000);
    expect(d.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  }, 120_000);

  test("clearing among 12,000 of the clerk's long notes reads them in pages, no answer over 5 MB", async () => {
    const d = sheetDouble(12_000, '1.18');
    const long = '户主已搬迁至县城，村委会已上门核实，待乡镇复核后再作调整。'.repeat(10);
    for (let r = 2; r <= 12_001; r++) d.sheet('S').notes.set(`D${r}`, `${r}：${long}`);
    await hostOf(d).mark([mark('S', 2, 3), mark('S', 3, 4)]);
    d.resetStats();
    expect(await hostOf(d).clearMarks()).toBe(2);
    expect(d.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(d.stats.refused).toEqual([]);
    expect(d.sheet('S').notes.get('D3')).toBe(`3：${long}`);
    expect(d.sheet('S').notes.size).toBe(12_000);
  }, 120_000);
});

describe('the township roster (600 merged villages, 5,000 notes): syncs and bytes on the wire', () => {
  const rows: string[] = [];
  afterAll(() => console.log(rows.join('\n')));
  const marks = (shift: number): CellMark[] => {
    const out: CellMark[] = [];
    for (let h = shift; h < LARGE.households; h += 3) {
      out.push(mark('花名册', LARGE.firstRow + h, 3, `DOC-01 入户调查表未签字（${h}）`));
      if (h % 2 === 0) out.push({ ...mark('花名册', LARGE.firstRow + h, h % 20 === 0 ? 7 : 5), severity: 'warning' });
    }
    return out;
  };
  const MB = (n: number) => (n / 1e6).toFixed(2);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  for (const api of ['1.9', '1.10', '1.13', '1.18'] as const) {
    test(`ExcelApi ${api}: no request or answer over 5 MB in read, mark, mark again, clear, clear after reopening`, async () => {
      let d = ExcelDouble.fromSpec(largeSpec(), api);
      const step = async (label: string, work: (h: OfficeHost) => Promise<unknown>) => {
        d.resetStats();
        await work(hostOf(d));
        rows.push(
          `| ${api} | ${label} | ${d.syncs} | ${d.totalOps} | ${MB(d.maxRequestBytes)} | ${MB(d.maxResponseBytes)} | ` +
            `${MB(sum(d.stats.requestBytes))} | ${MB(sum(d.stats.responseBytes))} |`,
        );
        expect(d.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
        expect(d.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      };
      await step('read', (h) => h.readWorkbook());
      await step(`mark ${marks(0).length} cells`, (h) => h.mark(marks(0)));
      await step(`mark again ${marks(1).length}`, (h) => h.mark(marks(1)));
      await step('clear', (h) => h.clearMarks());
      d = d.reopen();
      await step('clear after reopening', (h) => h.clearMarks());
    }, 120_000);
  }
});
