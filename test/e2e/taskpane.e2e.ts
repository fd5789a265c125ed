/**
 * The built page in headless Chromium, with the network shut: the clerk's whole workflow on the
 * sample roster — open the file, check, compare the counts with the command line's, filter,
 * 一键标注, 下载结果 — and the downloaded workbook carries the marks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { writeSample } from '../../examples/make-sample';
import { MARK_FILLS } from '../../src/workbook/host';
import { marksFromResult } from '../../src/workbook/output/marks';
import { RULE_INFO } from '../../src/domain/messages';
import type { CheckResult } from '../../src/domain/types';
import { openPage, OFFICE_CDN, type GuardedPage } from './support/browser';
import { useStage } from './support/stage';
import { commandLineReport, engineResult, typePanePolicy } from './support/reference';
import type { Report } from '../../src/workbook/output/report';

const DIST = path.resolve(__dirname, '../../dist');
const stage = useStage(DIST, 'taskpane.html', 'build');
const DOCS_IMG = path.resolve(__dirname, '../../docs/img');

let sampleFile: string;
let expected: CheckResult;
let report: Report;

beforeAll(async () => {
  sampleFile = await writeSample(path.join(stage.tmp, '城步县儒林镇低保花名册.xlsx'));
  report = commandLineReport(sampleFile, stage.tmp);
  expected = await engineResult(sampleFile);
});

const count = (r: CheckResult, pred: (f: CheckResult['findings'][number]) => boolean) => r.findings.filter(pred).length;

/** The number in "显示 12 / 300 条". */
async function shown(page: Page): Promise<number> {
  const text = await page.getByText(/^显示 [\d,]+ \/ [\d,]+ 条$/).textContent();
  return Number(/显示 ([\d,]+)/.exec(text ?? '')![1].replace(/,/g, ''));
}

