/**
 * The command line on .xls, .xlsb, .ods and .et files (test/fixtures/legacy/, the sample roster
 * saved by LibreOffice): the same findings as the .xlsx, a marked copy named <name>.checked.xlsx,
 * the input untouched, and a line saying the format was converted.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type ExcelJS from 'exceljs';
import type { Report } from '../../src/workbook/output/report';
import { FolderReportSchema } from '../../src/workbook/output/report';
import { SAMPLE_POLICY, buildSampleTownship, makeSampleWorkbook, plantedFindings } from '../../examples/make-sample';
import { loadWorkbook, run, sha256, tempDir } from './helpers';

const FIXTURES = join(__dirname, '../fixtures/legacy');
const noteText = (cell: ExcelJS.Cell): string => {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
};
const readReport = (path: string): Report => JSON.parse(readFileSync(path, 'utf8'));
/** What must match between two reports of the same roster (the report names its input file). */
const outcome = (r: Report) => ({ findings: r.findings, adjustments: r.adjustments, summary: r.summary });

let dir: string;
let policy: string;
let original: Report;

beforeAll(async () => {
  dir = tempDir();
  policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify(SAMPLE_POLICY));
  copyFileSync(join(FIXTURES, 'roster.xlsx'), join(dir, 'roster.xlsx'));
  const res = await run(
    'check',
    join(dir, 'roster.xlsx'),
    '--policy',
    policy,
    '--no-out',
    '--report',
    join(dir, 'xlsx.json'),
  );
  expect(res.code).toBe(1);
  original = readReport(join(dir, 'xlsx.json'));
});

describe('dibao check <file> on other formats', () => {
  it('.xls: writes <name>.checked.xlsx with the marks and sheets, leaves the .xls as it was, says so', async () => {
    const input = join(dir, '儒林镇.xls');
    copyFileSync(join(FIXTURES, 'roster.xls'), input);
    const hash = sha256(input);
    const res = await run('check', input, '--policy', policy, '--report', join(dir, 'xls.json'));
    expect(res.stderr).toBe('');
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('格式转换（format converted）');
    expect(res.stdout).toContain('.xls 已转换为 .xlsx，标注副本为 .xlsx，原文件未改动（converted from .xls');
    expect(sha256(input)).toBe(hash);
    expect(outcome(readReport(join(dir, 'xls.json')))).toEqual(outcome(original));

    const copy = await loadWorkbook(join(dir, '儒林镇.checked.xlsx'));
    expect(copy.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['花名册', '家庭成员', '调整花名册', '抽查名单', '核查汇总', '公示名单']),
    );
    const roster = copy.getWorksheet('花名册')!;
    const id04 = original.findings.find((f) => f.rule === 'ID-04')!;
    expect(noteText(roster.getCell(id04.cell!))).toMatch(/^【低保核查】\nID-04 /);
    // The clerk's own notes, as the .xls holds them (the second one with ours after it).
    const clerks = await loadWorkbook(join(FIXTURES, 'roster.xlsx'));
    clerks.getWorksheet('花名册')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.note) expect(noteText(roster.getCell(cell.address)).startsWith(noteText(cell))).toBe(true);
      }),
    );
  });

  it.each([
    ['roster.ods', '乡镇.ods', '.ods'],
    ['roster.xlsb', '乡镇.xlsb', '.xlsb'],
    ['roster.xls', '乡镇.et', '.et'],
  ])(
    '%s as %s without a workbook output: the same report, and the line says it was converted',
    async (fixture, name, label) => {
      const input = join(dir, name);
      copyFileSync(join(FIXTURES, fixture), input);
      const report = join(dir, `${name}.json`);
      const res = await run('check', input, '--policy', policy, '--no-out', '--report', report);
      expect(res.stderr).toBe('');
      expect(res.stdout).toContain(`${label} 已转换读取，原文件未改动`);
      expect(outcome(readReport(report))).toEqual(outcome(original));
      expect(existsSync(join(dir, name.replace(/\.\w+$/, '.checked.xlsx')))).toBe(false);
    },
  );

  it('refuses a damaged .xls in one line, Chinese first, and writes nothing', async () => {
    const d = tempDir();
    const input = join(d, '坏.xls');
    writeFileSync(input, readFileSync(join(FIXTURES, 'roster.xls')).subarray(0, 4096));
    const res = await run('check', input, '--policy', policy);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^无法核查：无法读取这个旧版 \.xls 文件，文件可能已损坏.*（Not checked: /);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(d, '坏.checked.xlsx'))).toBe(false);
  });
});

describe('dibao check <folder> with other formats', () => {
  it('checks the .xls and .ods files of a folder, each copy named <name>.checked.xlsx', async () => {
    const d = tempDir();
    copyFileSync(join(FIXTURES, 'roster.xls'), join(d, '城步县儒林镇低保花名册.xls'));
    copyFileSync(join(FIXTURES, 'roster.ods'), join(d, '城步县西岩镇低保花名册.ods'));
    const report = join(d, 'county.json');
    const res = await run('check', d, '--policy', policy, '--report', report);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(1);
    const files = FolderReportSchema.parse(JSON.parse(readFileSync(report, 'utf8'))).files;
    expect(files.map((f) => [f.file, 'report' in f])).toEqual([
      ['城步县儒林镇低保花名册.xls', true],
      ['城步县西岩镇低保花名册.ods', true],
    ]);
    expect(existsSync(join(d, '城步县儒林镇低保花名册.checked.xlsx'))).toBe(true);
    expect(existsSync(join(d, '城步县西岩镇低保花名册.checked.xlsx'))).toBe(true);
    expect(res.stdout.match(/格式转换（format converted）/g)).toHaveLength(2);
  });
});

describe('--list from an .xls', () => {
  it('reads a reference list saved as .xls (BIFF8)', async () => {
    const township = buildSampleTownship();
    const d = tempDir();
    const { workbook } = makeSampleWorkbook(township);
    workbook.removeWorksheet(workbook.getWorksheet('死亡名单')!.id);
    const roster = join(d, '无死亡名单.xlsx');
    await workbook.xlsx.writeFile(roster);
    const list = XLSX.utils.book_new();
    const rows = [
      ['姓名', '身份证号码', '死亡日期'],
      ...township.deaths.map((e) => [e.name, e.id, e.extra['死亡日期']]),
    ];
    XLSX.utils.book_append_sheet(list, XLSX.utils.aoa_to_sheet(rows), '公安死亡名单');
    const deaths = join(d, 'deaths.xls');
    writeFileSync(deaths, XLSX.write(list, { type: 'buffer', bookType: 'biff8' }));

    const report = join(d, 'with.json');
    const res = await run(
      'check',
      roster,
      '--policy',
      policy,
      '--no-out',
      '--report',
      report,
      '--list',
      `death=${deaths}`,
    );
    expect(res.stderr).toBe('');
    const deathRow = plantedFindings(township).find((p) => p.what.includes('死亡名单'))!.row;
    expect(readReport(report).findings.some((f) => f.row === deathRow && f.rule === 'ELIG-01')).toBe(true);
    expect(readReport(report).summary.lists).toContainEqual({
      kind: 'death',
      source: 'deaths.xls',
      entries: township.deaths.length,
    });
  });
});
