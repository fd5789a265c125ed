/**
 * Long tasks of the page's thread (PerformanceObserver 'longtask': every task over 50 ms), for the
 * browser test and the benchmark of the web page: recorded from the page's first script on, read
 * for a window of time, and the clerk's moves on a findings list (filters, search, language) each
 * timed as its own window.
 */
import type { BrowserContext, Page } from 'playwright-core';

const OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface LongTask {
  start: number;
  duration: number;
}

/** Call before the page opens (openPage's `prepare`). */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(OBSERVER);
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The long tasks that overlap [from, to] (page clock). */
export function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  return page.evaluate(
    ([a, b]) =>
      (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter(
        (t) => t.start + t.duration >= a && t.start <= b,
      ),
    [from, to],
  );
}

export const longest = (tasks: LongTask[]) => Math.round(Math.max(0, ...tasks.map((t) => t.duration)));

/** Two frames and a turn: whatever the move started has been rendered and painted. */
const settled = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );

export interface MoveTiming {
  move: string;
  /** Longest task of the page's thread during the move, ms. */
  longest: number;
  /** From the move to its result painted, ms. */
  ms: number;
}

/**
 * The clerk's moves on a checked page, each timed: severity filter, a search that keeps every
 * finding (the whole list scanned and rebuilt), the filters cleared, English and back (each
 * list made again in the worker). The page must show the findings tab in Chinese.
 */
export async function findingsMoves(page: Page): Promise<MoveTiming[]> {
  const timings: MoveTiming[] = [];
  const timed = async (move: string, act: () => Promise<unknown>, done: () => Promise<unknown>) => {
    const from = await pageNow(page);
    await act();
    await done();
    await settled(page);
    const to = await pageNow(page);
    timings.push({ move, longest: longest(await longTasksBetween(page, from, to)), ms: Math.round(to - from) });
  };
  // The list in the other language is made in the worker: the move ends when it has arrived.
  const views = () => page.evaluate(() => performance.getEntriesByName('dibao:view').length);
  const viewArrived = async (before: number) =>
    page.waitForFunction((n) => performance.getEntriesByName('dibao:view').length > n, before, { timeout: 300_000 });
  let before = 0;
  await timed(
    'severity: errors',
    () => page.getByLabel('严重程度', { exact: true }).selectOption('error'),
    async () => undefined,
  );
  await timed(
    'search: 村',
    () => page.getByRole('searchbox').fill('村'),
    async () => undefined,
  );
  await timed(
    'filters cleared',
    async () => {
      await page.getByRole('searchbox').fill('');
      await page.getByLabel('严重程度', { exact: true }).selectOption('');
    },
    async () => undefined,
  );
  for (const [move, button] of [
    ['language: English', 'English'],
    ['language: 中文', '中文'],
  ]) {
    await timed(
      move,
      async () => {
        before = await views();
        await page.getByRole('button', { name: button, exact: true }).click();
      },
      () => viewArrived(before),
    );
  }
  return timings;
}
