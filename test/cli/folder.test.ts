/** check <folder>: one output per township file, a county summary, IDs compared across files. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADJUSTMENT_TYPES } from '../../src/domain/types';
import { FolderReportSchema, type Report } from '../../src/workbook/output/report';
import { FIRST_DATA_ROW, buildTownship, type BuiltTownship, type VillagePlan } from '../../examples/make-sample';
import { loadWorkbook, run, sha256, tempDir, writeSampleFiles } from './helpers';

const clean = (names: string[], n: number): VillagePlan[] =>
  names.map((village) => ({ village, rows: Array(n).fill(null) }));

/** Two township files sharing one household (the same family enrolled in both townships). */
async function twoTownships(dir: string): Promise<{ rulin: BuiltTownship; xiyan: BuiltTownship; policy: string }> {
  const rulin = buildTownship({ township: '儒林镇', seed: 11, villages: clean(['白云村', '清溪村'], 6) });
  const xiyan = buildTownship({ township: '西岩镇', seed: 12, villages: clean(['大水村', '西岩村'], 6) });
  const shared = structuredClone(rulin.households[3]);
  shared.village = '大水村';
  xiyan.households.push(shared);
  const { policy } = await writeSampleFiles(dir, rulin, '城步县儒林镇低保花名册.xlsx');
  await writeSampleFiles(dir, xiyan, '城步县西岩镇低保花名册.xlsx');
  return { rulin, xiyan, policy };
}

const id06Rows = (r: Report) => [...new Set(r.findings.filter((f) => f.rule === 'ID-06').map((f) => f.row))];

describe('check <folder>', () => {
  it('reports a household enrolled in two townships (ID-06) in both files', async () => {
    const dir = tempDir();
    const { xiyan, policy } = await twoTownships(dir);
    writeFileSync(join(dir, '~$城步县儒林镇低保花名册.xlsx'), 'Office lock file');
    const inputHash = sha256(join(dir, '城步县儒林镇低保花名册.xlsx'));
    const reportPath = join(dir, 'county.json');

    const res = await run('check', dir, '--policy', policy, '--report', reportPath);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(1);

    const report = FolderReportSchema.parse(JSON.parse(readFileSync(reportPath, 'utf8')));
    expect(report.files.map((f) => f.file)).toEqual(['城步县儒林镇低保花名册.xlsx', '城步县西岩镇低保花名册.xlsx']);
    const [rulin, xi] = report.files.map((f) => ('report' in f ? f.report : undefined)!);
    expect(id06Rows(rulin)).toEqual([FIRST_DATA_ROW + 3]);
    expect(id06Rows(xi)).toEqual([FIRST_DATA_ROW + xiyan.households.length - 1]);
    const message = rulin.findings.find((f) => f.rule === 'ID-06' && f.cell?.startsWith('F'))!.message;
    expect(message).toContain('城步县西岩镇低保花名册.xlsx');
    expect(message).toContain(`第${FIRST_DATA_ROW + xiyan.households.length - 1}行`);
    expect(report.files.map((f) => ('township' in f ? f.township : ''))).toEqual(['儒林镇', '西岩镇']);

    expect(existsSync(join(dir, '城步县儒林镇低保花名册.checked.xlsx'))).toBe(true);
    expect(existsSync(join(dir, '城步县西岩镇低保花名册.checked.xlsx'))).toBe(true);
    expect(sha256(join(dir, '城步县儒林镇低保花名册.xlsx'))).toBe(inputHash);

    const county = (await loadWorkbook(join(dir, '县汇总.xlsx'))).getWorksheet('县汇总')!;
    const text = county.getSheetValues().flat().map(String).join(' ');
    expect(text).toContain('城步县西岩镇低保花名册.xlsx');
    expect(text).toContain('西岩镇');
    expect(text).toContain('合计');
    // 跨乡镇重复身份证: the ID-06 findings that name the other file.
    const crossCol = 4 + 5 + ADJUSTMENT_TYPES.length;
    for (const entry of report.files) {
      if (!('report' in entry)) continue;
      const row = (county.getSheetValues() as unknown[][]).find((r) => Array.isArray(r) && r[2] === entry.file)!;
      const external = entry.report.findings.filter((f) => f.rule === 'ID-06' && f.messageId === 'external');
      expect(external.length).toBeGreaterThan(0);
      expect(row[crossCol]).toBe(external.length);
    }
  });

  it('goes on past a file it cannot check, and exits 2', async () => {
    const dir = tempDir();
    const { policy } = await twoTownships(dir);
    writeFileSync(join(dir, '城步县坏文件.xlsx'), 'not a workbook');
    const outDir = join(dir, 'out');
    const reportPath = join(dir, 'county.json');
    const res = await run('check', dir, '--policy', policy, '--out', outDir, '--report', reportPath);
    expect(res.code).toBe(2);
    // The report names the refusal by its code and message id, with the words beside them.
    const report = FolderReportSchema.parse(JSON.parse(readFileSync(reportPath, 'utf8')));
    expect(report.files.find((f) => f.file === '城步县坏文件.xlsx')).toEqual({
      file: '城步县坏文件.xlsx',
      error: {
        code: 'not-xlsx',
        messageId: 'text-file',
        data: {},
        zh: '这是文本或 CSV 文件，不是 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx 后再试',
        en: 'this is a text/CSV file, not an Excel workbook; open it in Excel and save it as .xlsx',
      },
    });
    expect(res.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^无法核查 城步县坏文件\.xlsx：.*（Not checked: /),
    ]);
    expect(existsSync(join(outDir, '城步县儒林镇低保花名册.checked.xlsx'))).toBe(true);
    expect(existsSync(join(outDir, '城步县西岩镇低保花名册.checked.xlsx'))).toBe(true);
    expect(existsSync(join(outDir, '城步县坏文件.checked.xlsx'))).toBe(false);
    const county = (await loadWorkbook(join(outDir, '县汇总.xlsx'))).getWorksheet('县汇总')!;
    expect(county.getSheetValues().flat().map(String).join(' ')).toContain('未能核查');
  });

  it('refuses to start when an output exists, writing nothing', async () => {
    const dir = tempDir();
    const { policy } = await twoTownships(dir);
    writeFileSync(join(dir, '县汇总.xlsx'), 'earlier summary');
    const res = await run('check', dir, '--policy', policy);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('县汇总.xlsx');
    expect(existsSync(join(dir, '城步县儒林镇低保花名册.checked.xlsx'))).toBe(false);
    expect(readFileSync(join(dir, '县汇总.xlsx'), 'utf8')).toBe('earlier summary');
  });
});

