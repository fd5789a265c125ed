/**
 * The command line writes the report a piece at a time (reportPieces), so that a roster with
 * several findings per household is not held three times over; the bytes must be exactly those
 * of the whole report (buildReport + reportJson), which the task pane still builds in one go.
 */
import { parsePolicy } from '../../src/domain/policy';
import {
  buildReport,
  folderReportPieces,
  FolderReportSchema,
  reportJson,
  reportPieces,
  type FolderReportFile,
} from '../../src/workbook/output/report';
import { check, cleanRow, workbook } from '../support/roster';

const policy = parsePolicy({ asOf: '2018-01-15' });
const joined = (pieces: Iterable<Uint8Array>) => Buffer.concat([...pieces]).toString('utf8');
const whole = (result: ReturnType<typeof check>, maskIds: boolean) =>
  Buffer.from(reportJson(buildReport(result, policy, { maskIds }))).toString('utf8');

it('gives the same bytes as the whole report, with and without masked IDs', () => {
  // Names with quotes, a backslash and a line break: escaped inside strings, never re-indented.
  const rows = Array.from({ length: 300 }, (_, i) =>
    cleanRow({
      户主姓名: i % 3 === 0 ? `杨"${i}"\\\n某` : `龙${i}`,
      入户调查签字: null,
      公示: i % 2 ? '否' : '√',
      月保障金: i % 5 ? 456.5 : 999,
    }),
  );
  const result = check(workbook(rows));
  expect(result.findings.length).toBeGreaterThan(500);
  expect(result.adjustments.length).toBeGreaterThan(50);
  for (const maskIds of [false, true]) {
    const text = joined(reportPieces(result, policy, { maskIds }));
    expect(text).toBe(whole(result, maskIds));
    expect(JSON.parse(text).findings).toHaveLength(result.findings.length);
    expect(JSON.parse(text).adjustments).toHaveLength(result.adjustments.length);
  }
});

it('comes in several pieces for a large report, each made only when asked for', () => {
  const rows = Array.from({ length: 2000 }, () => cleanRow({ 入户调查签字: null, 授权书签字: null, 公示: '否' }));
  const result = check(workbook(rows));
  const pieces = reportPieces(result, policy, { maskIds: false });
  const first = pieces.next();
  expect(first.done).toBe(false);
  // The first piece is the head of the report and the first findings, not the whole text.
  expect(first.value!.length).toBeLessThan(Buffer.byteLength(whole(result, false)) / 2);
  const rest = [...pieces];
  expect(rest.length).toBeGreaterThan(1);
  expect(joined([first.value!, ...rest])).toBe(whole(result, false));
});

it('writes the adjustments a piece at a time too, with no finding before them', () => {
  // Every household's benefit off: one adjustment each; the findings left out to see the
  // adjustments written alone.
  const rows = Array.from({ length: 3000 }, (_, i) => cleanRow({ 户主姓名: `龙${i}`, 月保障金: 999 }));
  const checked = check(workbook(rows));
  const result = { ...checked, findings: [] };
  expect(result.adjustments.length).toBeGreaterThan(2000);
  const pieces = [...reportPieces(result, policy, { maskIds: true })];
  expect(pieces.length).toBeGreaterThan(2);
  expect(joined(pieces)).toBe(whole(result, true));
});

it('writes an empty findings list as the whole report does', () => {
  const result = check(workbook([cleanRow(), cleanRow()]));
  expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  const clean = { ...result, findings: [] };
  expect(joined(reportPieces(clean, policy, { maskIds: false }))).toBe(whole(clean, false));
});

/** Every piece of an async generator (Array.fromAsync is not in Node 20). */
async function collect<T>(pieces: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pieces) out.push(p);
  return out;
}

describe('the folder report (check <folder> --report), written a piece at a time', () => {
  /** The folder report as it was built before: every file's whole report, validated, one JSON. */
  const wholeFolder = (files: FolderReportFile[], maskIds: boolean) =>
    Buffer.from(
      reportJson(
        FolderReportSchema.parse({
          folder: '城步县',
          asOf: '2018-01-15',
          files: files.map((f) =>
            'error' in f
              ? f
              : {
                  file: f.file,
                  township: f.township,
                  output: f.output,
                  report: buildReport(f.result, f.policy, { maskIds }),
                },
          ),
        }),
      ),
    ).toString('utf8');

  it('gives the bytes of the whole folder report: several files, a file not checked, one without findings', async () => {
    const faulty = Array.from({ length: 2000 }, (_, i) =>
      cleanRow({ 户主姓名: i % 7 ? `杨${i}` : `龙"${i}"\\\n某`, 入户调查签字: null, 公示: '否' }),
    );
    const files: FolderReportFile[] = [
      {
        file: '城步县儒林镇低保花名册.xlsx',
        township: '儒林镇',
        output: '/out/城步县儒林镇低保花名册.checked.xlsx',
        result: check(workbook(faulty)),
        policy: { ...policy, township: '儒林镇' },
      },
      { file: '城步县坏文件.xlsx', error: { zh: '文件不完整或已损坏', en: 'the file is "damaged"' } },
      {
        file: '城步县西岩镇低保花名册.xlsx',
        township: '西岩镇',
        output: null,
        result: { ...check(workbook([cleanRow()])), findings: [] },
        policy: { ...policy, township: '西岩镇' },
      },
    ];
    for (const maskIds of [false, true]) {
      const pieces = await collect(folderReportPieces({ folder: '城步县', asOf: '2018-01-15' }, files, { maskIds }));
      // The first file's findings alone come in several pieces: no piece is the whole report.
      expect(pieces.length).toBeGreaterThan(4);
      expect(joined(pieces)).toBe(wholeFolder(files, maskIds));
      // As the command line gives them: one at a time, each as soon as it is checked.
      async function* asChecked() {
        for (const f of files) yield await Promise.resolve(f);
      }
      const head = { folder: '城步县', asOf: '2018-01-15' };
      expect(joined(await collect(folderReportPieces(head, asChecked(), { maskIds })))).toBe(
        wholeFolder(files, maskIds),
      );
    }
  });

  it('no file at all', async () => {
    const pieces = await collect(folderReportPieces({ folder: '城步县', asOf: '2018-01-15' }, [], { maskIds: false }));
    expect(joined(pieces)).toBe(wholeFolder([], false));
  });

  it('a single file that could not be checked', async () => {
    const files: FolderReportFile[] = [{ file: 'a.xlsx', error: { zh: '不是 Excel 工作簿', en: 'not a workbook' } }];
    const pieces = await collect(
      folderReportPieces({ folder: '城步县', asOf: '2018-01-15' }, files, { maskIds: false }),
    );
    expect(joined(pieces)).toBe(wholeFolder(files, false));
  });
});
