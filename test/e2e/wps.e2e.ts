/**
 * The built WPS add-in (npm run build:wps) in headless Chromium with the WPS double as
 * window.Application, on the sample roster: the ribbon's 一键标注, 清除标注 and 生成调整花名册 run
 * end to end through index.html's callbacks, and 核查面板 opens taskpane.html, where the same
 * React pane checks, marks, clears, generates and runs its self-test (自检) through the WPS host.
 * The network is shut.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { version } from '../../package.json';
import { writeSample } from '../../examples/make-sample';
import { MARK_FILLS, MARK_RECORD_SHEET } from '../../src/workbook/host';
import { marksFromResult } from '../../src/workbook/output/marks';
import type { CheckResult } from '../../src/domain/types';
import { openPage, type GuardedPage } from './support/browser';
import { useStage } from './support/stage';
import { engineResult, PANE_POLICY } from './support/reference';
import { bookFromXlsx, wpsDoubleScript } from './support/wps-browser';

const ADDIN = path.resolve(__dirname, '../../dist-wps/jsaddons', `dibao_${version}`);
const stage = useStage(ADDIN, 'ribbon.xml', 'build:wps');
const MARK_HEX = Object.values(MARK_FILLS).map((argb) => `#${argb.slice(2)}`);
const SETTINGS = {
  township: PANE_POLICY.township,
  standard: PANE_POLICY.annualStandard,
  standardUnit: 'year',
  asOf: PANE_POLICY.asOf,
};

let book: string;
let expected: CheckResult;
let doubleJs: string;

beforeAll(async () => {
  const sample = await writeSample(path.join(stage.tmp, '城步县儒林镇低保花名册.xlsx'));
  book = await bookFromXlsx(sample);
  expected = await engineResult(sample);
  doubleJs = wpsDoubleScript();
});

/** A page of the add-in with the double (over `saved`) as window.Application; alerts collected. */
async function addinPage(url: string, saved: string): Promise<GuardedPage> {
  return openPage(stage.browser, url, { width: 420, height: 1000 }, async (ctx) => {
    await ctx.addInitScript(
      ({ js, saved: json, settings }) => {
        new Function(js)();
        const w = window as unknown as Record<string, unknown>;
        const d = (w.__wpsDouble as (j: string) => { Application: unknown }).call(null, json);
        w.__wps = d;
        w.Application = d.Application;
        w.__alerts = [];
        w.alert = (m: string) => (w.__alerts as string[]).push(m);
        localStorage.setItem('dibao.settings', JSON.stringify(settings));
      },
      { js: doubleJs, saved, settings: SETTINGS },
    );
  });
}

/** What the double's workbook holds now. */
function state(page: Page) {
  return page.evaluate(
    ({ marks, record }) => {
      const d = (
        window as unknown as {
          __wps: {
            book: {
              live(): {
                name: string;
                fills: Map<number, { color: string; pattern: string }>;
                notes: Map<string, string>;
                values: unknown[][];
              }[];
              save(): string;
            };
          };
        }
      ).__wps;
      const sheets = d.book.live();
      const marked = sheets.flatMap((s) =>
        [...s.fills.values()].filter((f) => f.pattern === 'Solid' && marks.includes(f.color)),
      );
      const notes = sheets.flatMap((s) => [...s.notes.values()].filter((n) => n.includes('【低保核查】')));
      return {
        names: sheets.map((s) => s.name),
        marked: marked.length,
        notes: notes.length,
        hasRecord: sheets.some((s) => s.name === record),
        titleOf: Object.fromEntries(sheets.map((s) => [s.name, String(s.values[0]?.[0] ?? '')])),
        saved: d.book.save(),
      };
    },
    { marks: MARK_HEX, record: MARK_RECORD_SHEET },
  );
}

const alerts = (page: Page) => page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts);

