/**
 * The sheets the tool adds never replace one of the clerk's, and text that looks like a formula
 * (=, +, -, @ at the start) in names, villages, notes and reasons is written as text everywhere:
 * no cell the tool wrote holds a formula, in the generated sheets, the marks or the mark record.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MARK_RECORD_SHEET } from '../../src/workbook/host';
import { fixturePolicy, run, tempDir } from '../cli/helpers';
import { CORPUS } from '../corpus/make-corpus';
import { formulaCells, lookOf, noteText, readXlsx } from '../corpus/inspect';
import { addRoster, bytesOf, newWorkbook } from '../corpus/roster-book';

const GENERATED = ['调整花名册', '抽查名单', '核查汇总', '公示名单'];
const FORMULA_LIKE = ['=HYPERLINK("http://example.invalid","杨秀英")', '+白云村', '-无', '@龙春梅'];

async function checkCorpusFile(
  file: string,
): Promise<{ input: ExcelJS.Workbook; output: ExcelJS.Workbook; stdout: string }> {
  const dir = tempDir();
  const input = join(dir, file);
  writeFileSync(input, await CORPUS.find((c) => c.file === file)!.build());
  const out = join(dir, 'checked.xlsx');
  const r = await run('check', input, '--out', out, '--as-of', '2018-01-15', '--policy', fixturePolicy(dir));
  expect(r.stderr).toBe('');
  return { input: await readXlsx(input), output: await readXlsx(out), stdout: r.stdout };
}

describe('formula-like text', () => {
  let output: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ output } = await checkCorpusFile('formula-like-text.xlsx'));
  });

  test('no cell of any sheet in the output holds a formula', () => {
    for (const ws of output.worksheets) expect([ws.name, formulaCells(ws)]).toEqual([ws.name, []]);
  });

  const valuesOf = (ws: ExcelJS.Worksheet) => {
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    return values;
  };

  test('names and villages reach the 调整花名册 and 公示名单 as the very text the clerk typed', () => {
    expect(valuesOf(output.getWorksheet('调整花名册')!)).toEqual(
      expect.arrayContaining([...FORMULA_LIKE.filter((t) => t !== '-无'), '-阳光明', '=1+1']),
    );
    // Stopped households leave the posting; the one whose amount is corrected stays.
    const posted = valuesOf(output.getWorksheet('公示名单')!);
    expect(posted).toEqual(expect.arrayContaining(['-阳光明', '=1+1']));
    expect(posted).not.toContain('@龙春梅');
  });

  test('the roster keeps the clerk’s values; marks and their notes are plain text', () => {
    const ws = output.getWorksheet('花名册')!;
    expect(ws.getCell('C3').value).toBe(FORMULA_LIKE[0]);
    expect(ws.getCell('B4').value).toBe(FORMULA_LIKE[1]);
    expect(ws.getCell('N5').value).toBe(FORMULA_LIKE[2]);
    expect(ws.getCell('C6').value).toBe(FORMULA_LIKE[3]);
    expect(noteText(ws.getCell('H3').note)).toContain('AMT-02');
    const record = output.getWorksheet(MARK_RECORD_SHEET)!;
    expect(record.state).toBe('veryHidden');
    record.eachRow((row) => row.eachCell((cell) => expect(typeof cell.value).toBe('string')));
  });
});

describe('generated sheets never replace a sheet', () => {
  test('sheets with the generated names stay as they were; the new ones get (2)', async () => {
    const { input, output, stdout } = await checkCorpusFile('existing-generated-sheets.xlsx');
    for (const name of GENERATED) {
      expect([...lookOf(output.getWorksheet(name)!)]).toEqual([...lookOf(input.getWorksheet(name)!)]);
      expect(output.getWorksheet(`${name}(2)`)).toBeDefined();
    }
    expect(stdout).toContain(GENERATED.map((n) => `${n}(2)`).join('、'));
  });

  test('(2) taken as well, in another letter case or in the hidden mark record: the next free name', async () => {
    const wb = newWorkbook();
    addRoster(wb);
    wb.addWorksheet('调整花名册');
    wb.addWorksheet('调整花名册(2)');
    wb.addWorksheet('核查汇总', { state: 'hidden' });
    const dir = tempDir();
    const input = join(dir, 'r.xlsx');
    writeFileSync(input, await bytesOf(wb));
    const r = await run(
      'check',
      input,
      '--out',
      join(dir, 'o.xlsx'),
      '--as-of',
      '2018-01-15',
      '--policy',
      fixturePolicy(dir),
    );
    expect(r.code).toBe(0);
    const names = (await readXlsx(join(dir, 'o.xlsx'))).worksheets.map((ws) => ws.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '调整花名册',
        '调整花名册(2)',
        '调整花名册(3)',
        '核查汇总',
        '核查汇总(2)',
        '抽查名单',
        '公示名单',
      ]),
    );
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

test('rare characters and emoji reach the generated sheets whole (no split surrogate pairs)', async () => {
  const { output } = await checkCorpusFile('emoji-rare-cjk.xlsx');
  const posted: unknown[] = [];
  output.getWorksheet('公示名单')!.eachRow((row) => row.eachCell((cell) => posted.push(cell.value)));
  expect(posted).toEqual(expect.arrayContaining(['杨𪚥', '龙𠀀妹', '🌾 刘👨‍👩‍👧 一家', '🏔️山村']));
  const roster = output.getWorksheet('花名册')!;
  expect(roster.getCell('N7').value).toBe('👍 已核实，𠀀𪚥');
  // A lone surrogate would mean a character was cut in half somewhere.
  for (const v of posted) if (typeof v === 'string') expect(v).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
});
