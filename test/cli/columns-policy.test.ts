/** The policy file's `columns` (#10 point 2): a roster whose 月保障金 has a header of its own. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cleanRow, HEADERS } from '../support/roster';
import { run, tempDir } from './helpers';

const OWN_HEADER = '低保金发放数';

async function writeRoster(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADERS.map((h) => (h === '月保障金' ? OWN_HEADER : h)));
  for (const row of [cleanRow(), cleanRow({ 月保障金: 300 })]) ws.addRow(HEADERS.map((h) => row[h] ?? null));
  const path = join(dir, 'roster.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('check --policy with columns', () => {
  test('without it the money rules are skipped naming the look-alike header; with it they run', async () => {
    const dir = tempDir();
    const roster = await writeRoster(dir);
    const report = join(dir, 'r.json');
    const without = await run('check', roster, '--as-of', '2018-01-15', '--no-out', '--report', report);
    expect(without.code).toBe(0);
    const skipped = JSON.parse(readFileSync(report, 'utf8')).skipped as { rule: string; reason: string }[];
    expect(skipped.find((s) => s.rule === 'AMT-01')?.reason).toContain(`表中“${OWN_HEADER}”列可能就是此列`);

    const policy = join(dir, 'p.json');
    // The fixture's clean rows are computed under 3026 yuan/year (the 2018 default is 3200).
    writeFileSync(
      policy,
      JSON.stringify({ asOf: '2018-01-15', annualStandard: 3026, columns: { 月保障金: OWN_HEADER } }),
    );
    const withColumns = await run('check', roster, '--policy', policy, '--no-out', '--report', report, '--force');
    expect(withColumns.code).toBe(1);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.policy.columns).toEqual({ benefit: OWN_HEADER });
    expect(r.findings.map((f: { rule: string; row: number }) => [f.rule, f.row])).toEqual([['AMT-01', 3]]);
  });

  test('an unknown field in columns is refused naming it', async () => {
    const dir = tempDir();
    const roster = await writeRoster(dir);
    const policy = join(dir, 'p.json');
    writeFileSync(policy, JSON.stringify({ columns: { 发放数: OWN_HEADER } }));
    const res = await run('check', roster, '--policy', policy, '--no-out');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('columns.发放数');
  });
});
