/**
 * A checked copy checked again: our own 调整花名册, 抽查名单, 核查汇总 and 公示名单 are never taken for
 * (or reported as looking like) a roster — recognized by our record, and by their shape where the
 * record is gone. On the command line (check → checked copy → check) and over the Excel double.
 */
import { join } from 'node:path';
import { SAMPLE_POLICY, makeSampleWorkbook } from '../../examples/make-sample';
import { parsePolicy } from '../../src/domain/policy';
import { hasGeneratedShape, toolSheetNames } from '../../src/domain/tool-sheets';
import type { SheetGrid } from '../../src/domain/grid';
import { addGeneratedSheet, buildSheet, runCheck, type SheetKind } from '../../src/workbook/actions';
import { GENERATED_RECORD_SHEET } from '../../src/workbook/output/generated-record';
import { OfficeHost } from '../../src/workbook/office/office';
import { sheetMatrices } from '../../src/workbook/office/office-sheet';
import { doubleFromXlsx } from '../support/double-xlsx';
import { run, tempDir, writeSampleFiles } from '../cli/helpers';

const KINDS: SheetKind[] = ['adjustments', 'sample', 'summary', 'publicity'];
const GENERATED = ['调整花名册', '抽查名单', '核查汇总', '公示名单'];
const policy = parsePolicy(SAMPLE_POLICY);

async function sampleBytes(): Promise<Uint8Array> {
  return new Uint8Array(await makeSampleWorkbook().workbook.xlsx.writeBuffer());
}

describe('generated sheets are not rosters on a re-check', () => {
  test('command line: the checked copy checked again names none of our sheets', async () => {
    const dir = tempDir();
    const { roster, policy: policyFile } = await writeSampleFiles(dir);
    const first = await run('check', roster, '--policy', policyFile);
    expect(first.stdout).toContain('调整花名册、抽查名单、核查汇总、公示名单');
    const checked = join(dir, '城步县儒林镇低保花名册.checked.xlsx');
    const again = await run('check', checked, '--policy', policyFile, '--out', join(dir, 'again.xlsx'));
    expect(again.code).toBe(first.code);
    expect(again.stdout).not.toMatch(/像花名册|像是花名册|looks like a roster/);
    for (const name of GENERATED) expect(again.stdout).not.toContain(`工作表“${name}”`);
    // Generating again replaced ours instead of adding 调整花名册(2).
    expect(again.stdout).toContain('新增工作表（sheets added）');
    expect(again.stdout).not.toContain('调整花名册(2)');
  });

  test('Excel double: check, generate the four sheets, check again', async () => {
    const double = await doubleFromXlsx(await sampleBytes());
    const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
    const { result } = await runCheck(host, policy);
    expect(result.notChecked).toEqual([]);
    for (const kind of KINDS) await addGeneratedSheet(host, kind, result, policy);
    expect(double.book.live().map((s) => s.name)).toEqual(expect.arrayContaining(GENERATED));
    const again = await runCheck(host, policy);
    expect(again.result.notChecked).toEqual([]);
    expect(again.result.rosterSheets?.map((s) => s.sheet) ?? [again.result.roster.sheet]).toEqual(['花名册']);
    expect(again.result.summary.errors).toBe(result.summary.errors);
  });

  test('without the record (deleted, or the sheets copied elsewhere), their shape gives them away', async () => {
    const double = await doubleFromXlsx(await sampleBytes());
    const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
    const { result } = await runCheck(host, policy);
    for (const kind of KINDS) await addGeneratedSheet(host, kind, result, policy);
    const grid = await host.readWorkbook();
    const withoutRecord = { sheets: grid.sheets.filter((s) => s.name !== GENERATED_RECORD_SHEET) };
    expect([...toolSheetNames(withoutRecord)].sort()).toEqual([...GENERATED].sort());
  });
});

describe('hasGeneratedShape', () => {
  const gridOf = (name: string, values: (string | number)[][]): SheetGrid => ({
    name,
    rows: values.map((row) =>
      row.map((v) =>
        v === '' ? undefined : { v, t: typeof v === 'number' ? ('number' as const) : ('string' as const) },
      ),
    ),
  });

  test.each(KINDS)('the %s builder writes a sheet of our shape', async (kind) => {
    const double = await doubleFromXlsx(await sampleBytes());
    const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
    const { result } = await runCheck(host, policy);
    const sheet = buildSheet(kind, result, policy);
    expect(hasGeneratedShape(gridOf(sheet.name, sheetMatrices(sheet).values))).toBe(true);
  });

  test("a clerk's roster titled like ours but with a roster header is not ours", () => {
    const roster = gridOf('调整花名册', [
      ['城步苗族自治县儒林镇农村低保调整花名册'],
      ['序号', '村', '户主姓名', '身份证号码', '家庭人口', '保障人数', '月保障金'],
    ]);
    expect(hasGeneratedShape(roster)).toBe(false);
    const untitled = gridOf('x', [[''], ['序号', '村（社区）', '户主姓名', '身份证号码', '调整类型']]);
    expect(hasGeneratedShape(untitled)).toBe(false);
  });
});
