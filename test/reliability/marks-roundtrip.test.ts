/**
 * Nothing lost: marking a clerk's roster and clearing the marks gives back every cell exactly —
 * value, fill and note — including cells that had their own fill or note, after save and reopen,
 * through the file host and through the command line (check → clear). Only the tool's notes go.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parsePolicy } from '../../src/domain/policy';
import { markResult, runCheck } from '../../src/workbook/actions';
import { FileWorkbook } from '../../src/workbook/file/file';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER } from '../../src/workbook/host';
import { lookOf, noteText, readXlsx } from '../corpus/inspect';
import { ROSTER_HEADERS, addRoster, bytesOf, newWorkbook, type RosterRow } from '../corpus/roster-book';
import { fixturePolicy, run, tempDir } from '../cli/helpers';

const POLICY = parsePolicy({ asOf: '2018-01-15' });
const HOUSEHOLDS = 8;
const FIRST_DATA_ROW = 3;
const COLUMNS = ROSTER_HEADERS.length;

/** What can go wrong in one household, so that marks land on many different cells. */
const problemArb = fc.constantFrom<(row: RosterRow) => void>(
  () => undefined,
  (r) => (r.入户调查签字 = '未签'),
  (r) => (r.月保障金 = 1),
  (r) => (r.家庭月人均收入 = 400),
  (r) => (r.身份证号码 = Number(r.身份证号码)),
  (r) => (r.保障人数 = 9),
  (r) => (r.最近复核日期 = '2015-01-01'),
);

const fillArb = fc.oneof(
  fc.integer({ min: 0, max: 0xffffff }).map((n): ExcelJS.Fill => ({
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: 'FF' + n.toString(16).padStart(6, '0').toUpperCase() },
  })),
  fc.constant<ExcelJS.Fill>({ type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FF112233' } }),
  // A clerk who already painted a cell in exactly our colour.
  fc.constant<ExcelJS.Fill>({ type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS.error } }),
  fc.constant<ExcelJS.Fill>({
    type: 'gradient',
    gradient: 'angle',
    degree: 90,
    stops: [
      { position: 0, color: { argb: 'FFFFFFFF' } },
      { position: 1, color: { argb: 'FF4472C4' } },
    ],
  }),
);

const noteArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom('户主已搬迁，待核实', `${NOTE_HEADER}看起来像工具的批注`, '=SUM(A1:A3)'),
  fc.constant<ExcelJS.Comment>({ texts: [{ text: '村干部：', font: { bold: true } }, { text: '材料在档案室' }] }),
);

const decorationArb = fc.record({
  row: fc.integer({ min: 1, max: FIRST_DATA_ROW + HOUSEHOLDS - 1 }),
  col: fc.integer({ min: 1, max: COLUMNS }),
  fill: fc.option(fillArb, { nil: undefined }),
  note: fc.option(noteArb, { nil: undefined }),
});

type Decoration = { row: number; col: number; fill?: ExcelJS.Fill; note?: string | ExcelJS.Comment };

async function clerkRoster(problems: ((row: RosterRow) => void)[], decorations: Decoration[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  const { ws } = addRoster(wb, { households: HOUSEHOLDS, edit: (row, i) => problems[i]?.(row) });
  for (const d of decorations) {
    const cell = ws.getCell(d.row, d.col);
    if (d.fill) cell.fill = d.fill;
    if (d.note !== undefined) cell.note = d.note;
  }
  wb.addWorksheet('说明').getCell('A1').value = '镇里的说明';
  return bytesOf(wb);
}

const reopen = async (fw: FileWorkbook) => FileWorkbook.load(await fw.toBuffer());

/** Every sheet the clerk had, cell by cell. */
function looks(wb: ExcelJS.Workbook, sheets: string[]) {
  return Object.fromEntries(sheets.map((name) => [name, [...lookOf(wb.getWorksheet(name)!)]]));
}

function toolNotes(wb: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const text = noteText(cell.note);
        // Our note starts a line with the header; a clerk's text may contain it elsewhere.
        if (text.split('\n').some((line) => line === NOTE_HEADER)) found.push(`${ws.name}!${cell.address}`);
      }),
    );
  }
  return found;
}

