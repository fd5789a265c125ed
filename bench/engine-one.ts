/**
 * One engine measurement in its own process (clean peak memory): `tsx bench/engine-one.ts N`.
 * With `--cold`: one check only, no warm-up — what the command line does with a file.
 */
import { BENCH_AS_OF, syntheticWorkbook } from './synthetic';
import { checkWorkbook } from '../src/domain/engine';
import { parsePolicy } from '../src/domain/policy';

const n = Number(process.argv[2] ?? 10000);
const cold = process.argv.includes('--cold');
const wb = syntheticWorkbook(n);
const policy = parsePolicy({ asOf: BENCH_AS_OF });
global.gc?.();
if (cold) {
  const t0 = performance.now();
  const r = checkWorkbook({ workbook: wb, policy });
  const ms = Math.round(performance.now() - t0);
  const rowsPerSec = Math.round(n / (ms / 1000));
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ households: n, ms, rowsPerSec, findings: r.findings.length, maxRssMB }) + '\n');
  process.exit(0);
}
const before = process.memoryUsage().heapUsed;
// Warm-up on the same input, about 100,000 households' worth: one check at 100k and above; at 10k
// a single check leaves the JIT compiler half-way and would time its tiering-up, not the engine.
for (let w = Math.max(1, Math.ceil(100_000 / n)); w > 0; w--) checkWorkbook({ workbook: wb, policy });
// The same at every size: three timed checks, each on a collected heap (the previous check's
// garbage would otherwise be paid for by the next one, more at larger sizes), the best kept. A
// forced collection also throws away some of the compiler's work (the next check runs about 70 ms
// slower, at any size): a few checks of a small roster after it, leaving little garbage, warm the
// engine up again before the timed one.
const small = syntheticWorkbook(1000);
const runs = 3;
let best = Infinity;
let findings = 0;
for (let i = 0; i < runs; i++) {
  global.gc?.();
  for (let w = 0; w < 5; w++) checkWorkbook({ workbook: small, policy });
  const t0 = performance.now();
  const r = checkWorkbook({ workbook: wb, policy });
  best = Math.min(best, performance.now() - t0);
  findings = r.findings.length;
}
const heapAfter = process.memoryUsage().heapUsed;
process.stdout.write(
  JSON.stringify({
    households: n,
    ms: Math.round(best),
    rowsPerSec: Math.round(n / (best / 1000)),
    findings,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    engineHeapMB: Math.round((heapAfter - before) / 1048576),
  }) + '\n',
);
