import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../src/domain/grid';
import { parsePolicy } from '../../src/domain/policy';
import { RosterError } from '../../src/domain/engine';
import { addGeneratedSheet, buildSheet, markResult, runCheck, SHEET_KINDS } from '../../src/workbook/actions';
import { FileWorkbook } from '../../src/workbook/file/file';
import type { GeneratedSheet } from '../../src/workbook/output/generated';
import { MARK_FILLS, NOTE_HEADER, type CellMark, type ProgressEvent, type WorkbookHost } from '../../src/workbook/host';
import { marksFromResult } from '../../src/workbook/output/marks';
import { adjustmentSheet, publicitySheet, sampleSheet, summarySheet } from '../../src/workbook/output/sheets';
import { cleanRow, HEADERS, rosterSheet, rowOf } from '../support/roster';
import { snapshot } from './fixture';
import { policy, result } from './result-fixture';

/** Records what the actions ask of a host. */
class FakeHost implements WorkbookHost {
  marks: CellMark[] = [];
  sheets: GeneratedSheet[] = [];
  constructor(private readonly grid: WorkbookGrid) {}
  async readWorkbook(onProgress?: (e: ProgressEvent) => void) {
    onProgress?.({ phase: 'read', done: 1, total: 1 });
    return this.grid;
  }
  async mark(marks: CellMark[]) {
    this.marks = marks;
    return { cells: marks.length, notes: true };
  }
  async clearMarks() {
    return 0;
  }
  async addSheet(sheet: GeneratedSheet) {
    this.sheets.push(sheet);
    return sheet.name;
  }
}

describe('actions over any host', () => {
  it('marks exactly the cells marksFromResult gives', async () => {
    const host = new FakeHost({ sheets: [] });
    const out = await markResult(host, result, 'en');
    expect(host.marks).toEqual(marksFromResult(result, 'en'));
    expect(out.cells).toBe(host.marks.length);
  });

  it('adds the sheet the one builder makes, for every kind', async () => {
    const host = new FakeHost({ sheets: [] });
    const exclude = new Set([1]);
    for (const kind of SHEET_KINDS)
      await addGeneratedSheet(host, kind, result, policy, { exclude, includeFindings: true });
    // Each carries its kind, by which a later generation replaces it.
    expect(host.sheets).toEqual([
      { ...adjustmentSheet(result, policy, { exclude }), kind: 'adjustments' },
      { ...sampleSheet(result, policy), kind: 'sample' },
      { ...summarySheet(result, policy, { includeFindings: true }), kind: 'summary' },
      { ...publicitySheet(result, policy, { exclude }), kind: 'publicity' },
    ]);
    expect(buildSheet('adjustments', result, policy, { date: '2018-03-01' }).subtitle[1]).toBe(
      '填报日期：2018年3月1日',
    );
  });

  it('reads, then checks, reporting progress in that order', async () => {
    const grid = { sheets: [rosterSheet([cleanRow(), cleanRow()])] };
    const phases: string[] = [];
    const { grid: read, result: r } = await runCheck(new FakeHost(grid), parsePolicy({ asOf: '2018-01-15' }), {
      onProgress: (e) => phases.push(`${e.phase}:${e.done}`),
    });
    expect(read).toBe(grid);
    expect(r.households).toHaveLength(2);
    expect(phases).toEqual(['read:1', 'check:0', 'check:1']);
  });

  it('leaves out the sheets the clerk unticked; if that leaves no roster, checks them after all', async () => {
    const grid = {
      sheets: [rosterSheet([cleanRow(), cleanRow()], HEADERS, '白云村'), rosterSheet([cleanRow()], HEADERS, '清溪村')],
    };
    const p = parsePolicy({ asOf: '2018-01-15' });
    const left = (await runCheck(new FakeHost(grid), p, { leaveOut: ['清溪村'] })).result;
    expect(left.rosterSheets.map((s) => s.sheet)).toEqual(['白云村']);
    expect(left.households).toHaveLength(2);
    // The full workbook still goes back to the pane (its rows, its sheet names).
    expect((await runCheck(new FakeHost(grid), p, { leaveOut: ['清溪村'] })).grid).toBe(grid);
    const all = (await runCheck(new FakeHost(grid), p, { leaveOut: ['白云村', '清溪村'] })).result;
    expect(all.rosterSheets.map((s) => s.sheet)).toEqual(['白云村', '清溪村']);
  });

  it('passes a roster that cannot be found on as RosterError', async () => {
    const host = new FakeHost({ sheets: [rosterSheet([cleanRow()], ['甲', '乙'])] });
    await expect(runCheck(host, policy)).rejects.toBeInstanceOf(RosterError);
  });
});