describe('mark → save → reopen → clear restores every cell (property, real findings)', () => {
  test('random problems, fills and notes, marked once or twice', async () => {
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(problemArb, { minLength: HOUSEHOLDS, maxLength: HOUSEHOLDS }),
        fc.array(decorationArb, { maxLength: 12 }),
        fc.boolean(),
        async (problems, decorations, twice) => {
          const bytes = await clerkRoster(problems, decorations);
          const sheets = ['花名册', '说明'];
          const before = looks(await readXlsx(bytes), sheets);

          let fw = await FileWorkbook.load(bytes);
          const { result } = await runCheck(fw, POLICY);
          const outcome = await markResult(fw, result);
          marked += outcome.cells;
          fw = await reopen(fw);
          if (twice) {
            // A second check of the marked copy must not take our own fill for the clerk's.
            await markResult(fw, (await runCheck(fw, POLICY)).result);
            fw = await reopen(fw);
          }
          // Saved while marked and cleared in the same session, as the web page does (下载结果,
          // then 清除标注, then 下载结果): this once brought the marks back (stale ExcelJS style id).
          const whileMarked = await readXlsx(await fw.toBuffer());
          if (outcome.cells > 0) expect(looks(whileMarked, sheets)).not.toEqual(before);

          await fw.clearMarks();
          const after = await readXlsx(await fw.toBuffer());
          expect(looks(after, sheets)).toEqual(before);
          expect(after.getWorksheet(MARK_RECORD_SHEET)).toBeUndefined();
          expect(toolNotes(after)).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
    // The property is about marked cells: make sure the runs marked plenty of them.
    expect(marked).toBeGreaterThan(30);
  });
});

test('mark → save → clear → save in one session (the web page) leaves no mark fill behind', async () => {
  const fw = await FileWorkbook.load(await clerkRoster([(r) => (r.入户调查签字 = '未签')], []));
  await markResult(fw, (await runCheck(fw, POLICY)).result);
  await fw.toBuffer();
  await fw.clearMarks();
  const ws = (await readXlsx(await fw.toBuffer())).getWorksheet('花名册')!;
  expect(lookOf(ws).get('L3')).toEqual({ value: JSON.stringify('未签'), fill: '', note: '' });
});

describe('through the command line: check → clear', () => {
  const decorations: Decoration[] = [
    // Cells the check will mark (row 3 unsigned, row 4 wrong amount), with the clerk's own fill and notes.
    { row: 3, col: 12, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } }, note: '已电话催签' },
    {
      row: 4,
      col: 9,
      note: { texts: [{ text: '村干部：', font: { bold: true } }, { text: '按上月金额' }] },
    },
    { row: 4, col: 3, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS.warning } } },
    // Cells the check leaves alone.
    { row: 5, col: 2, fill: { type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FF9BC2E6' } }, note: '搬迁' },
  ];
  const problems = [(r: RosterRow) => (r.入户调查签字 = '未签'), (r: RosterRow) => (r.月保障金 = 1)];

  test('the cleared copy equals the original; generated sheets stay; no tool note or record remains', async () => {
    const dir = tempDir();
    const input = join(dir, 'roster.xlsx');
    writeFileSync(input, await clerkRoster(problems, decorations));
    const checked = join(dir, 'roster.checked.xlsx');
    const cleared = join(dir, 'roster.cleared.xlsx');
    expect((await run('check', input, '--out', checked, '--as-of', '2018-01-15')).code).toBe(1);
    const marked = await readXlsx(checked);
    expect(marked.getWorksheet('花名册')!.getCell('L3').fill).toMatchObject({ fgColor: { argb: MARK_FILLS.error } });
    expect(noteText(marked.getWorksheet('花名册')!.getCell('L3').note)).toMatch(/^已电话催签\n\n【低保核查】\nDOC-01/);

    const r = await run('clear', checked, '--out', cleared);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });

    const original = await readXlsx(input);
    const back = await readXlsx(cleared);
    expect(looks(back, ['花名册', '说明'])).toEqual(looks(original, ['花名册', '说明']));
    expect(back.worksheets.map((ws) => ws.name)).toEqual(
      marked.worksheets.map((ws) => ws.name).filter((n) => n !== MARK_RECORD_SHEET),
    );
    expect(back.worksheets.map((ws) => ws.name)).toEqual(
      expect.arrayContaining(['调整花名册', '抽查名单', '核查汇总', '公示名单']),
    );
    expect(toolNotes(back)).toEqual([]);
  });

  test('checking the checked copy again, then clearing, still gives the original back', async () => {
    const dir = tempDir();
    const input = join(dir, 'roster.xlsx');
    writeFileSync(input, await clerkRoster(problems, decorations));
    await run('check', input, '--out', join(dir, 'once.xlsx'), '--as-of', '2018-01-15');
    const again = await run('check', join(dir, 'once.xlsx'), '--out', join(dir, 'twice.xlsx'), '--as-of', '2018-01-15');
    expect(again.code).toBe(1);
    // Our own sheets from the first check are replaced, not added again as 调整花名册(2).
    expect(again.stdout).toMatch(/新增工作表.*调整花名册/);
    expect(again.stdout).not.toContain('调整花名册(2)');
    expect(
      (await readXlsx(join(dir, 'twice.xlsx'))).worksheets.filter((w) => w.name.startsWith('调整花名册')),
    ).toHaveLength(1);
    expect((await run('clear', join(dir, 'twice.xlsx'), '--out', join(dir, 'back.xlsx'))).code).toBe(0);
    const back = await readXlsx(join(dir, 'back.xlsx'));
    expect(looks(back, ['花名册', '说明'])).toEqual(looks(await readXlsx(input), ['花名册', '说明']));
  });
});

