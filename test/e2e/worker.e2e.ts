/**
 * The web page checks in its worker (issue 12): a 20,000-household roster (with its member sheet
 * and a death list, bench/synthetic.ts) is checked on the built page with the counts the engine
 * gives on the same file; the page's thread (PerformanceObserver 'longtask') has no task over
 * 200 ms while the clerk filters and searches its 24,000 findings (the worker made the list), and
 * none over 200 ms times the machine's load per core during the check, from the result to the
 * list painted and on a language switch (see docs/PERFORMANCE.md, section 8); and
 * 下载结果 — the patching writer's copy, made in the worker — opens in ExcelJS with every mark
 * and note. Hostile files (issue 13) behave as on
 * the command line: a whole-column dropdown file is checked and saved, overlapping merges are
 * refused with the command line's words, and ExcelJS's chunk is never fetched for either.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { syntheticWorkbook } from '../../bench/synthetic';
import { checkFile } from '../../src/cli/check-file';
import type { Cell } from '../../src/domain/grid';
import { parsePolicy } from '../../src/domain/policy';
import { MARK_FILLS, NOTE_HEADER } from '../../src/workbook/host';
import { INFLATER_MIN_CORES } from '../../src/workbook/xlsx/codec-inflater';
import { marksFromResult } from '../../src/workbook/output/marks';
import { HOSTILE } from '../corpus/make-corpus';
import { openPage, type GuardedPage } from './support/browser';
import { findingsMoves, longest, longTasksBetween, pageNow, recordLongTasks } from './support/long-tasks';
import { PANE_POLICY, typePanePolicy } from './support/reference';
import { useStage } from './support/stage';

const DIST = path.resolve(__dirname, '../../dist');
const stage = useStage(DIST, 'index.html', 'build');
const HOUSEHOLDS = 20_000;
const POLICY = parsePolicy(PANE_POLICY);
const quiet = { stdout: () => {}, stderr: () => {}, progress: false };

/** The synthetic roster as an .xlsx, strings shared as Excel stores them (as the benchmark writes it). */
async function writeRoster(file: string, households: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  for (const sheet of syntheticWorkbook(households).sheets) {
    const ws = writer.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map((c: Cell | undefined) => (c === undefined ? null : c.v))).commit();
    ws.commit();
  }
  await writer.commit();
}

async function openWithPolicy(): Promise<GuardedPage> {
  const g = await openPage(
    stage.browser,
    stage.server.url + 'index.html',
    { width: 1280, height: 900 },
    recordLongTasks,
  );
  const page = g.page;
  await typePanePolicy(page);
  return g;
}

const recheckEnabled = (page: Page) =>
  page.getByRole('button', { name: '重新核查' }).and(page.locator(':enabled')).waitFor({ timeout: 180_000 });

