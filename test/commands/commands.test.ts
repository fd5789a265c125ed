/**
 * The ribbon commands over the Excel double: 一键标注 checks with the workbook's saved settings,
 * marks, brings the first cell at fault into view and leaves a one-line result; 清除标注 restores.
 * Office always gets event.completed(), whatever happens.
 */
import { describe, expect, test } from '@jest/globals';
import type { WorkbookGrid } from '../../src/domain/grid';
import {
  clearMarks,
  COMMAND_TIME_MS,
  LAST_COMMAND_KEY,
  markRoster,
  registerCommands,
  rememberNotice,
  type CommandDeps,
  type Notice,
} from '../../src/commands/commands';
import { MARK_FILLS } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { DEFAULT_SETTINGS, type Settings } from '../../src/workbook/settings';
import { ExcelDouble, type ExcelApiVersion } from '../support/excel-double';
import { check, cleanRow, makeId, rowOf, workbook } from '../support/roster';
import type { WorkbookSpec } from '../support/workbook-spec';

// The fixture rows are computed under 3026 yuan/year (the 2018 default would be 3200).
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, township: '儒林镇', asOf: '2018-01-15', standard: 3026 };

function specOf(grid: WorkbookGrid): WorkbookSpec {
  return {
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v, ...(c.fmt ? { fmt: c.fmt } : {}) } : null))),
    })),
  };
}

function setup(grid: WorkbookGrid, opts: { api?: ExcelApiVersion; settings?: Settings; timed?: boolean } = {}) {
  const double = ExcelDouble.fromSpec(specOf(grid), opts.api ?? '1.18');
  const host = new OfficeHost({
    run: double.run,
    isSetSupported: double.isSetSupported,
    // As officeDeps does: the time limit counts from the button press.
    ...(opts.timed ? { deadline: { at: double.now() + COMMAND_TIME_MS, now: double.now } } : {}),
  });
  const notices: Notice[] = [];
  const deps: CommandDeps = {
    host,
    loadSettings: async () => opts.settings ?? SETTINGS,
    selectCell: (sheet, row, col) => host.selectCell(sheet, row, col),
    notify: async (n) => void notices.push(n),
  };
  return { double, deps, notices };
}

const BAD_ID = makeId('19600315', '123').slice(0, 17) + 'X';
const withProblems = () =>
  workbook([
    cleanRow(),
    cleanRow({ 入户调查表: '无' }),
    cleanRow({ 身份证号码: BAD_ID }),
    cleanRow({ 最近复核日期: '2015-01-01' }),
  ]);

describe('一键标注 (markRoster)', () => {
  test('checks with the saved settings, marks the cells at fault and says how many', async () => {
    const grid = withProblems();
    const expected = check(grid, { township: '儒林镇' }).summary;
    expect(expected.errors).toBeGreaterThanOrEqual(2);
    expect(expected.warnings).toBeGreaterThanOrEqual(1);
    const { double, deps, notices } = setup(grid);
    const notice = await markRoster(deps);
    expect(notice).toEqual({
      ok: true,
      zh: `发现 ${expected.errors} 处错误、${expected.warnings} 处提醒，已标注`,
      en: `Found ${expected.errors} errors and ${expected.warnings} warnings; the cells are marked.`,
    });
    expect(notices).toEqual([notice]);
    const roster = double.sheet('花名册');
    const filled = [...roster.fills.values()].map((f) => f.color);
    expect(filled).toContain(`#${MARK_FILLS.error.slice(2)}`);
    expect(filled).toContain(`#${MARK_FILLS.warning.slice(2)}`);
    // The first error (top-most) is selected, so Excel scrolls to it.
    expect(double.book.selection?.rect.r0).toBe(rowOf(1) - 1);
    expect(roster.fill(rowOf(0) - 1, 2)).toBeUndefined();
  });

  test('a roster without problems says so and marks nothing', async () => {
    const { double, deps } = setup(workbook([cleanRow(), cleanRow()]));
    expect(await markRoster(deps)).toMatchObject({ ok: true, zh: '未发现问题：2户全部符合要求' });
    expect(double.sheet('花名册').fills.size).toBe(0);
    expect(double.book.selection).toBeUndefined();
  });

  test('where Excel cannot add notes the clerk is told where the reasons are', async () => {
    const { deps } = setup(withProblems(), { api: '1.9' });
    const notice = await markRoster(deps);
    expect(notice.zh).toMatch(/已标注；此版本 Excel 不能添加批注，原因请在核查面板或核查汇总中查看$/);
  });

  test('no roster in the workbook: the reason, in Chinese first, and nothing changes', async () => {
    const { double, deps, notices } = setup({ sheets: [{ name: 'Sheet1', rows: [[{ v: '随便写的', t: 'string' }]] }] });
    const notice = await markRoster(deps);
    expect(notice.ok).toBe(false);
    expect(notice.zh).toMatch(/花名册|表头/);
    expect(notices).toEqual([notice]);
    expect(double.book.find('_dibao_marks')).toBeUndefined();
  });

  test('a finished marking stays a success when Excel cannot scroll to the first cell', async () => {
    const { double, deps } = setup(withProblems());
    const notice = await markRoster({ ...deps, selectCell: async () => Promise.reject(new Error('sheet protected')) });
    expect(notice).toMatchObject({ ok: true, zh: expect.stringMatching(/已标注$/) });
    expect(double.sheet('花名册').fills.size).toBeGreaterThan(0);
  });

  test('on a slow link the command stops itself before Excel ends it at 5 minutes, says so, and clearing puts all back', async () => {
    // 40 s a round trip: without the time limit of its own, Excel ends the command mid-way.
    const untimed = setup(withProblems());
    untimed.double.latency = { perSyncMs: 40_000, perMBMs: 0 };
    untimed.double.startCommand();
    await markRoster(untimed.deps);
    expect(untimed.double.killed).toBe(true);

    const { double, deps, notices } = setup(withProblems(), { timed: true });
    double.latency = { perSyncMs: 40_000, perMBMs: 0 };
    double.startCommand();
    const notice = await markRoster(deps);
    expect(double.killed).toBe(false);
    expect(notice.ok).toBe(false);
    expect(notice.zh).toMatch(/^名单较大，未能在 Excel 允许的 5 分钟内做完，已停下/);
    expect(notices).toEqual([notice]);
    // It stopped part-way through marking: the record and the paint were sent, the notes not.
    expect(double.book.find('_dibao_marks')).toBeDefined();
    expect(double.sheet('花名册').fills.size).toBeGreaterThan(0);
    double.endCommand();
    double.latency = { perSyncMs: 0, perMBMs: 0 };
    const untimedHost = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
    await untimedHost.clearMarks();
    expect(double.sheet('花名册').fills.size).toBe(0);
    expect(double.sheet('花名册').notes.size).toBe(0);
    expect(double.book.find('_dibao_marks')).toBeUndefined();
  });

  test('settings that do not make a valid policy send the clerk to the pane', async () => {
    const { deps } = setup(withProblems(), { settings: { ...SETTINGS, asOf: '2018-02-30' } });
    const notice = await markRoster(deps);
    expect(notice.ok).toBe(false);
    expect(notice.zh).toMatch(/^核查参数有误，请打开核查面板修改：.*asOf/);
  });
});