describe('check <folder> --report', () => {
  it('gives each township file the report that checking it alone gives', async () => {
    const dir = tempDir();
    // Three townships, no household in two of them (nothing for the folder to add across files),
    // each with faults of its own so that each report has findings to write.
    const towns = [
      buildTownship({
        township: '儒林镇',
        seed: 21,
        villages: [...clean(['白云村'], 5), { village: '清溪村', rows: [null, 'ID-01', 'HH-02', null] }],
      }),
      buildTownship({
        township: '西岩镇',
        seed: 22,
        villages: [{ village: '大水村', rows: ['ID-04', null, 'HH-01'] }],
      }),
      buildTownship({ township: '丹口镇', seed: 23, villages: [{ village: '桃林村', rows: [null, 'ID-03'] }] }),
    ];
    let policy = '';
    for (const t of towns) policy = (await writeSampleFiles(dir, t, `城步县${t.township}低保花名册.xlsx`)).policy;
    const folderReport = join(tempDir(), 'county.json');
    const outDir = tempDir();
    const res = await run('check', dir, '--policy', policy, '--out', outDir, '--report', folderReport);
    expect(res.stderr).toBe('');
    const bytes = readFileSync(folderReport, 'utf8');
    const report = FolderReportSchema.parse(JSON.parse(bytes));
    expect(report.files).toHaveLength(3);
    const county = (await loadWorkbook(join(outDir, '县汇总.xlsx'))).getWorksheet('县汇总')!;
    const countyRow = (file: string) =>
      (county.getSheetValues() as unknown[][]).find((r) => Array.isArray(r) && r[2] === file)!.slice(4);

    const alones: unknown[] = [];
    for (const entry of report.files) {
      if (!('report' in entry)) throw new Error(`${entry.file} not checked`);
      // Alone, with the township the folder took from the file (one policy serves the county).
      const own = join(tempDir(), 'policy.json');
      writeFileSync(own, JSON.stringify({ ...JSON.parse(readFileSync(policy, 'utf8')), township: entry.township }));
      const alone = join(tempDir(), 'alone.json');
      await run('check', join(dir, entry.file), '--policy', own, '--no-out', '--report', alone);
      expect(entry.report).toEqual(JSON.parse(readFileSync(alone, 'utf8')));
      expect(entry.report.findings.length).toBeGreaterThan(0);
      alones.push({ ...entry, report: JSON.parse(readFileSync(alone, 'utf8')) });

      // 县汇总's row: the counts of the file's report (only counts are kept per file).
      const s = entry.report.summary;
      expect(countyRow(entry.file)).toEqual([
        s.households,
        s.coveredPersons,
        Math.round(s.monthlyTotal * 100) / 100,
        s.errors,
        s.warnings,
        ...ADJUSTMENT_TYPES.map((t) => s.adjustments[t] ?? 0),
        0,
        '已核查',
      ]);
    }
    // Byte for byte the whole folder report, each file's single report indented into place.
    expect(bytes).toBe(JSON.stringify({ folder: report.folder, asOf: report.asOf, files: alones }, null, 2) + '\n');
  });
});
