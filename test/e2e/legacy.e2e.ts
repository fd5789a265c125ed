/**
 * The converter on the web page: SheetJS is its own chunk, fetched only when the clerk opens an
 * .xls/.xlsb/.ods/.et — never for an .xlsx, never inside Excel — and such a file gives the same
 * counts as the .xlsx it was saved from, with the download named <name>.checked.xlsx.
 *
 * Reads dist/ as `npm run build` leaves it (run through `npm run test:e2e`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, type GuardedPage } from './support/browser';
import { serve, type StaticServer } from './support/server';
import { typePanePolicy } from './support/reference';

const DIST = path.resolve(__dirname, '../../dist');
const FIXTURES = path.resolve(__dirname, '../fixtures/legacy');
/** A string of SheetJS's BIFF reader that survives minification. */
const SHEETJS_MARK = 'Cannot find Workbook stream';

const scripts = () => fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
const read = (f: string) => fs.readFileSync(path.join(DIST, f), 'utf8');

describe('the built bundles (dist/)', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
      throw new Error('dist/ is missing: run `npm run build` first');
  });

  it('hold SheetJS in its own chunk only, referenced by no page', () => {
    const withSheetJs = scripts().filter((f) => read(f).includes(SHEETJS_MARK));
    expect(withSheetJs).toHaveLength(1);
    expect(withSheetJs[0]).toMatch(/^sheetjs\.[0-9a-f]+\.js$/);
    for (const page of ['taskpane.html', 'index.html', 'commands.html']) {
      expect([page, read(page).includes('sheetjs')]).toEqual([page, false]);
    }
  });
});

describe('opening other formats on the standalone page', () => {
  let server: StaticServer;
  let browser: Browser;
  let g: GuardedPage;
  const requested: string[] = [];

  beforeAll(async () => {
    server = await serve(DIST);
    browser = await launch();
    g = await openPage(browser, server.url + 'index.html', { width: 1280, height: 900 });
    g.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await typePanePolicy(g.page);
  });

  afterAll(async () => {
    await g?.context.close();
    await browser?.close();
    await server?.close();
  });

  async function open(page: Page, file: string): Promise<string> {
    const errors = page.locator('[data-testid="error-count"]');
    await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, file));
    await page.getByText(`文件：${file}`).waitFor({ timeout: 60_000 });
    await errors.waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '重新核查' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    return (await errors.textContent()) ?? '';
  }

  const sheetJsFetched = () => requested.some((p) => /\/sheetjs\.[0-9a-f]+\.js$/.test(p));

  it('an .xlsx does not fetch the converter', async () => {
    const errors = await open(g.page, 'roster.xlsx');
    expect(Number(errors)).toBeGreaterThan(0);
    expect(sheetJsFetched()).toBe(false);
    await expect(g.page.getByText(/已将 .* 转换为 \.xlsx/).count()).resolves.toBe(0);
  });

  it('an .xls fetches it, gives the same error count, says it was converted, downloads .checked.xlsx', async () => {
    const xlsxErrors = await g.page.locator('[data-testid="error-count"]').textContent();
    const errors = await open(g.page, 'roster.xls');
    expect(sheetJsFetched()).toBe(true);
    expect(errors).toBe(xlsxErrors);
    await g.page.getByText('已将 .xls 转换为 .xlsx 核查，下载结果为 .xlsx，原文件不变').waitFor();
    const [download] = await Promise.all([
      g.page.waitForEvent('download'),
      g.page.getByRole('button', { name: '下载结果' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('roster.checked.xlsx');
    expect(g.outside).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
  });
});