describe('WPS add-in in the browser (the WPS double as window.Application)', () => {
  let ribbonPage: GuardedPage;
  const cells = () => marksFromResult(expected).length;

  beforeAll(async () => {
    ribbonPage = await addinPage(stage.server.url + 'index.html', book);
    await ribbonPage.page.waitForFunction(() => typeof (window as unknown as { ribbon?: unknown }).ribbon === 'object');
    await ribbonPage.page.evaluate(() =>
      (window as unknown as { ribbon: { OnAddinLoad(x: unknown): boolean } }).ribbon.OnAddinLoad({
        Invalidate() {},
        InvalidateControl() {},
      }),
    );
  });
  afterAll(() => ribbonPage?.context.close());

  const action = (id: string) =>
    ribbonPage.page.evaluate(
      (control) =>
        (window as unknown as { ribbon: { OnAction(c: { Id: string }): Promise<unknown> } }).ribbon.OnAction({
          Id: control,
        }),
      id,
    );

  it('names its buttons in ribbon.xml and enables them with a workbook open', async () => {
    const xml = fs.readFileSync(path.join(ADDIN, 'ribbon.xml'), 'utf8');
    for (const label of ['核查面板', '一键标注', '清除标注', '生成调整花名册'])
      expect(xml).toContain(`label="${label}"`);
    const enabled = await ribbonPage.page.evaluate(() =>
      ['btnPane', 'btnMark', 'btnClear', 'btnAdjust'].map((Id) =>
        (window as unknown as { ribbon: { OnGetEnabled(c: { Id: string }): boolean } }).ribbon.OnGetEnabled({ Id }),
      ),
    );
    expect(enabled).toEqual([true, true, true, true]);
    expect(fs.existsSync(path.join(ADDIN, '..', 'publish.xml'))).toBe(true);
  });

  it('一键标注 checks and marks every cell at fault, with notes', async () => {
    await action('btnMark');
    const s = await state(ribbonPage.page);
    const { errors, warnings } = expected.summary;
    expect(cells()).toBeGreaterThan(0);
    expect((await alerts(ribbonPage.page)).at(-1)).toBe(`发现 ${errors} 处错误、${warnings} 处提醒，已标注`);
    expect(s.marked).toBe(cells());
    expect(s.notes).toBe(cells());
    expect(s.hasRecord).toBe(true);
  });

  it('清除标注 restores every marked cell and removes the record', async () => {
    await action('btnClear');
    const s = await state(ribbonPage.page);
    expect((await alerts(ribbonPage.page)).at(-1)).toBe(`已清除 ${cells()} 个单元格的标注`);
    expect([s.marked, s.notes, s.hasRecord]).toEqual([0, 0, false]);
  });

  it('生成调整花名册 adds the adjustment roster as a new sheet', async () => {
    await action('btnAdjust');
    const s = await state(ribbonPage.page);
    const added = s.names.find((n) => n.startsWith('调整花名册'));
    expect(added).toBeDefined();
    expect(s.titleOf[added!]).toMatch(/儒林镇农村低保调整花名册$/);
    expect((await alerts(ribbonPage.page)).at(-1)).toContain(`：${expected.adjustments.length}户（`);
  });

  it('核查面板 opens taskpane.html, where the pane checks, marks, clears and generates through WPS', async () => {
    await action('btnPane');
    const url = await ribbonPage.page.evaluate(
      () => (window as unknown as { __wps: { taskPanes: { url: string; Visible: boolean }[] } }).__wps.taskPanes[0],
    );
    expect(url.Visible).toBe(true);
    expect(url.url).toBe(stage.server.url + 'taskpane.html');
    const pane = await addinPage(url.url, book);
    try {
      const page = pane.page;
      // As in Excel, the pane checks as it opens (核查面板 is the only click).
      await page.locator('[data-testid="error-count"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-testid="error-count"]').textContent()).toBe(String(expected.summary.errors));
      await page.getByRole('button', { name: '一键标注' }).click();
      await page.waitForFunction(
        () =>
          (window as unknown as { __wps: { book: { find(n: string): unknown } } }).__wps.book.find('_dibao_marks') !==
          undefined,
      );
      expect((await state(page)).marked).toBe(cells());
      await page.getByRole('button', { name: '清除标注' }).click();
      await page.waitForFunction(
        () =>
          (window as unknown as { __wps: { book: { find(n: string): unknown } } }).__wps.book.find('_dibao_marks') ===
          undefined,
      );
      expect((await state(page)).marked).toBe(0);
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('menuitem', { name: '生成调整花名册' }).click();
      await page.waitForFunction(() =>
        (window as unknown as { __wps: { book: { live(): { name: string }[] } } }).__wps.book
          .live()
          .some((s) => s.name.startsWith('调整花名册')),
      );
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('menuitem', { name: '自检' }).click();
      const report = page.getByText(/^自检（WPS 表格 12\.1\.0 \(17900\)）：/);
      await report.waitFor({ timeout: 60_000 });
      expect(await report.textContent()).toContain('自检（WPS 表格 12.1.0 (17900)）：9/9 项通过，可以正常使用');
      const names = (await state(page)).names;
      expect(names.some((n) => n.startsWith('自检'))).toBe(false);
      expect(pane.outside).toEqual([]);
      expect(pane.consoleErrors.filter((e) => /pageerror|Content Security Policy/.test(e))).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});
