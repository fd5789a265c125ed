/**
 * The clerk's loop on the web page at a task pane's size (350 × 900), issue #11: three clicks
 * from nothing to a downloaded workbook with marks and the 调整花名册 (打开 Excel 文件 → 标注并生成调整花名册
 * → 下载结果), nothing typed; after the check the first findings are on screen without scrolling
 * and the list is the page's only scroll area. Screenshot: docs/img/taskpane-350.png.
 * (The Excel path's two clicks are asserted over the Excel double: test/taskpane/twoClicks.test.tsx.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { writeSample } from '../../examples/make-sample';
import { MARK_FILLS } from '../../src/workbook/host';
import { openPage, type GuardedPage } from './support/browser';
import { useStage } from './support/stage';

const DIST = path.resolve(__dirname, '../../dist');
const stage = useStage(DIST, 'index.html', 'build');
const DOCS_IMG = path.resolve(__dirname, '../../docs/img');

let sampleFile: string;

beforeAll(async () => {
  sampleFile = await writeSample(path.join(stage.tmp, '城步县儒林镇低保花名册.xlsx'));
});

describe('web page at 350 × 900', () => {
  let g: GuardedPage;
  beforeAll(async () => {
    g = await openPage(stage.browser, stage.server.url + 'index.html', { width: 350, height: 900 });
    // Every click the clerk makes (trusted events only), counted by the page itself.
    await g.page.evaluate(() => {
      (window as unknown as { clicks: number }).clicks = 0;
      document.addEventListener(
        'click',
        (e) => e.isTrusted && (window as unknown as { clicks: number }).clicks++,
        true,
      );
    });
  });
  afterAll(() => g?.context.close());
  /** Clicks made to look at a finding (not part of the path). */
  let aside = 0;
  const clicks = async () => (await g.page.evaluate(() => (window as unknown as { clicks: number }).clicks)) - aside;

  it('click 1: 打开 Excel 文件 — the check runs by itself and the first findings are in view', async () => {
    const page = g.page;
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '打开 Excel 文件' }).click(),
    ]);
    await chooser.setFiles(sampleFile);
    await page.locator('[data-testid="error-count"]').waitFor({ timeout: 60_000 });
    const list = page.getByRole('listbox', { name: '问题清单' });
    await list.getByRole('option').first().waitFor();

    // One scroll area: the page itself does not scroll, the list does.
    const page1 = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      inner: window.innerHeight,
      wide: document.documentElement.scrollWidth,
    }));
    expect(page1.scroll).toBeLessThanOrEqual(page1.inner);
    expect(page1.wide).toBeLessThanOrEqual(350);
    const listBox = (await list.boundingBox())!;
    expect(listBox.y + listBox.height).toBeLessThanOrEqual(900);
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

    // At least three findings entirely on screen, without scrolling anything.
    const visible = await list.getByRole('option').evaluateAll(
      (els) =>
        els.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
        }).length,
    );
    expect(visible).toBeGreaterThanOrEqual(3);
    // The focus went to the results.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('核查结果');
    fs.mkdirSync(DOCS_IMG, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_IMG, 'taskpane-350.png'), animations: 'disabled' });
    expect(await clicks()).toBe(1);
  });

  it('a clicked finding opens to its whole message and the row as written', async () => {
    const page = g.page;
    const list = page.getByRole('listbox', { name: '问题清单' });
    aside += 2;
    await list.getByRole('option').first().click();
    const cells = page.locator('ul[aria-label$="行的内容"]');
    await cells.waitFor();
    expect(await cells.locator('li').count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(DOCS_IMG, 'taskpane-350-finding.png'), animations: 'disabled' });
    await list.getByRole('option').first().click(); // close it again
    await cells.waitFor({ state: 'detached' });
  });

  it('click 2: 标注并生成调整花名册 — then 下载结果 is highlighted and says what the file holds', async () => {
    const page = g.page;
    const before = await clicks();
    await page.getByRole('button', { name: '标注并生成调整花名册' }).click();
    const download = page.getByRole('button', { name: '下载结果', exact: true });
    await page.getByText(/^下载的文件含：问题标注、“调整花名册”表$/).waitFor({ timeout: 60_000 });
    expect(await download.getAttribute('aria-describedby')).toBeTruthy();
    expect(await clicks()).toBe(before + 1);
  });

  it('click 3: 下载结果 — the workbook has the marks and the adjustment roster; three clicks in all', async () => {
    const page = g.page;
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载结果', exact: true }).click(),
    ]);
    const saved = path.join(stage.tmp, 'loop.xlsx');
    await file.saveAs(saved);
    expect(await clicks()).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const adj = wb.getWorksheet('调整花名册');
    expect(adj).toBeDefined();
    expect(String(adj!.getCell('A1').value)).toContain('调整花名册');
    let marked = 0;
    wb.getWorksheet('花名册')!.eachRow((row) =>
      row.eachCell((c) => {
        if ((c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === MARK_FILLS.error) marked++;
      }),
    );
    expect(marked).toBeGreaterThan(0);
    expect(g.outside).toEqual([]);
  });
});
