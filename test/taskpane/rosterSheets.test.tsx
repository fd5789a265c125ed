/**
 * @jest-environment jsdom
 *
 * The pane inside Excel (over the Excel double) with a roster kept one sheet per village (#10):
 * it lists the roster sheets it checked, lets the clerk leave one out (remembered in the
 * workbook), and its settings line says where each value came from (#10 point 7, #11).
 */
import { act } from 'react';
import type { WorkbookGrid } from '../../src/domain/grid';
import { App } from '../../src/taskpane/App';
import { hostActions } from '../../src/taskpane/shells/hostActions';
import { settingsStore } from '../../src/taskpane/shells/settingsStore';
import { OfficeHost } from '../../src/workbook/office/office';
import { officeSettingsBackend } from '../../src/workbook/office/office-settings';
import { localUserDefaults, USER_DEFAULTS_KEY } from '../../src/workbook/user-defaults';
import { SETTINGS_KEY } from '../../src/workbook/settings';
import { ExcelDouble } from '../support/excel-double';
import { cleanRow, rosterSheet } from '../support/roster';
import { button, click, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const villages = (): WorkbookGrid => ({
  sheets: [
    rosterSheet([cleanRow({ 户主姓名: '杨秀英' }), cleanRow({ 户主姓名: '刘长生' })], undefined, '白云村'),
    rosterSheet([cleanRow({ 户主姓名: '龙春梅', 村: '清溪村' })], undefined, '清溪村'),
  ],
});

function excelOver(grid: WorkbookGrid): ExcelDouble {
  return ExcelDouble.fromSpec({
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
    })),
  });
}

/** One add-in's document settings in the workbook (a reopened workbook starts without them). */
function documentSettings(initial: Record<string, unknown> = {}) {
  const live = new Map<string, unknown>(Object.entries(initial));
  return {
    get: (k: string) => live.get(k) ?? null,
    set: (k: string, v: unknown) => void live.set(k, v),
    saveAsync: (cb?: (r: Office.AsyncResult<void>) => void) => cb?.({ status: 'succeeded' } as never),
  } as unknown as Office.Settings;
}

function memoryStorage(initial: Record<string, unknown> = {}) {
  const m = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

async function openPane(double: ExcelDouble, doc: Office.Settings, storage = memoryStorage()) {
  const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
  const settings = settingsStore(officeSettingsBackend(doc, double.run), localUserDefaults(storage));
  view = await render(<App actions={hostActions(host)} settings={settings} checkOnOpen />);
  await settle(() => !!view!.container.querySelector('[data-testid="error-count"]'));
  return view;
}

async function settle(until: () => boolean) {
  for (let i = 0; i < 80 && !until(); i++) {
    await act(async () => void (await new Promise((r) => setTimeout(r, 10))));
  }
}

function checkbox(container: HTMLElement, label: string): HTMLInputElement {
  const l = [...container.querySelectorAll('label')].find((x) => x.textContent === label);
  if (!l) throw new Error(`no checkbox labelled ${label}: ${container.textContent}`);
  return document.getElementById(l.htmlFor) as HTMLInputElement;
}

const settingsLine = (container: HTMLElement) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.includes('核查参数'))!.textContent!;

test('lists the village sheets; unticking one checks again without it, and the workbook remembers', async () => {
  const double = excelOver(villages());
  const doc = documentSettings({ [SETTINGS_KEY]: { asOf: '2018-01-15', standard: 3026, standardUnit: 'year' } });
  const pane = await openPane(double, doc);
  const group = pane.container.querySelector('[role="group"][aria-label="核查的花名册工作表"]') as HTMLElement;
  expect(group).not.toBeNull();
  expect(pane.container.textContent).toContain('2张工作表，共3户');
  expect(checkbox(group, '白云村（2户）').checked).toBe(true);
  expect(checkbox(group, '清溪村（1户）').checked).toBe(true);

  await click(checkbox(group, '清溪村（1户）'));
  await settle(() => pane.container.textContent!.includes('清溪村（未核查）'));
  expect(pane.container.textContent).toContain('1张工作表，共2户');
  expect(checkbox(pane.container, '清溪村（未核查）').checked).toBe(false);
  // The last sheet still ticked cannot be left out: a check needs a roster.
  expect(checkbox(pane.container, '白云村（2户）').disabled).toBe(true);
  // Remembered in the workbook itself, where another add-in id and another computer find it.
  await settle(() => double.book.custom.has('dibao.leftout.1'));
  expect(double.book.custom.get('dibao.leftout.1')?.value).toBe('清溪村');

  // Saved and opened on another computer (no document settings of this add-in there).
  view!.unmount();
  view = undefined;
  const again = await openPane(double.reopen(), documentSettings());
  expect(again.container.textContent).toContain('1张工作表，共2户');
  expect(checkbox(again.container, '清溪村（未核查）').checked).toBe(false);

  // Ticked again: both villages are checked.
  await click(checkbox(again.container, '清溪村（未核查）'));
  await settle(() => again.container.textContent!.includes('2张工作表，共3户'));
  expect(checkbox(again.container, '清溪村（1户）').checked).toBe(true);
});

test('the settings line says where each value came from, and follows a change the clerk saves', async () => {
  const double = excelOver(villages());
  const doc = documentSettings({ [SETTINGS_KEY]: { asOf: '2018-01-15', standardUnit: 'year' } });
  // This computer remembers the township from an earlier roster; the county is only in the title.
  const storage = memoryStorage({ [USER_DEFAULTS_KEY]: { township: '丹口镇' } });
  const pane = await openPane(double, doc, storage);
  expect(settingsLine(pane.container)).toContain(
    '城步苗族自治县（花名册标题） 丹口镇（本机默认） · 低保标准 266.67元/月（花名册“低保标准”列，空白行按湖南省2018年指导标准） · 基准日 2018-01-15（工作簿参数）',
  );

  // The clerk types the county's own standard and checks again: now the workbook holds it all.
  await click(button(pane.container, settingsLine(pane.container)));
  const standard = pane.container.querySelector('input[placeholder="3200"]') as HTMLInputElement;
  expect(standard).not.toBeNull(); // the 2018 default, shown as the placeholder
  await act(async () => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    set.call(standard, '3026');
    standard.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(settingsLine(pane.container)).not.toContain('（');
  await click(button(pane.container, '重新核查'));
  await settle(() => settingsLine(pane.container).includes('252.17'));
  expect(settingsLine(pane.container)).toContain(
    '丹口镇（工作簿参数） · 低保标准 252.17元/月（花名册“低保标准”列，空白行按工作簿参数）',
  );
});

test('English: the same sources in English', async () => {
  const double = excelOver(villages());
  const doc = documentSettings({ [SETTINGS_KEY]: { asOf: '2019-03-01', standardUnit: 'year' } });
  const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
  const settings = settingsStore(officeSettingsBackend(doc, double.run), localUserDefaults(memoryStorage()));
  view = await render(<App actions={hostActions(host)} settings={settings} checkOnOpen initialLang="en" />);
  await settle(() => !!view!.container.querySelector('[data-testid="error-count"]'));
  const line = [...view.container.querySelectorAll('button')].find((b) => b.textContent?.includes('Check settings'))!;
  expect(line.textContent).toContain('城步苗族自治县 (roster title)');
  expect(line.textContent).toContain(
    'standard 266.67 yuan/month (roster 低保标准 column; blank rows: Hunan guiding standard 2018, still in force in 2019)',
  );
  expect(line.textContent).toContain('as of 2019-03-01 (workbook settings)');
});
