/** Exit codes 0 / 1 / 2, and the one-line refusals of exit code 2 (nothing written). */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildTownship, type VillagePlan } from '../../examples/make-sample';
import { run, tempDir, writeSampleFiles, type Run } from './helpers';

const cleanVillages = (n: number): VillagePlan[] => [
  { village: '白云村', rows: Array(n).fill(null) },
  { village: '清溪村', rows: Array(n).fill(null) },
];

/** Exit 2: one line on stderr, Chinese then English, no stack trace, no file written. */
function expectRefusal(res: Run, dir: string, filesBefore: string[], zh: RegExp): void {
  expect(res.code).toBe(2);
  expect(res.stdout).toBe('');
  const lines = res.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^无法核查：.*（Not checked: .*）$/);
  expect(lines[0]).toMatch(zh);
  expect(lines[0]).not.toMatch(/\bat .*\.ts:\d+/);
  expect(readdirSync(dir).sort()).toEqual(filesBefore.sort());
}

describe('exit codes', () => {
  it('0: a roster without errors', async () => {
    const dir = tempDir();
    const clean = buildTownship({ township: '儒林镇', seed: 5, villages: cleanVillages(10) });
    const { roster, policy } = await writeSampleFiles(dir, clean);
    const res = await run('check', roster, '--policy', policy, '--out', join(dir, 'o.xlsx'));
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toMatch(/错误（errors）\s+0/);
    expect(existsSync(join(dir, 'o.xlsx'))).toBe(true);
  });

  describe('2: not checked', () => {
    let dir: string;
    let roster: string;
    let policy: string;
    let before: string[];
    beforeAll(async () => {
      dir = tempDir();
      ({ roster, policy } = await writeSampleFiles(dir));
    });
    beforeEach(() => {
      before = readdirSync(dir);
    });

    it('a policy with an unknown key names the key', async () => {
      const bad = join(dir, 'bad-key.json');
      writeFileSync(bad, JSON.stringify({ annualStandard: 3026, anualStandard: 3200 }));
      before = readdirSync(dir);
      expectRefusal(await run('check', roster, '--policy', bad), dir, before, /anualStandard/);
    });

    it('a policy with a bad value names the key', async () => {
      const bad = join(dir, 'bad-value.json');
      writeFileSync(bad, JSON.stringify({ sampleRate: 3 }));
      before = readdirSync(dir);
      expectRefusal(await run('check', roster, '--policy', bad), dir, before, /sampleRate/);
    });

    it('a policy that is not JSON gives the line and column', async () => {
      const bad = join(dir, 'bad-json.json');
      writeFileSync(bad, '{\n  "county": "城步苗族自治县",\n  "asOf": 2018-01-15\n}');
      before = readdirSync(dir);
      expectRefusal(await run('check', roster, '--policy', bad), dir, before, /不是有效的 JSON（第3行第\d+列附近）/);
    });

    it('a missing policy file', async () => {
      expectRefusal(await run('check', roster, '--policy', join(dir, 'none.json')), dir, before, /找不到核查参数文件/);
    });

    it('a workbook without a roster header names the headers looked for', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['序号', '备注']);
      const file = join(dir, 'no-header.xlsx');
      await wb.xlsx.writeFile(file);
      before = readdirSync(dir);
      expectRefusal(await run('check', file, '--policy', policy), dir, before, /户主姓名.*身份证号码/);
    });

    it('a file that is not a workbook', async () => {
      const file = join(dir, 'names.xlsx');
      writeFileSync(file, '姓名,身份证号\n');
      before = readdirSync(dir);
      expectRefusal(await run('check', file, '--policy', policy), dir, before, /不是 Excel 工作簿/);
    });

    it('a file that does not exist', async () => {
      expectRefusal(await run('check', join(dir, 'none.xlsx')), dir, before, /找不到文件/);
    });

    it('a --sheet that does not exist lists the sheets there are', async () => {
      expectRefusal(
        await run('check', roster, '--policy', policy, '--sheet', '花名册2'),
        dir,
        before,
        /花名册2.*家庭成员/,
      );
    });

    it('bad arguments', async () => {
      expectRefusal(
        await run('check', roster, '--policy', policy, '--no-out', '--out', 'x.xlsx'),
        dir,
        before,
        /--no-out/,
      );
    });
  });

  it('--help prints the usage in Chinese and English', async () => {
    const res = await run('--help');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('用法：');
    expect(res.stdout).toContain('Usage:');
    expect(res.stdout).toContain('--mask-ids');
  });
});
