/**
 * Generating a sheet again replaces the one we generated before (found through our record), in
 * both hosts and across them; a sheet the clerk made under the same name is never touched; an
 * adjustment roster with no household is refused. The record sheet is never taken for a roster.
 */
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../src/domain/grid';
import { parsePolicy } from '../../src/domain/policy';
import { addGeneratedSheet, NothingToGenerate, runCheck } from '../../src/workbook/actions';
import { FileWorkbook } from '../../src/workbook/file/file';
import { GENERATED_RECORD_SHEET } from '../../src/workbook/output/generated-record';
import type { WorkbookHost } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { ExcelDouble } from '../support/excel-double';
import { cleanRow, rosterSheet } from '../support/roster';

const policy = parsePolicy({ township: '儒林镇', asOf: '2018-01-15' });
const rows = [
  cleanRow({ 户主姓名: '杨秀英' }),
  cleanRow({ 户主姓名: '刘长生', 家庭月人均收入: 300, 月保障金: 0 }), // AMT-02 → 停保
  cleanRow({ 户主姓名: '龙春梅', 月保障金: 500 }), // AMT-01 → 减发
];
const grid: WorkbookGrid = { sheets: [rosterSheet(rows)] };

async function fileHost(extraSheet?: string): Promise<{ host: FileWorkbook; names: () => string[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  for (const row of grid.sheets[0].rows) ws.addRow(row.map((c) => (c ? c.v : null)));
  if (extraSheet) wb.addWorksheet(extraSheet).getCell('A1').value = '村里自己做的表';
  const host = await FileWorkbook.load(new Uint8Array(await wb.xlsx.writeBuffer()));
  return { host, names: () => host.workbook.worksheets.map((w) => w.name) };
}

function officeHost(extraSheet?: string): { host: OfficeHost; names: () => string[] } {
  const spec = {
    sheets: [
      {
        name: '花名册',
        rows: grid.sheets[0].rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
      },
      ...(extraSheet ? [{ name: extraSheet, rows: [[{ v: '村里自己做的表' }]] }] : []),
    ],
  };
  const double = ExcelDouble.fromSpec(spec);
  const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
  return { host, names: () => double.book.live().map((s) => s.name) };
}

const hosts: [string, (extra?: string) => Promise<{ host: WorkbookHost; names: () => string[] }>][] = [
  ['file host', fileHost],
  ['Office host', async (extra) => officeHost(extra)],
];

describe.each(hosts)('%s', (_, make) => {
  test('generating twice leaves one 调整花名册, and a check still finds the roster', async () => {
    const { host, names } = await make();
    const { result } = await runCheck(host, policy);
    expect(result.adjustments.length).toBe(2);
    expect(await addGeneratedSheet(host, 'adjustments', result, policy)).toBe('调整花名册');
    expect(await addGeneratedSheet(host, 'adjustments', result, policy)).toBe('调整花名册');
    expect(await addGeneratedSheet(host, 'publicity', result, policy)).toBe('公示名单');
    expect(await addGeneratedSheet(host, 'adjustments', result, policy, { exclude: new Set([1]) })).toBe('调整花名册');
    const visible = names().filter((n) => n !== GENERATED_RECORD_SHEET);
    expect(visible).toEqual(['花名册', '公示名单', '调整花名册']);
    const again = await runCheck(host, policy);
    expect(again.result.roster.sheet).toBe('花名册');
    expect(again.result.households.length).toBe(3);
  });

  test("the clerk's own sheet named 调整花名册 is kept; ours is (2) and is the one replaced", async () => {
    const { host, names } = await make('调整花名册');
    const { result } = await runCheck(host, policy);
    expect(await addGeneratedSheet(host, 'adjustments', result, policy)).toBe('调整花名册(2)');
    expect(await addGeneratedSheet(host, 'adjustments', result, policy)).toBe('调整花名册(2)');
    expect(names().filter((n) => n.startsWith('调整花名册'))).toEqual(['调整花名册', '调整花名册(2)']);
  });

  test('an adjustment roster with every household left out is refused, and nothing is written', async () => {
    const { host, names } = await make();
    const { result } = await runCheck(host, policy);
    const before = names();
    const all = new Set(result.adjustments.map((a) => a.household));
    const refused = addGeneratedSheet(host, 'adjustments', result, policy, { exclude: all });
    await expect(refused).rejects.toBeInstanceOf(NothingToGenerate);
    await expect(refused).rejects.toMatchObject({ zh: expect.stringMatching(/至少勾选一户/) });
    expect(names()).toEqual(before);
  });
});

test('a sheet generated in Excel is replaced on the web page (the record travels in the file)', async () => {
  const { host } = await fileHost();
  const { result } = await runCheck(host, policy);
  await addGeneratedSheet(host, 'adjustments', result, policy);
  const reopened = await FileWorkbook.load(await host.toBuffer());
  expect(reopened.workbook.getWorksheet(GENERATED_RECORD_SHEET)?.state).toBe('veryHidden');
  await addGeneratedSheet(reopened, 'adjustments', result, policy);
  expect(reopened.workbook.worksheets.map((w) => w.name).filter((n) => n.startsWith('调整'))).toEqual(['调整花名册']);
});