describe('end to end on an .xlsx file', () => {
  const rows = [
    cleanRow({ 户主姓名: '杨秀英', 村: '丹口村' }),
    cleanRow({ 户主姓名: '蓝桂花', 入户调查签字: null }), // DOC-01: visit form not signed
    cleanRow({ 户主姓名: '刘长生', 家庭月人均收入: 300, 月保障金: 0 }), // AMT-02 → 停保
    cleanRow({ 户主姓名: '=1+1', 月保障金: 500 }), // AMT-01 → 减发 to 456.50; formula-looking name
  ];
  const GREEN: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };

  async function rosterFile(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    for (const row of rosterSheet(rows).rows) ws.addRow(row.map((c) => (c ? c.v : null)));
    // The clerk's own colours on the signature column.
    const signed = HEADERS.indexOf('入户调查签字') + 1;
    for (let r = rowOf(0); r <= rowOf(3); r++) ws.getCell(r, signed).fill = GREEN;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('checks, marks, adds the sheets, and clears back to the original', async () => {
    const bytes = await rosterFile();
    const original = snapshot(await FileWorkbook.load(bytes), 8, HEADERS.length);
    const fw = await FileWorkbook.load(bytes);
    // The fixture rows are computed under 3026 yuan/year (the 2018 default is 3200).
    const p = parsePolicy({ county: '城步苗族自治县', township: '儒林镇', asOf: '2018-01-15', annualStandard: 3026 });
    const { result: r } = await runCheck(fw, p);

    const signed = HEADERS.indexOf('入户调查签字') + 1;
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'DOC-01', row: rowOf(1), col: signed }));
    expect(r.adjustments.map((a) => [a.row, a.type])).toEqual([
      [rowOf(2), '停保'],
      [rowOf(3), '减发'],
    ]);

    const outcome = await markResult(fw, r);
    expect(outcome.cells).toBeGreaterThan(0);
    const names = [];
    for (const kind of SHEET_KINDS) names.push(await addGeneratedSheet(fw, kind, r, p));
    expect(names).toEqual(['调整花名册', '抽查名单', '核查汇总', '公示名单']);

    const marked = await FileWorkbook.load(await fw.toBuffer());
    const ws = marked.workbook.getWorksheet('花名册')!;
    const cell = ws.getCell(rowOf(1), signed);
    expect(cell.fill).toMatchObject({ fgColor: { argb: MARK_FILLS.error } });
    expect(String(cell.note)).toContain(NOTE_HEADER);
    expect(ws.getCell(rowOf(0), signed).fill).toEqual(GREEN);

    const adj = marked.workbook.getWorksheet('调整花名册')!;
    expect(adj.getCell('A1').value).toBe('城步苗族自治县儒林镇农村低保调整花名册');
    expect(adj.getCell('C6').value).toBe('=1+1');
    expect(adj.getCell('C6').type).toBe(ExcelJS.ValueType.String);
    expect(adj.getCell('I6').value).toBe(456.5);
    expect(adj.getCell('D5').value).toBe(rows[2]['身份证号码']);

    expect(await marked.clearMarks()).toBe(outcome.cells);
    const cleared = await FileWorkbook.load(await marked.toBuffer());
    const after = snapshot(cleared, 8, HEADERS.length);
    for (const key of Object.keys(original)) expect([key, after[key]]).toEqual([key, original[key]]);
    const visible = cleared.workbook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toEqual(['花名册', ...names]);
  });
});