describe('清除标注 (clearMarks)', () => {
  test('restores the marked cells and says how many; a second click has nothing to do', async () => {
    const { double, deps } = setup(withProblems());
    await markRoster(deps);
    const marked = double.sheet('花名册').fills.size;
    expect(await clearMarks(deps)).toEqual({
      ok: true,
      zh: `已清除 ${marked} 个单元格的标注`,
      en: `Marks removed from ${marked} cells.`,
    });
    expect(double.sheet('花名册').fills.size).toBe(0);
    expect(await clearMarks(deps)).toMatchObject({ ok: true, zh: '没有需要清除的标注' });
  });
});

describe('registration', () => {
  function registered(makeDeps: () => CommandDeps) {
    const handlers = new Map<string, (e: { completed(): void }) => void>();
    registerCommands({ associate: (name, h) => void handlers.set(name, h) }, makeDeps);
    return handlers;
  }
  const completion = (handler: (e: { completed(): void }) => void) =>
    new Promise<void>((resolve) => handler({ completed: resolve }));

  test('every command completes its event, also when telling the clerk fails', async () => {
    const { deps } = setup(withProblems());
    const handlers = registered(() => ({ ...deps, notify: async () => Promise.reject(new Error('gone')) }));
    expect([...handlers.keys()]).toEqual(['markRoster', 'generateRoster', 'clearMarks']);
    await completion(handlers.get('markRoster')!);
    await completion(handlers.get('generateRoster')!);
    await completion(handlers.get('clearMarks')!);
  });

  test('an Office failure becomes a short notice naming Excel, and the event still completes', async () => {
    const notices: Notice[] = [];
    const failing = Object.assign(new Error('boom'), { code: 'GeneralException' });
    const handlers = registered(() => ({
      host: { clearMarks: async () => Promise.reject(failing) } as unknown as OfficeHost,
      loadSettings: async () => SETTINGS,
      notify: async (n) => void notices.push(n),
    }));
    await completion(handlers.get('clearMarks')!);
    expect(notices).toEqual([
      {
        ok: false,
        zh: 'Excel 未能完成操作（GeneralException），请稍后重试',
        en: 'Excel could not finish (GeneralException); please try again.',
      },
    ]);
  });
});

test('the notice is kept in the workbook settings for the task pane', async () => {
  const store = new Map<string, unknown>();
  let saved = 0;
  const settings = {
    get: (k: string) => store.get(k),
    set: (k: string, v: unknown) => void store.set(k, v),
    saveAsync: (cb?: (r: Office.AsyncResult<void>) => void) => {
      saved++;
      cb?.({ status: 'succeeded' } as unknown as Office.AsyncResult<void>);
    },
  } as unknown as Office.Settings;
  await rememberNotice(settings, { ok: true, zh: '已标注', en: 'marked' }, new Date('2018-01-15T08:00:00Z'));
  expect(store.get(LAST_COMMAND_KEY)).toEqual({ ok: true, zh: '已标注', en: 'marked', at: '2018-01-15T08:00:00.000Z' });
  expect(saved).toBe(1);
});
