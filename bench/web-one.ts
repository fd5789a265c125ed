/**
 * Section 8's measurement: the built page (dist/) in headless Chromium checks a roster file the
 * way a clerk does (file chosen → counts shown), in its worker. Prints one JSON line: the time,
 * the longest task of the page's thread meanwhile (PerformanceObserver 'longtask') and from the
 * result's arrival to the list painted, the JS heaps sampled every 200 ms through the DevTools
 * protocol — the page's and the worker's (their peak, used bytes) — and then the clerk's moves on
 * the findings list (filters, search, language), each with its longest task.
 *
 * The time is the page's own clock: from the file input's change event to the findings list
 * painted with the result (the counts are painted in the same frame), so the test driver's round
 * trips are not counted. A clerk needs seconds to choose a file; the page's worker warms its code
 * up meanwhile (src/taskpane/worker/warm-up.ts), so the file is chosen once the warm-up is done,
 * and how long after the page opened that was is printed too (`warmMs`). With `--cold` the file
 * is chosen at once, warm-up or not.
 * `node web-one.js DIST FILE [--cold]`; with WEB_PROFILE=<file.cpuprofile>, the worker's CPU
 * profile from the file chosen to the list painted is written there (bench/profile-summary.ts
 * reads it).
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launch, openPage } from '../test/e2e/support/browser';
import { findingsMoves, longest, longTasksBetween, pageNow, recordLongTasks } from '../test/e2e/support/long-tasks';
import { serve } from '../test/e2e/support/server';
import { BENCH_AS_OF } from './synthetic';

/**
 * The page's and the worker's targets over the browser's own session: the JS heap of each
 * (Runtime.getHeapUsage), and with WEB_PROFILE=<file> a CPU profile of the worker.
 */
async function targets(cdp: CDPSession) {
  let next = 1;
  const waiting = new Map<number, (result: Record<string, unknown> | undefined) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  const send = (sessionId: string, method: string, params: object = {}, timeout = 2000) =>
    new Promise<Record<string, unknown> | undefined>((resolve) => {
      const id = next++;
      const done = (result: Record<string, unknown> | undefined) => {
        waiting.delete(id);
        resolve(result);
      };
      waiting.set(id, done);
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => done(undefined));
      setTimeout(() => done(undefined), timeout);
    });
  const sessions = new Map<string, { type: string; title: string; sessionId: string }>();
  const peak = new Map<string, number>();
  const attach = async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; title: string }[];
    };
    for (const t of targetInfos) {
      if (t.type !== 'page' && t.type !== 'worker') continue;
      if (!sessions.has(t.targetId)) {
        const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as {
          sessionId: string;
        };
        sessions.set(t.targetId, { type: t.type, title: t.title, sessionId });
      }
    }
  };
  // The check worker, not the inflater it starts (their heaps' peak is one figure: the larger).
  const worker = () => [...sessions.values()].find((s) => s.type === 'worker' && s.title === 'dibao-check')?.sessionId;
  return {
    async sample(): Promise<void> {
      await attach();
      for (const { type, sessionId } of sessions.values()) {
        const used = ((await send(sessionId, 'Runtime.getHeapUsage'))?.usedSize as number | undefined) ?? 0;
        peak.set(type, Math.max(peak.get(type) ?? 0, used));
      }
    },
    peakMB: (type: string) => Math.round((peak.get(type) ?? 0) / 1048576),
    /** Starts profiling the worker (started with the page, before a file is chosen). */
    async startProfile(): Promise<void> {
      for (let i = 0; i < 100 && !worker(); i++) {
        await attach();
        if (!worker()) await new Promise((r) => setTimeout(r, 100));
      }
      const id = worker();
      if (!id) throw new Error('no worker to profile');
      await send(id, 'Profiler.enable');
      await send(id, 'Profiler.setSamplingInterval', { interval: 200 });
      await send(id, 'Profiler.start');
    },
    async stopProfile(): Promise<unknown> {
      return (await send(worker()!, 'Profiler.stop', {}, 60_000))?.profile;
    },
  };
}

/** Marked by the page when the file input changes (an init script's listener). */
const CHOSEN_MARK = 'bench:chosen';

/** Waits for the worker's warm-up to end (its 'dibao:warm' mark); ms since the page opened. */
async function warmedUp(page: Page, opened: number): Promise<number> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    // The check worker marks it; with 4 cores or more the inflater it starts is listed too.
    const marked = await Promise.all(
      page.workers().map((w) => w.evaluate(() => performance.getEntriesByName('dibao:warm').length).catch(() => 0)),
    );
    if (marked.some((n) => n > 0)) return Date.now() - opened;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the worker did not finish its warm-up within a minute');
}

async function main(): Promise<void> {
  const [dist, file] = process.argv.slice(2);
  const cold = process.argv.includes('--cold');
  const server = await serve(dist);
  const browser = await launch();
  try {
    const g = await openPage(browser, server.url + 'index.html', { width: 1280, height: 900 }, async (c) => {
      await recordLongTasks(c);
      await c.addInitScript(() =>
        document.addEventListener(
          'change',
          (e) => (e.target as HTMLInputElement).type === 'file' && performance.mark('bench:chosen'),
          true,
        ),
      );
    });
    const opened = Date.now();
    const page = g.page;
    await page.locator('input[type="file"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByRole('button', { name: /核查参数/ }).click();
    await page.getByLabel('基准日', { exact: true }).fill(BENCH_AS_OF);
    await page.getByRole('button', { name: /核查参数/ }).click();
    const warmMs = cold ? undefined : await warmedUp(page, opened);
    const heaps = await targets(await browser.newBrowserCDPSession());
    const profile = process.env.WEB_PROFILE;
    if (profile) await heaps.startProfile();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await heaps.sample().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const start = await pageNow(page);
    const t0 = Date.now();
    await page.locator('input[type="file"]').setInputFiles(file);
    // Polled every 100 ms in the page: cheap, unlike a locator's accessible-name lookups.
    await page.waitForFunction(() => performance.getEntriesByName('dibao:list-painted').length > 0, undefined, {
      polling: 100,
      timeout: 900_000,
    });
    const driverMs = Date.now() - t0;
    const end = await pageNow(page);
    const [chosen, result, painted] = await page.evaluate(
      (marks) => marks.map((m) => performance.getEntriesByName(m)[0].startTime),
      [CHOSEN_MARK, 'dibao:result', 'dibao:list-painted'],
    );
    const ms = Math.round(painted - chosen);
    const errors = Number(await page.locator('[data-testid="error-count"]').textContent());
    const findings = await page.evaluate(() =>
      Number(/\/ ([\d,]+) 条/.exec(document.body.innerText)![1].replace(/,/g, '')),
    );
    if (profile) writeFileSync(profile, JSON.stringify(await heaps.stopProfile()));
    const moves = await findingsMoves(page);
    sampling = false;
    await sampler;
    await heaps.sample().catch(() => undefined);
    process.stdout.write(
      JSON.stringify({
        ms,
        driverMs,
        warmMs,
        longest: longest(await longTasksBetween(page, start, end)),
        resultToPaint: Math.round(painted - result),
        longestAfterResult: longest(await longTasksBetween(page, result, painted)),
        findings,
        moves,
        pageHeapMB: heaps.peakMB('page'),
        workerHeapMB: heaps.peakMB('worker'),
        errors,
      }) + '\n',
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
  process.exitCode = 1;
});
