/**
 * End to end on the generated sample: `check` finds every planted problem, proposes the expected
 * adjustments, marks a copy (the input untouched), and `clear` gives back the clerk's own fills.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MARK_FILLS, MARK_RECORD_SHEET } from '../../src/workbook/host';
import { ReportSchema, type Report } from '../../src/workbook/output/report';
import {
  HEADER_ROWS,
  ROSTER_SHEET,
  buildSampleTownship,
  cleanRows,
  expectedAdjustments,
  makeSampleWorkbook,
  plantedFindings,
} from '../../examples/make-sample';
import { fillOf, loadWorkbook, noteText, run, sha256, tempDir, writeSampleFiles, type Run } from './helpers';

const township = buildSampleTownship();
const { presets, totalsRow } = makeSampleWorkbook(township);

let dir: string;
let roster: string;
let policy: string;
let inputHash: string;
let first: Run;
let report: Report;
const out = () => join(dir, 'out', '儒林镇.checked.xlsx');
const reportPath = () => join(dir, 'out', '儒林镇.report.json');

beforeAll(async () => {
  dir = tempDir();
  ({ roster, policy } = await writeSampleFiles(dir));
  inputHash = sha256(roster);
  first = await run('check', roster, '--policy', policy, '--out', out(), '--report', reportPath());
  report = JSON.parse(readFileSync(reportPath(), 'utf8'));
});

describe('check on the sample roster', () => {
  it('exits 1 (errors found) and prints a summary table', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('户数（households）');
    expect(first.stdout).toMatch(/月保障金合计（monthly total）\s+[\d,]+\.\d\d 元/);
    expect(first.stdout).toContain('新增 3，停保 5，增发 1，减发 3');
    expect(first.stdout).toContain(out());
    // No names or ID numbers in what the terminal shows.
    expect(first.stdout).not.toMatch(/\d{15,}/);
    for (const h of township.households) expect(first.stdout).not.toContain(h.members[0].name);
  });

  it('reports every planted (row, rule) pair on the roster sheet', () => {
    const got = new Set(report.findings.filter((f) => f.sheet === ROSTER_SHEET).map((f) => `${f.row} ${f.rule}`));
    const missing = plantedFindings(township).filter((p) => !got.has(`${p.row} ${p.rule}`));
    expect(missing).toEqual([]);
  });

  it('reports no error or warning on the clean and trap rows', () => {
    const clean = new Set(cleanRows(township));
    const wrong = report.findings.filter((f) => clean.has(f.row) && f.severity !== 'info');
    expect(wrong).toEqual([]);
  });

  it('proposes exactly the expected adjustments', () => {
    const got = report.adjustments.map((a) => ({ row: a.row, type: a.type, before: a.before, after: a.after }));
    const want = expectedAdjustments(township).map((a) => ({
      row: a.row,
      type: a.type,
      before: a.before,
      after: { persons: a.after.persons, amount: expect.closeTo(a.after.amount, 1) as unknown as number },
    }));
    expect(got.sort((a, b) => a.row - b.row)).toEqual(want.sort((a, b) => a.row - b.row));
  });

  it('writes the report in the documented shape', () => {
    expect(() => ReportSchema.parse(report)).not.toThrow();
    expect(Object.keys(report)).toEqual([
      'sheet',
      'headerRow',
      'households',
      'sheets',
      'notChecked',
      'asOf',
      'policy',
      'findings',
      'adjustments',
      'skipped',
      'summary',
    ]);
    expect(report).toMatchObject({ sheet: '花名册', headerRow: HEADER_ROWS[1], households: 64, asOf: '2018-01-15' });
    expect(report.policy).toMatchObject({ township: '儒林镇', areaCode: '430529', annualStandard: 3026 });
    const f = report.findings.find((x) => x.rule === 'AMT-01')!;
    expect(Object.keys(f)).toEqual([
      'sheet',
      'row',
      'column',
      'cell',
      'rule',
      'severity',
      'message',
      'messageId',
      'data',
    ]);
    // The message without its words: the id of docs/RULES.md and the values it names.
    expect(f.messageId).toBe('mismatch');
    expect(f.message).toContain(`月保障金 ${f.data.benefit} 元与应发 ${f.data.expected} 元不符`);
    expect(f.column).toBe('月保障金（元）');
    expect(f.cell).toMatch(/^N\d+$/);
    expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(report.summary).toMatchObject({ households: 64, memberSheet: '家庭成员' });
    expect(report.summary.lists.map((l) => l.kind).sort()).toEqual(['death', 'poor', 'vehicle']);
    expect(report.summary.missingBottomLine).toHaveLength(1);
    expect(Object.keys(report.adjustments[0])).toEqual([
      'sheet',
      'row',
      'type',
      'village',
      'headName',
      'idNumber',
      'before',
      'after',
      'reason',
      'messageId',
      'data',
    ]);
  });

  it('leaves the input file byte for byte as it was', () => {
    expect(sha256(roster)).toBe(inputHash);
  });

  it('marks the cells at fault and leaves the other cells as they were', async () => {
    const wb = await loadWorkbook(out());
    const ws = wb.getWorksheet(ROSTER_SHEET)!;
    const painted = report.findings.filter((f) => f.sheet === ROSTER_SHEET && f.severity !== 'info' && f.cell);
    expect(painted.length).toBeGreaterThan(40);
    for (const f of painted) {
      const cell = ws.getCell(f.cell!);
      const worst = painted.some((g) => g.cell === f.cell && g.severity === 'error') ? 'error' : 'warning';
      expect([f.cell, fillOf(ws, Number(cell.row), Number(cell.col))]).toEqual([f.cell, MARK_FILLS[worst]]);
      expect(noteText(ws, Number(cell.row), Number(cell.col))).toContain(f.message);
    }
    // Untouched: header fills, a clerk's fill and note on a clean row, the totals row, every clean row.
    const original = (await loadWorkbook(roster)).getWorksheet(ROSTER_SHEET)!;
    const markedCells = new Set(painted.map((f) => f.cell));
    const clean = new Set(cleanRows(township));
    for (let r = 1; r <= totalsRow + 2; r++) {
      for (let c = 1; c <= original.columnCount; c++) {
        const address = ws.getCell(r, c).address;
        if (markedCells.has(address)) continue;
        expect([address, fillOf(ws, r, c)]).toEqual([address, fillOf(original, r, c)]);
        if (clean.has(r)) expect([address, noteText(ws, r, c)]).toEqual([address, noteText(original, r, c)]);
        // Values are never changed.
        expect([address, ws.getCell(r, c).text]).toEqual([address, original.getCell(r, c).text]);
      }
    }
    const kept = presets.notes.find((n) => !markedCells.has(ws.getCell(n.row, n.col).address))!;
    expect(noteText(ws, kept.row, kept.col)).toBe(kept.text);
  });

  it('adds the generated sheets to the copy', async () => {
    const wb = await loadWorkbook(out());
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['花名册', '家庭成员', '调整花名册', '抽查名单', '核查汇总', '公示名单']),
    );
    const adj = wb.getWorksheet('调整花名册')!;
    const text = adj.getSheetValues().flat().map(String).join(' ');
    expect(text).toContain('儒林镇');
    expect(text).toContain('合计');
    for (const a of report.adjustments) expect(text).toContain(a.headName);
  });

  it('clear gives back every original fill and note, keeping the generated sheets', async () => {
    const cleared = join(dir, 'cleared.xlsx');
    const res = await run('clear', out(), '--out', cleared);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toContain('恢复的单元格（cells restored）');
    const original = (await loadWorkbook(roster)).getWorksheet(ROSTER_SHEET)!;
    const wb = await loadWorkbook(cleared);
    const ws = wb.getWorksheet(ROSTER_SHEET)!;
    for (let r = 1; r <= totalsRow + 2; r++) {
      for (let c = 1; c <= original.columnCount; c++) {
        const address = ws.getCell(r, c).address;
        expect([address, fillOf(ws, r, c), noteText(ws, r, c)]).toEqual([
          address,
          fillOf(original, r, c),
          noteText(original, r, c),
        ]);
      }
    }
    for (const f of presets.fills) expect(fillOf(ws, f.row, f.col)).toBe(f.argb);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['调整花名册', '抽查名单', '核查汇总']));
    expect(wb.getWorksheet(MARK_RECORD_SHEET)?.state ?? 'gone').not.toBe('visible');
  });
});

describe('outputs that already exist', () => {
  it('are refused without --force (exit 2, one line, nothing written) and replaced with it', async () => {
    const before = sha256(out());
    const reportBefore = sha256(reportPath());
    const refused = await run('check', roster, '--policy', policy, '--out', out(), '--report', reportPath());
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /^无法核查：输出文件已存在：儒林镇\.checked\.xlsx.*（Not checked: output file already exists/,
    );
    expect(sha256(out())).toBe(before);
    expect(sha256(reportPath())).toBe(reportBefore);

    writeFileSync(out(), 'not a workbook');
    const forced = await run('check', roster, '--policy', policy, '--out', out(), '--report', reportPath(), '--force');
    expect(forced.code).toBe(1);
    expect((await loadWorkbook(out())).getWorksheet('调整花名册')).toBeDefined();
  });

  it('refuses an output that is the input itself, even with --force', async () => {
    const res = await run('check', roster, '--policy', policy, '--out', roster, '--force');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('输出文件不能是输入文件本身');
    expect(sha256(roster)).toBe(inputHash);
  });

  it('refuses a report that exists even when the workbook output does not', async () => {
    const d = tempDir();
    const r = join(d, 'r.json');
    writeFileSync(r, '{}');
    const res = await run('check', roster, '--policy', policy, '--out', join(d, 'o.xlsx'), '--report', r);
    expect(res.code).toBe(2);
    expect(existsSync(join(d, 'o.xlsx'))).toBe(false);
    expect(readFileSync(r, 'utf8')).toBe('{}');
  });
});

describe('default output name and --no-out', () => {
  it('writes <input>.checked.xlsx next to the input by default', async () => {
    const d = tempDir();
    const files = await writeSampleFiles(d, township, '样本.xlsx');
    const res = await run('check', files.roster, '--policy', files.policy);
    expect(res.code).toBe(1);
    expect(existsSync(join(d, '样本.checked.xlsx'))).toBe(true);
  });

  it('writes no workbook with --no-out, but the report when asked', async () => {
    const d = tempDir();
    const r = join(d, 'r.json');
    const res = await run('check', roster, '--policy', policy, '--no-out', '--report', r);
    expect(res.code).toBe(1);
    expect(res.stdout).not.toContain('标注工作簿');
    expect(existsSync(r)).toBe(true);
    expect(existsSync(join(dir, '城步县儒林镇低保花名册.checked.xlsx'))).toBe(false);
  });
});
