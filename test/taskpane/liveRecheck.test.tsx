/**
 * @jest-environment jsdom
 *
 * 边改边查 in the pane (issue #11), over the Excel double: the pane checks on opening, the clerk
 * marks, then edits a cell in Excel — the counts and the marks follow without a click; undoing
 * the edit brings them back; the switch turns it off (and is remembered); the pane's own
 * marking re-checks nothing.
 */
import { act } from 'react';
import type { WorkbookGrid } from '../../src/domain/grid';
import { App } from '../../src/taskpane/App';
import { LIVE_PREF_KEY } from '../../src/taskpane/model/livePref';
import { hostActions } from '../../src/taskpane/shells/hostActions';
import { MARK_FILLS } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { ExcelDouble } from '../support/excel-double';
import { colLetters } from '../support/excel-double-book';
import { cleanRow, HEADERS, rowOf, workbook } from '../support/roster';
import { memorySettings } from './fixture';
import { button, click, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  localStorage.clear();
});

const roster = (): WorkbookGrid =>
  workbook([
    cleanRow({ 户主姓名: '杨秀英' }),
    cleanRow({ 户主姓名: '龙春梅', 入户调查表: '无' }), // DOC-01
    cleanRow({ 户主姓名: '吴玉兰' }),
  ]);
const cell = `${colLetters(HEADERS.indexOf('入户调查表'))}${rowOf(1)}`;
const errorFill = `#${MARK_FILLS.error.slice(2)}`;

async function openPane() {
  const double = ExcelDouble.fromSpec({
    sheets: roster().sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
    })),
  });
  const host = new OfficeHost({ run: double.run, runIn: double.runIn, isSetSupported: double.isSetSupported });
  const actions = { ...hostActions(host), live: host };
  view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
  await settle(() => !!errorCount());
  return { double, host };
}

const selectedTab = () => view!.container.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
const errorCount = () => view!.container.querySelector('[data-testid="error-count"]')?.textContent;

/** Real time passes (the live re-check waits 300 ms after the last edit) until `until` holds. */
async function settle(until: () => boolean, ms = 3000) {
  for (let t = 0; t < ms && !until(); t += 20) {
    await act(async () => void (await new Promise((r) => setTimeout(r, 20))));
  }
}

const fill = (d: ExcelDouble) => d.sheet('花名册').fill(rowOf(1) - 1, HEADERS.indexOf('入户调查表'));

test('an edit in Excel changes the counts and the marks; undoing it brings them back', async () => {
  const { double } = await openPane();
  const before = Number(errorCount());
  expect(before).toBeGreaterThan(0);
  await click(button(view!.container, '一键标注'));
  await settle(() => fill(double)?.color === errorFill);
  expect(fill(double)?.color).toBe(errorFill);

  await click([...view!.container.querySelectorAll('[role="tab"]')].find((t) => t.textContent?.startsWith('调整'))!);
  expect(selectedTab()).toMatch(/^调整/);
  double.edit('花名册', cell, [['有']]);
  await settle(() => Number(errorCount()) === before - 1);
  expect(Number(errorCount())).toBe(before - 1);
  await settle(() => fill(double) === undefined);
  expect(fill(double)).toBeUndefined();
  // The clerk's view stays as it was: the tab chosen is not reset to 问题.
  expect(selectedTab()).toMatch(/^调整/);

  double.edit('花名册', cell, [['无']]);
  await settle(() => Number(errorCount()) === before);
  expect(Number(errorCount())).toBe(before);
  await settle(() => fill(double)?.color === errorFill);
  expect(fill(double)?.color).toBe(errorFill);
});

test('the pane’s own marking re-checks nothing', async () => {
  const { double } = await openPane();
  const reads = () => double.stats.kinds['create getRangeByIndexes'] ?? 0;
  await click(button(view!.container, '一键标注'));
  await settle(() => fill(double)?.color === errorFill);
  const after = reads();
  // Events from our own writes are delivered; give the live re-check its time.
  await double.events.delivered();
  await settle(() => false, 600);
  expect(reads()).toBe(after);
});

test('the switch turns it off, and is remembered', async () => {
  const { double } = await openPane();
  const before = Number(errorCount());
  const toggle = view!.container.querySelector('input[role="switch"]') as HTMLInputElement;
  expect(toggle.checked).toBe(true);
  await click(toggle);
  expect(localStorage.getItem(LIVE_PREF_KEY)).toBe('off');
  double.edit('花名册', cell, [['有']]);
  await settle(() => false, 600);
  expect(Number(errorCount())).toBe(before);
  expect(double.events.count()).toBe(0);

  view!.unmount();
  view = undefined;
  const again = await openPane();
  expect((view!.container.querySelector('input[role="switch"]') as HTMLInputElement).checked).toBe(false);
  expect(again.double.events.count()).toBe(0);
});
