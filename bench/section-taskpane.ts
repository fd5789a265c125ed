/**
 * Section 4, the task pane: result → first paint of the findings list at 10,000+ findings, in
 * the built standalone page (same components as inside Excel) under headless Chromium.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from './bundle';
import { jsonOf, runNode } from './child';
import { builtPage } from './page-build';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';

const SECTION = '4 task pane';

export async function taskpaneSection(runs: number, build: boolean, emit: (r: BenchRow) => void): Promise<void> {
  const dist = builtPage(build);
  const page = join(dist, 'index.html');
  if (!existsSync('/usr/bin/chromium')) {
    emit({ section: SECTION, measure: 'result → list painted', figure: 'not measured: /usr/bin/chromium is missing' });
    return;
  }
  const script = bundle('bench/taskpane-one.ts');
  await waitForQuiet();
  const run = await runNode([script, dist, String(runs)]);
  const { findings, times } = jsonOf<{ findings: number; times: number[] }>(run);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  emit({
    section: SECTION,
    measure: `result → first paint of the findings list, ${findings.toLocaleString('en')} findings`,
    figure: `${median} ms (median of ${times.length}: ${times.join(', ')} ms)`,
    target: '≤ 200 ms',
    pass: median <= 200 && findings >= 10_000,
    note: `headless Chromium, page built ${statSync(page).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC; load ${run.load.toFixed(1)}`,
  });
}
