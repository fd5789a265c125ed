/**
 * The ribbon always answers (issue #11): 生成调整花名册 checks and writes the sheet (replacing its
 * own earlier one), each command's one line reaches the clerk in a dialog in their language with
 * the other behind a toggle, and a host without dialogs still finishes (the pane shows the line).
 */
import { describe, expect, test } from '@jest/globals';
import type { WorkbookGrid } from '../../src/domain/grid';
import {
  clearMarks,
  generateRoster,
  markRoster,
  registerCommands,
  type CommandDeps,
  type Notice,
} from '../../src/commands/commands';
import { messageUrl, readMessage, showNotice, type Dialogs } from '../../src/commands/dialog';
import { OfficeHost } from '../../src/workbook/office/office';
import { DEFAULT_SETTINGS, type Settings } from '../../src/workbook/settings';
import { ExcelDouble } from '../support/excel-double';
import { check, cleanRow, workbook } from '../support/roster';

// The fixture rows are computed under 3026 yuan/year (the 2018 default would be 3200).
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, township: '儒林镇', asOf: '2018-01-15', standard: 3026 };

function setup(grid: WorkbookGrid) {
  const double = ExcelDouble.fromSpec({
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
    })),
  });
  const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
  const shown: string[] = [];
  const dialogs: Dialogs = {
    base: 'https://addin.example/commands.html',
    lang: 'zh',
    show: async (url) => void shown.push(url),
  };
  const deps: CommandDeps = {
    host,
    loadSettings: async () => SETTINGS,
    selectCell: (sheet, row, col) => host.selectCell(sheet, row, col),
    notify: (n) => showNotice(dialogs, n),
  };
  return { double, deps, shown };
}

const withAdjustments = () =>
  workbook([
    cleanRow({ 户主姓名: '杨秀英' }),
    cleanRow({ 户主姓名: '刘长生', 家庭月人均收入: 300, 月保障金: 0 }), // AMT-02 → 停保
    cleanRow({ 户主姓名: '龙春梅', 月保障金: 500 }), // AMT-01 → 减发
    cleanRow({ 入户调查表: '无' }),
  ]);

describe('生成调整花名册 (generateRoster)', () => {
  test('checks, writes the sheet, shows it and says how many households by type', async () => {
    const grid = withAdjustments();
    const { errors, warnings } = check(grid, { township: '儒林镇' }).summary;
    const { double, deps, shown } = setup(grid);
    const notice = await generateRoster(deps);
    expect(notice).toEqual({
      ok: true,
      zh: `已生成“调整花名册”：2户（停保1户、减发1户）（核查发现 ${errors} 处错误、${warnings} 处提醒，可点“一键标注”标出）`,
      en: `Wrote “调整花名册”: 2 households (1 stopped, 1 lowered). (the check found ${errors} errors and ${warnings} warnings.)`,
    });
    expect(double.sheet('调整花名册')).toBeDefined();
    expect(double.book.activeSheet?.name).toBe('调整花名册');
    expect(shown).toHaveLength(1);
    expect(readMessage(new URL(shown[0]).hash)).toEqual({ ...notice, lang: 'zh' });

    // A second click replaces our sheet: still one 调整花名册.
    await generateRoster(deps);
    expect(
      double.book
        .live()
        .filter((s) => s.name.startsWith('调整花名册'))
        .map((s) => s.name),
    ).toEqual(['调整花名册']);
  });

  test('no household to adjust: says so and writes nothing', async () => {
    const { double, deps } = setup(workbook([cleanRow(), cleanRow()]));
    const before = double.book.live().map((s) => s.name);
    expect(await generateRoster(deps)).toEqual({
      ok: true,
      zh: '没有拟调整的户，未生成调整花名册',
      en: 'No household needs an adjustment; no adjustment roster was written.',
    });
    expect(double.book.live().map((s) => s.name)).toEqual(before);
  });

  test('no roster: what went wrong, not silence', async () => {
    const { deps, shown } = setup({ sheets: [{ name: 'Sheet1', rows: [[{ v: '随便写的', t: 'string' }]] }] });
    const notice = await generateRoster(deps);
    expect(notice.ok).toBe(false);
    expect(readMessage(new URL(shown[0]).hash)?.zh).toMatch(/花名册|表头/);
  });
});

describe('every ribbon command answers in a dialog', () => {
  test('一键标注, 生成调整花名册 and 清除标注 each show one message with the counts', async () => {
    const { deps, shown } = setup(withAdjustments());
    const mark = await markRoster(deps);
    await generateRoster(deps);
    const cleared = await clearMarks(deps);
    expect(shown.map((u) => readMessage(new URL(u).hash)?.zh)).toEqual([
      expect.stringMatching(/^发现 \d+ 处错误、\d+ 处提醒，已标注$/),
      expect.stringMatching(/^已生成“调整花名册”：2户/),
      cleared.zh,
    ]);
    expect(mark.zh).toBe(readMessage(new URL(shown[0]).hash)?.zh);
    expect(cleared.zh).toMatch(/^已清除 \d+ 个单元格的标注$/);
  });

  test('the dialog page gets the clerk language first; the URL fragment never carries a name or an ID', () => {
    const notice: Notice = { ok: true, zh: '已标注', en: 'Marked' };
    const url = messageUrl('https://addin.example/commands.html', { ...notice, lang: 'en' });
    expect(url.startsWith('https://addin.example/message.html#')).toBe(true);
    expect(readMessage(new URL(url).hash)).toEqual({ ...notice, lang: 'en' });
    expect(readMessage('#not-json')).toBeUndefined();
  });

  test('a host without dialogs, or a refused dialog, still completes the command', async () => {
    const notice: Notice = { ok: false, zh: '失败', en: 'failed' };
    await expect(showNotice(undefined, notice)).resolves.toBeUndefined();
    const refusing: Dialogs = {
      base: 'https://a.example/',
      lang: 'zh',
      show: async () => Promise.reject(new Error('12007')),
    };
    await expect(showNotice(refusing, notice)).resolves.toBeUndefined();
  });

  test('generateRoster is registered under the name the manifest uses', () => {
    const names: string[] = [];
    registerCommands({ associate: (n) => void names.push(n) }, () => ({}) as CommandDeps);
    expect(names).toEqual(['markRoster', 'generateRoster', 'clearMarks']);
  });
});