describe(`${HOUSEHOLDS.toLocaleString('en')} households on the page`, () => {
  let g: GuardedPage;
  let file: string;
  const requested: string[] = [];
  beforeAll(async () => {
    file = path.join(stage.tmp, '花名册-2万户.xlsx');
    await writeRoster(file, HOUSEHOLDS);
    g = await openWithPolicy();
    g.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  });
  afterAll(() => g?.context.close());

  it('checks it with the engine’s counts, progress shown, and paints the list with no task over 200 ms', async () => {
    const page = g.page;
    const { result } = await checkFile(file, { policy: POLICY, withWorkbook: false, io: quiet });
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(1000);

    // The progress line reports rows while the worker reads (sampled while the check runs).
    const progress = page
      .getByText(/^读取第 [\d,]+ \/ [\d,]+ 行$/)
      .first()
      .waitFor({ timeout: 60_000 })
      .then(
        () => true,
        () => false,
      );
    const loadFactor = Math.max(1, os.loadavg()[0] / os.cpus().length);
    const start = await pageNow(page);
    await page.locator('input[type="file"]').setInputFiles(file);
    await recheckEnabled(page);
    await page.waitForFunction(() => performance.getEntriesByName('dibao:list-painted').length > 0);
    const end = await pageNow(page);
    expect(await page.locator('[data-testid="error-count"]').textContent()).toBe(String(errors));
    expect(await page.getByText(`${HOUSEHOLDS.toLocaleString('en')}户`).count()).toBeGreaterThan(0);
    expect(await progress).toBe(true);

    const [arrived, painted, counted] = await page.evaluate(() =>
      ['dibao:result', 'dibao:list-painted', 'dibao:counts-painted'].map(
        (m) => performance.getEntriesByName(m)[0].startTime,
      ),
    );
    // The counts were painted no later than the list (the worker sends them once the engine is
    // done, ahead of the list; how far ahead depends on the machine's load).
    expect(counted).toBeLessThanOrEqual(painted);
    const long = await longTasksBetween(page, start, end);
    const rendering = longest(await longTasksBetween(page, arrived, painted));
    console.log(
      `${HOUSEHOLDS} households: file chosen → list painted in ${Math.round(end - start)} ms; ` +
        `longest main-thread task ${longest(long)} ms (${long.length} over 50 ms), ` +
        `result → list painted ${Math.round(painted - arrived)} ms with its longest task ${rendering} ms; ` +
        `load ${os.loadavg()[0].toFixed(1)}`,
    );
    // While the worker checks, the page's thread takes the result's slices (250 items each) and
    // the progress; when the result is in, it mounts the counts, the actions and the list's first
    // screen (no per-finding work: the worker sent the list's text and keys). Tasks of some tens
    // of ms on a quiet machine, stretched by a shared one's load (2 cores, load up to 20: 345 ms
    // at load 15) and by the garbage collector, so these bounds scale with the load. The page
    // reading on its own thread froze for the whole read (3 s quiet at this size: 30 s at load 20).
    expect(rendering).toBeLessThanOrEqual(200 * loadFactor);
    expect(longest(long)).toBeLessThanOrEqual(200 * loadFactor);
    expect(requested.some((p) => /exceljs/.test(p))).toBe(false);
    // With four cores or more the parts were inflated by the check worker's inflater: it started
    // and is still there (had its script failed, the check worker would have ended it and
    // inflated in its own thread). With fewer, the check worker inflates them itself.
    const workers = page.workers();
    const script = (w: (typeof workers)[number]) => path.basename(new URL(w.url()).pathname);
    const cores = await workers
      .find((w) => /^dibao-check\./.test(script(w)))!
      .evaluate(() => navigator.hardwareConcurrency);
    expect(workers.some((w) => /^dibao-inflate\./.test(script(w)))).toBe(cores >= INFLATER_MIN_CORES);
  });

  it('filters and searches its findings with no task over 200 ms; a language switch keeps to the load’s bound', async () => {
    const loadFactor = Math.max(1, os.loadavg()[0] / os.cpus().length);
    const moves = await findingsMoves(g.page);
    console.log(
      moves.map((m) => `${m.move}: longest task ${m.longest} ms, ${m.ms} ms`).join('; ') +
        `; load ${os.loadavg()[0].toFixed(1)}`,
    );
    // Filtering is one pass over the worker's typed keys: under 50 ms even at load 15, so the
    // target holds as it is. A language switch re-renders every text of the pane (and takes the
    // worker's new list in slices): bounded like the check's tasks.
    for (const m of moves) {
      const bound = m.move.startsWith('language') ? 200 * loadFactor : 200;
      expect([m.move, m.longest <= bound]).toEqual([m.move, true]);
    }
    // Back in Chinese with every finding shown, as before the moves.
    expect(await g.page.getByText(/^显示 [\d,]+ \/ [\d,]+ 条$/).textContent()).toMatch(/^显示 ([\d,]+) \/ \1 条$/);
  });

  it('opens the 调整 tab on its thousands of adjustments with no task over 200 ms × load; the last by keyboard', async () => {
    const page = g.page;
    const loadFactor = Math.max(1, os.loadavg()[0] / os.cpus().length);
    const start = await pageNow(page);
    await page.getByRole('tab', { name: /^调整/ }).click();
    const list = page.getByRole('listbox', { name: '调整' });
    await list.waitFor();
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
    );
    const opened = longest(await longTasksBetween(page, start, await pageNow(page)));
    const bar = page.getByText(/^列入调整花名册 [\d,]+ \/ [\d,]+ 户$/);
    const total = Number((await bar.textContent())!.match(/\/ ([\d,]+) 户/)![1].replace(/,/g, ''));
    console.log(`调整 tab: ${total} adjustments, longest task ${opened} ms; load ${os.loadavg()[0].toFixed(1)}`);
    expect(total).toBeGreaterThan(1000);
    // A screenful of lines in the page, not one per adjustment (drawn at once, they froze it).
    expect(await list.getByRole('option').count()).toBeLessThan(60);
    expect(opened).toBeLessThanOrEqual(200 * loadFactor);

    await list.focus();
    await page.keyboard.press('End');
    const active = page.locator(`[id="${await list.getAttribute('aria-activedescendant')}"]`);
    expect(await active.getAttribute('data-index')).toBe(String(total - 1));
    await page.keyboard.press('Space');
    await bar.filter({ hasText: `${(total - 1).toLocaleString('en')} / ` }).waitFor();
    expect(await active.getAttribute('aria-label')).toContain('（未列入）');
    // Ticked again, so the download below holds every household, and back to the findings.
    await page.keyboard.press('Space');
    await bar.filter({ hasText: `${total.toLocaleString('en')} / ` }).waitFor();
    await page.getByRole('tab', { name: /^问题/ }).click();
  });

  it('downloads the patching writer’s copy: ExcelJS finds every mark and note, and the 调整花名册', async () => {
    const page = g.page;
    await page.getByRole('button', { name: '标注并生成调整花名册' }).click();
    await page.getByText(/^下载的文件含：问题标注、“调整花名册”表$/).waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 180_000 }),
      page.getByRole('button', { name: '下载结果', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('花名册-2万户.checked.xlsx');
    const saved = path.join(stage.tmp, 'checked.xlsx');
    await download.saveAs(saved);

    const { result } = await checkFile(file, { policy: POLICY, withWorkbook: false, io: quiet });
    const marks = marksFromResult(result, 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet(result.roster.sheet)!;
    let found = 0;
    for (const m of marks) {
      const cell = ws.getCell(m.row, m.col);
      expect([cell.address, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([
        cell.address,
        MARK_FILLS[m.severity],
      ]);
      const note = cell.note as ExcelJS.Comment | string;
      const text = typeof note === 'string' ? note : note.texts!.map((t) => t.text).join('');
      expect(text).toContain(`${NOTE_HEADER}\n${m.lines.join('\n')}`);
      found++;
    }
    expect(found).toBe(marks.length);
    expect(wb.getWorksheet('调整花名册')).toBeDefined();
    // The input file is the clerk's: the page only read it.
    expect(requested.some((p) => /exceljs/.test(p))).toBe(false);
    expect(g.outside).toEqual([]);
  });
});

describe('hostile files on the page', () => {
  let g: GuardedPage;
  const requested: string[] = [];
  beforeAll(async () => {
    g = await openWithPolicy();
    g.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  });
  afterAll(() => g?.context.close());

  const write = async (name: string) => {
    const p = path.join(stage.tmp, name);
    fs.writeFileSync(p, await HOSTILE.find((c) => c.file === name)!.build());
    return p;
  };

  it('dropdown lists on eight whole columns: checked in the worker and downloaded, ExcelJS never fetched', async () => {
    const page = g.page;
    const file = await write('validation-whole-columns.xlsx');
    const { result } = await checkFile(file, { policy: POLICY, withWorkbook: false, io: quiet });
    await page.locator('input[type="file"]').setInputFiles(file);
    await recheckEnabled(page);
    expect(await page.getByText(`${result.households.length}户`).count()).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '下载结果', exact: true }).click(),
    ]);
    const saved = path.join(stage.tmp, 'validation.checked.xlsx');
    await download.saveAs(saved);
    // The copy keeps the whole-column dropdowns as they were (copied, never expanded).
    const again = await checkFile(saved, { policy: POLICY, withWorkbook: false, io: quiet });
    expect(again.result.households).toHaveLength(result.households.length);
    expect(requested.some((p) => /exceljs|filehost/.test(p))).toBe(false);
  });

  it('3,000 overlapping merges: refused with the command line’s words', async () => {
    const page = g.page;
    const file = await write('overlapping-merges.xlsx');
    const refusal = await checkFile(file, { policy: POLICY, withWorkbook: false, io: quiet }).then(
      () => undefined,
      (e: { zh: string }) => e.zh,
    );
    expect(refusal).toMatch(/互相重叠/);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText(refusal!).waitFor({ timeout: 60_000 });
    expect(requested.some((p) => /exceljs|filehost/.test(p))).toBe(false);
    expect(g.consoleErrors.filter((e) => /pageerror/.test(e))).toEqual([]);
  });
});
