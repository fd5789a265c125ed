/**
 * Section 8's measurement: the built page (dist/) in headless Chromium checks a roster file the
 * way a clerk does (file chosen → counts shown), in its worker. Prints one JSON line: the time,
 * the longest task of the page's thread meanwhile (PerformanceObserver 'longtask') and from the
 * result's arrival to the list painted, the JS heaps sampled every 200 ms through the DevTools
 * protocol — the page's and the worker's (their peak, used bytes) — and then the clerk's moves on
 * the findings list (filters, search, language), each with its longest task.
 *
 * The time (`ms`) is the page's own clock: from the file input's change event to the counts
 * painted (the worker sends them as soon as the engine is done, ahead of the findings list), so
 * the test driver's round trips are not counted; `listMs` is the same to the findings list
 * painted with the whole result (until session 8 the counts came with it, in the same frame). A clerk needs seconds to choose a file; the page's worker warms its code
 * up meanwhile (src/taskpane/worker/warm-up.ts), so the file is chosen once the warm-up is done,
 * and how long after the page opened that was is printed too (`warmMs`). With `--cold` the file
 * is chosen at once, warm-up or not. Also printed: where the time went (`phases`, from the
 * worker's timing marks, check-worker.ts) and the memory the page's processes touched for the
 * first time meanwhile (`freshMB`: on the bench's virtual machine, first touches cost about 6 ms
 * per MB; a worker's first touch of 100 MB took 1.0–1.2 s in Chromium here, the second 10 ms).
 * `node web-one.js DIST FILE [--cold]`; with WEB_PROFILE=<file.cpuprofile>, the worker's CPU
 * profile from the file chosen to the list painted is written there (bench/profile-summary.ts
 * reads it), with WEB_PAGE_PROFILE=<file> the page's; with WEB_AGAIN=<n> the same file is then
 * chosen n times more on the same page (`again`: each one's time, phases and fresh memory); with
 * WEB_TRACE=<file.json> a Chromium trace of the check (the page's thread: what took the time
 * between the worker's answer and the list painted).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Memory the renderer processes (the page and its workers) touched for the first time, in MB: the
 * minor page faults of each (Linux's /proc; undefined elsewhere). Where fresh memory is slow to
 * touch, as on the bench's virtual machine, it tells much of the time.
 */
async function faultsMB(cdp: CDPSession): Promise<number | undefined> {
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    let pages = 0;
    for (const { id } of processInfo.filter((p) => p.type === 'renderer')) {
      pages += Number(readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ')[7]);
    }
    return (pages * 4096) / 1048576;
  } catch {
    return undefined;
  }
}

/** Left by the page once a check's counts are painted (SummaryCards.tsx). */
const COUNTS_MARK = 'dibao:counts-painted';

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

/** The worker's marks (check-worker.ts), in the order a check passes them. */
const WORKER_MARKS = ['open', 'bytes', 'opened', 'check', 'read', 'engine', 'checked', 'posted'];

/**
 * Where the time went, in ms, each step from the one before: chosen → the worker's open request →
 * its check request → grid read → engine → findings view → posted → the page's result → painted.
 * The worker's clock is put on the page's by the two clocks' origins.
 */
async function phasesOf(page: Page, chosen: number, result: number, painted: number) {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  for (const w of page.workers()) {
    const found = await w
      .evaluate(
        (names) => ({
          origin: performance.timeOrigin,
          at: names.map((n) => performance.getEntriesByName(`dibao:w:${n}`).at(-1)?.startTime),
        }),
        WORKER_MARKS,
      )
      .catch(() => undefined);
    if (!found || found.at.some((t) => t === undefined)) continue;
    const times = [chosen, ...found.at.map((t) => t! + found.origin - pageOrigin), result, painted];
    const names = [...WORKER_MARKS, 'result', 'painted'];
    return Object.fromEntries(names.map((n, i) => [n, Math.round(times[i + 1] - times[i])]));
  }
  return undefined;
}

/**
 * Chooses the file and waits for the findings list painted (`painted`: the driver's own work, such
 * as ending a trace, is done before the fresh memory is read). Returns the page's marks, file
 * chosen → counts painted (`ms`) and → list painted (`listMs`), the phases and the fresh memory.
 */
async function chooseFile(page: Page, file: string, cdp: CDPSession, painted?: () => Promise<void>) {
  const faultsBefore = await faultsMB(cdp);
  await page.locator('input[type="file"]').setInputFiles(file);
  // Polled every 100 ms in the page: cheap, unlike a locator's accessible-name lookups.
  await page.waitForFunction(() => performance.getEntriesByName('dibao:list-painted').length > 0, undefined, {
    polling: 100,
    timeout: 900_000,
  });
  await painted?.();
  const faultsAfter = await faultsMB(cdp);
  const [chosen, result, listPainted, counts] = await page.evaluate(
    (marks) => marks.map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN),
    [CHOSEN_MARK, 'dibao:result', 'dibao:list-painted', COUNTS_MARK],
  );
  return {
    result,
    painted: listPainted,
    // The counts come ahead of the list (the worker sends them as soon as the engine is done).
    ms: Math.round(counts - chosen),
    listMs: Math.round(listPainted - chosen),
    phases: await phasesOf(page, chosen, result, listPainted),
    freshMB:
      faultsBefore === undefined || faultsAfter === undefined ? undefined : Math.round(faultsAfter - faultsBefore),
  };
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
    const browserCdp = await browser.newBrowserCDPSession();
    const heaps = await targets(browserCdp);
    const profile = process.env.WEB_PROFILE;
    if (profile) await heaps.startProfile();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await heaps.sample().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const pageProfile = process.env.WEB_PAGE_PROFILE;
    const pageCdp = pageProfile ? await page.context().newCDPSession(page) : undefined;
    if (pageCdp) {
      await pageCdp.send('Profiler.enable');
      await pageCdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await pageCdp.send('Profiler.start');
    }
    const trace = process.env.WEB_TRACE;
    if (trace)
      await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'blink.user_timing', 'v8'] });
    const start = await pageNow(page);
    const t0 = Date.now();
    const { result, painted, ms, listMs, phases, freshMB } = await chooseFile(page, file, browserCdp, async () => {
      if (trace) await browser.stopTracing();
      if (pageCdp) writeFileSync(pageProfile!, JSON.stringify((await pageCdp.send('Profiler.stop')).profile));
    });
    const driverMs = Date.now() - t0;
    const end = await pageNow(page);
    const again: unknown[] = [];
    for (let k = 0; k < Number(process.env.WEB_AGAIN ?? 0); k++) {
      await page.evaluate(() => performance.clearMarks());
      await new Promise((r) => setTimeout(r, 1000));
      const { ms, listMs, freshMB, phases } = await chooseFile(page, file, browserCdp);
      again.push({ ms, listMs, freshMB, phases });
    }
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
        listMs,
        driverMs,
        warmMs,
        longest: longest(await longTasksBetween(page, start, end)),
        resultToPaint: Math.round(painted - result),
        phases,
        freshMB,
        again,
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
