/**
 * @jest-environment jsdom
 *
 * Two clicks in Excel from an opened roster to marks and a printable 调整花名册 (issue #11), over
 * the Excel double, counted both ways the clerk can go:
 *   pane:   核查面板 (opens the pane, which checks) → 标注并生成调整花名册
 *   ribbon: 一键标注 → 生成调整花名册
 * Nothing is typed: the settings come from the user's defaults or the workbook.
 */
import { generateRoster, markRoster, type CommandDeps } from '../../src/commands/commands';
import type { WorkbookGrid } from '../../src/domain/grid';
import { App } from '../../src/taskpane/App';
import { hostActions } from '../../src/taskpane/shells/hostActions';
import { MARK_FILLS } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { DEFAULT_SETTINGS } from '../../src/workbook/settings';
import { ExcelDouble } from '../support/excel-double';
import { cleanRow, workbook } from '../support/roster';
import { memorySettings } from './fixture';
import { button, click, render, type Rendered } from './render';
import { act } from 'react';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const roster = (): WorkbookGrid =>
  workbook([
    cleanRow({ 户主姓名: '杨秀英' }),
    cleanRow({ 户主姓名: '刘长生', 家庭月人均收入: 300, 月保障金: 0 }), // AMT-02 → 停保
    cleanRow({ 户主姓名: '龙春梅', 入户调查表: '无' }), // DOC-01
  ]);

function excel() {
  const double = ExcelDouble.fromSpec({
    sheets: roster().sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
    })),
  });
  const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
  return { double, host };
}

const errorFill = `#${MARK_FILLS.error.slice(2)}`;

/** Let the double's promises and React's effects run until the pane is idle. */
async function settle(until: () => boolean) {
  for (let i = 0; i < 50 && !until(); i++) {
    await act(async () => void (await new Promise((r) => setTimeout(r, 10))));
  }
}

test('pane: 核查面板 then 标注并生成调整花名册 — two clicks', async () => {
  const { double, host } = excel();
  let clicks = 1; // 核查面板 opens the pane
  view = await render(<App actions={hostActions(host)} settings={memorySettings()} checkOnOpen />);
  await settle(() => !!view!.container.querySelector('[data-testid="error-count"]'));
  expect(Number(view.container.querySelector('[data-testid="error-count"]')!.textContent)).toBeGreaterThan(0);
  await click(button(view.container, '标注并生成调整花名册'));
  clicks++;
  await settle(() => /已生成“调整花名册”/.test(view!.container.textContent!));
  expect(view.container.textContent).toMatch(/已标注 \d+ 个单元格，已生成“调整花名册”/);
  expect([...double.sheet('花名册').fills.values()].map((f) => f.color)).toContain(errorFill);
  expect(double.sheet('调整花名册')).toBeDefined();
  expect(clicks).toBe(2);
});

test('ribbon: 一键标注 then 生成调整花名册 — two clicks, each answered', async () => {
  const { double, host } = excel();
  const answers: string[] = [];
  const deps: CommandDeps = {
    host,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, asOf: '2018-01-15', standard: 3026 }),
    notify: async (n) => void answers.push(n.zh),
  };
  const ribbon = [markRoster, generateRoster];
  for (const button of ribbon) await button(deps);
  expect(ribbon).toHaveLength(2);
  expect(answers).toEqual([
    expect.stringMatching(/^发现 \d+ 处错误、\d+ 处提醒，已标注$/),
    expect.stringMatching(/^已生成“调整花名册”：1户（停保1户）/),
  ]);
  expect([...double.sheet('花名册').fills.values()].map((f) => f.color)).toContain(errorFill);
  expect(double.sheet('调整花名册')).toBeDefined();
});