test('through the command line, random problems, fills and notes: check → clear gives the roster back (property)', async () => {
  const dir = tempDir();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(problemArb, { minLength: HOUSEHOLDS, maxLength: HOUSEHOLDS }),
      fc.array(decorationArb, { maxLength: 10 }),
      async (problems, decorations) => {
        const base = join(dir, String(++n));
        writeFileSync(`${base}.xlsx`, await clerkRoster(problems, decorations));
        const checked = await run('check', `${base}.xlsx`, '--out', `${base}.checked.xlsx`, '--as-of', '2018-01-15');
        expect(checked.stderr).toBe('');
        const cleared = await run('clear', `${base}.checked.xlsx`, '--out', `${base}.cleared.xlsx`);
        expect(cleared.code).toBe(0);
        const sheets = ['花名册', '说明'];
        expect(looks(await readXlsx(`${base}.cleared.xlsx`), sheets)).toEqual(
          looks(await readXlsx(`${base}.xlsx`), sheets),
        );
      },
    ),
    { numRuns: 20 },
  );
});

describe('a damaged mark record (hand-edited or half-copied) never stops check or clear', () => {
  /** The checked copy with the record's first row spoiled in the ways a hand edit would. */
  async function damaged(dir: string): Promise<string> {
    const input = join(dir, 'roster.xlsx');
    writeFileSync(input, await clerkRoster([(r) => (r.入户调查签字 = '未签'), (r) => (r.月保障金 = 1)], []));
    const checked = join(dir, 'checked.xlsx');
    await run('check', input, '--out', checked, '--as-of', '2018-01-15', '--policy', fixturePolicy(dir));
    const wb = await readXlsx(checked);
    const record = wb.getWorksheet(MARK_RECORD_SHEET)!;
    expect(record.getCell('B2').value).toBe('L3');
    record.getCell('C2').value = '{not json';
    record.getCell('D2').value = '{"texts": 杨秀英 430529';
    record.addRow(['花名册', 'ZZZZ99999999', '', '']);
    record.addRow(['花名册', 'A1', '42', '[]']);
    record.addRow(['不存在的表', 'A1', '', '']);
    const path = join(dir, 'damaged.xlsx');
    await wb.xlsx.writeFile(path);
    return path;
  }

  test('clear removes our fill and note where the record is unreadable, and restores the rest', async () => {
    const dir = tempDir();
    const path = await damaged(dir);
    const r = await run('clear', path, '--out', join(dir, 'cleared.xlsx'));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const ws = (await readXlsx(join(dir, 'cleared.xlsx'))).getWorksheet('花名册')!;
    expect(lookOf(ws).get('L3')).toEqual({ value: JSON.stringify('未签'), fill: '', note: '' });
    expect(lookOf(ws).get('I4')?.fill).toBe('');
    expect(lookOf(ws).get('A1')?.fill).toBe('');
  });

  test('check of a workbook with a damaged record marks it afresh', async () => {
    const dir = tempDir();
    const path = await damaged(dir);
    const r = await run('check', path, '--out', join(dir, 'rechecked.xlsx'), '--as-of', '2018-01-15');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: '' });
    const ws = (await readXlsx(join(dir, 'rechecked.xlsx'))).getWorksheet('花名册')!;
    expect(noteText(ws.getCell('L3').note)).toBe(`${NOTE_HEADER}\nDOC-01 入户调查表未签字`);
  });
});
