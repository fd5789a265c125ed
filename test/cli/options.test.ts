/** --mask-ids, --list, --as-of, --sheet on the sample roster. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Report } from '../../src/workbook/output/report';
import { SAMPLE_POLICY, buildSampleTownship, makeSampleWorkbook, plantedFindings } from '../../examples/make-sample';
import { run, tempDir, writeSampleFiles } from './helpers';

const township = buildSampleTownship();
const readReport = (path: string): Report => JSON.parse(readFileSync(path, 'utf8'));
let dir: string;
let roster: string;
let policy: string;

beforeAll(async () => {
  dir = tempDir();
  ({ roster, policy } = await writeSampleFiles(dir));
});

describe('--mask-ids', () => {
  it('keeps only the first 6 and last 4 characters of every ID in the report', async () => {
    const plain = join(dir, 'plain.json');
    const masked = join(dir, 'masked.json');
    await run('check', roster, '--policy', policy, '--no-out', '--report', plain);
    await run('check', roster, '--policy', policy, '--no-out', '--report', masked, '--mask-ids');
    const text = readFileSync(masked, 'utf8');
    // No ID-like run of digits (the decimals of a float such as 252.16666666666666 are not one).
    expect(text).not.toMatch(/(?<![.\d])\d{14,}/);
    const report = readReport(masked);
    for (const a of report.adjustments) expect(a.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(report.findings.find((f) => f.rule === 'ID-08')!.message).toMatch(/430529\*{5}\d{4}.*430529\*{8}\d{4}/);
    // Everything else is the same report.
    const unmasked = readReport(plain);
    expect(report.findings.map((f) => `${f.row} ${f.rule}`)).toEqual(
      unmasked.findings.map((f) => `${f.row} ${f.rule}`),
    );
    expect(readFileSync(plain, 'utf8')).toMatch(/\d{18}/);
  });
});

describe('--list KIND=FILE', () => {
  it('adds a reference list from another file, whatever its sheet is called', async () => {
    const d = tempDir();
    const { workbook } = makeSampleWorkbook(township);
    workbook.removeWorksheet(workbook.getWorksheet('死亡名单')!.id);
    const noDeaths = join(d, '无死亡名单.xlsx');
    await workbook.xlsx.writeFile(noDeaths);
    const list = new ExcelJS.Workbook();
    const ws = list.addWorksheet('Sheet1');
    ws.addRow(['姓名', '身份证号码', '死亡日期']);
    for (const e of township.deaths) ws.addRow([e.name, e.id, e.extra['死亡日期']]);
    const deaths = join(d, 'deaths.xlsx');
    await list.xlsx.writeFile(deaths);

    const deathRow = plantedFindings(township).find((p) => p.what.includes('死亡名单'))!.row;
    const without = join(d, 'without.json');
    const withList = join(d, 'with.json');
    await run('check', noDeaths, '--policy', policy, '--no-out', '--report', without);
    const res = await run(
      'check',
      noDeaths,
      '--policy',
      policy,
      '--no-out',
      '--report',
      withList,
      '--list',
      `death=${deaths}`,
    );
    expect(res.code).toBe(1);
    const has = (r: Report) => r.findings.some((f) => f.row === deathRow && f.rule === 'ELIG-01');
    expect(has(readReport(without))).toBe(false);
    expect(has(readReport(withList))).toBe(true);
    expect(readReport(withList).summary.lists).toContainEqual({
      kind: 'death',
      source: 'deaths.xlsx',
      entries: township.deaths.length,
    });
  });

  it('refuses a list file without an ID column', async () => {
    const d = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '车牌']);
    const file = join(d, 'cars.xlsx');
    await wb.xlsx.writeFile(file);
    const res = await run('check', roster, '--policy', policy, '--no-out', '--list', `vehicle=${file}`);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('cars.xlsx 中找不到身份证号列');
  });
});

describe('--as-of and --sheet', () => {
  it('--as-of sets the reference date, over the policy file', async () => {
    const noDate = join(dir, 'no-date.json');
    const { asOf: _asOf, ...rest } = SAMPLE_POLICY;
    writeFileSync(noDate, JSON.stringify(rest));
    const r1 = join(dir, 'asof-1.json');
    const r2 = join(dir, 'asof-2.json');
    await run('check', roster, '--policy', noDate, '--as-of', '2018-01-15', '--no-out', '--report', r1);
    await run('check', roster, '--policy', policy, '--as-of', '2019-06-01', '--no-out', '--report', r2);
    expect(readReport(r1).asOf).toBe('2018-01-15');
    expect(readReport(r1).findings.filter((f) => f.rule === 'REV-01')).toHaveLength(2);
    // A year and a half later, every review is overdue.
    expect(readReport(r2).asOf).toBe('2019-06-01');
    expect(readReport(r2).findings.filter((f) => f.rule === 'REV-01').length).toBeGreaterThan(50);
  });

  it('--sheet names the roster sheet', async () => {
    const r = join(dir, 'sheet.json');
    const res = await run('check', roster, '--policy', policy, '--sheet', '花名册', '--no-out', '--report', r);
    expect(res.code).toBe(1);
    expect(readReport(r).sheet).toBe('花名册');
  });
});