/** Fill 核查参数 as the command line's policy says, then open the roster. */
async function openSample(page: Page): Promise<void> {
  await typePanePolicy(page);
  await page.locator('input[type="file"]').setInputFiles(sampleFile);
  await page.locator('[data-testid="error-count"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '重新核查' }).and(page.locator(':enabled')).waitFor();
}

describe('task pane in the browser (standalone mode, no network)', () => {
  let g: GuardedPage;

  beforeAll(async () => {
    g = await openPage(stage.browser, stage.server.url + 'taskpane.html', { width: 400, height: 1000 });
    await openSample(g.page);
  });
  afterAll(() => g?.context.close());

  it('falls back to the local office.js and the standalone page, and tried no other site', async () => {
    // The CDN's office.js (blocked here, as offline) is the only request that left the machine.
    expect(g.outside).toEqual([OFFICE_CDN + 'lib/1/hosted/office.js']);
    expect(g.consoleErrors.filter((e) => /Content Security Policy|pageerror/.test(e) && !/frame/.test(e))).toEqual([]);
  });

  it('shows the same numbers of errors and warnings as the command line', async () => {
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(0);
    expect(await g.page.locator('[data-testid="error-count"]').textContent()).toBe(String(errors));
    expect(await g.page.locator('[data-testid="warning-count"]').textContent()).toBe(String(warnings));
    // The details below come from the engine in-process; it must be the same check.
    expect(expected.findings.length).toBe(report.findings.length);
  });

  it('fits a 400 px pane (screenshot for docs/img/taskpane.png)', async () => {
    fs.mkdirSync(DOCS_IMG, { recursive: true });
    await g.page.evaluate(() => window.scrollTo(0, 0));
    expect(await g.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await g.page.screenshot({ path: path.join(DOCS_IMG, 'taskpane.png'), animations: 'disabled' });
  });
  it('narrows the list by severity, category, village and search', async () => {
    const page = g.page;
    expect(await shown(page)).toBe(expected.findings.length);

    await page.getByLabel('严重程度', { exact: true }).selectOption('warning');
    expect(await shown(page)).toBe(count(expected, (f) => f.severity === 'warning'));
    const labels = await page
      .getByRole('listbox', { name: '问题清单' })
      .getByRole('option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l!.includes('提醒'))).toBe(true);
    await page.getByLabel('严重程度', { exact: true }).selectOption('');

    await page.getByLabel('类别', { exact: true }).selectOption('DOC');
    expect(await shown(page)).toBe(count(expected, (f) => RULE_INFO[f.rule].family === 'DOC'));
    await page.getByLabel('类别', { exact: true }).selectOption('');

    const village = expected.summary.villages[1].village;
    await page.getByLabel('村', { exact: true }).selectOption(village);
    expect(await shown(page)).toBe(
      count(expected, (f) => f.household !== undefined && expected.households[f.household].village === village),
    );
    await page.getByLabel('村', { exact: true }).selectOption({ index: 0 });

    const someone = expected.households[expected.findings[0].household!];
    await page.getByLabel('搜索', { exact: true }).fill(someone.headName);
    expect(await shown(page)).toBeGreaterThanOrEqual(count(expected, (f) => f.household === someone.index));
    const found = await page
      .getByRole('listbox', { name: '问题清单' })
      .getByRole('option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(found.every((l) => l!.includes(someone.headName))).toBe(true);
    expect(await page.getByText(`${someone.headName} · ${someone.village}`).first().isVisible()).toBe(true);
    await page.getByLabel('搜索', { exact: true }).fill('');
    expect(await shown(page)).toBe(expected.findings.length);
  });

  it('exports the same JSON report as the command line (更多 → 导出核查报告)', async () => {
    const page = g.page;
    await page.getByRole('button', { name: '更多' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出核查报告' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('城步县儒林镇低保花名册.report.json');
    const saved = path.join(stage.tmp, 'pane-report.json');
    await download.saveAs(saved);
    const fromPane = JSON.parse(fs.readFileSync(saved, 'utf8')) as Report;
    expect(fromPane.findings).toEqual(report.findings);
    expect(fromPane.adjustments).toEqual(report.adjustments);
    expect(fromPane.summary).toEqual(report.summary);
  });

  it('marks the workbook and 下载结果 saves it with the marks on the cells at fault', async () => {
    const page = g.page;
    await page.getByRole('button', { name: '一键标注' }).click();
    await page.getByText(/已标注 [\d,]+ 个单元格/).waitFor({ timeout: 30_000 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载结果', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('城步县儒林镇低保花名册.checked.xlsx');
    const saved = path.join(stage.tmp, 'downloaded.xlsx');
    await download.saveAs(saved);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const marks = marksFromResult(expected);
    expect(marks.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const m of marks) {
      const cell = wb.getWorksheet(m.sheet)!.getCell(m.row, m.col);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.fgColor?.argb !== MARK_FILLS[m.severity]) wrong.push(`${m.sheet}!${cell.address}`);
    }
    expect(wrong).toEqual([]);
    // A household without findings keeps its cells as they were.
    const clean = expected.households.find((h) => !expected.findings.some((f) => f.household === h.index))!;
    const roster = wb.getWorksheet(expected.roster.sheet)!;
    const nameCol = expected.roster.columns.headName!.col;
    const cleanFill = roster.getCell(clean.row, nameCol).fill as ExcelJS.FillPattern | undefined;
    expect(Object.values(MARK_FILLS)).not.toContain(cleanFill?.fgColor?.argb);
  });
});

describe('standalone page (index.html)', () => {
  it('works without any request off the machine (screenshot for docs/img/standalone.png)', async () => {
    const g = await openPage(stage.browser, stage.server.url + 'index.html', { width: 1280, height: 900 });
    try {
      await openSample(g.page);
      expect(await g.page.locator('[data-testid="error-count"]').textContent()).toBe(
        String(count(expected, (f) => f.severity === 'error')),
      );
      expect(g.outside).toEqual([]);
      expect(g.consoleErrors).toEqual([]);
      await g.page.screenshot({ path: path.join(DOCS_IMG, 'standalone.png'), animations: 'disabled' });
    } finally {
      await g.context.close();
    }
  });
});
