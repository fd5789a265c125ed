/**
 * Section 1, the engine alone: bench/engine-one.ts (the lead's) in a fresh node process per size,
 * bundled, with the command line's larger young generation and gc exposed.
 */
import { bundle } from './bundle';
import { jsonOf, runNode } from './child';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';

interface EngineOne {
  households: number;
  ms: number;
  rowsPerSec: number;
  findings: number;
  maxRssMB: number;
}

const SECTION = '1 engine';
export const ENGINE_SIZES = [10_000, 100_000, 1_000_000];

export async function engineSection(sizes = ENGINE_SIZES, emit: (r: BenchRow) => void): Promise<void> {
  const script = bundle('bench/engine-one.ts');
  // engine-one.ts in a fresh node process, once the machine is quiet.
  const engineRun = async (n: number, ...args: string[]) => {
    await waitForQuiet();
    // 1M households with members and lists: the grid alone is several GB.
    const flags = ['--max-semi-space-size=256', '--expose-gc', '--max-old-space-size=16384'];
    const run = await runNode([...flags, script, String(n), ...args]);
    return { run, one: jsonOf<EngineOne>(run) };
  };
  const byN = new Map<number, EngineOne>();
  for (const n of sizes) {
    const { run, one } = await engineRun(n);
    byN.set(n, one);
    const label = n.toLocaleString('en');
    const target = n === 100_000 ? '≤ 1 s' : undefined;
    emit({
      section: SECTION,
      measure: `check ${label} households (with members, death list, all rules)`,
      figure: `${(one.ms / 1000).toFixed(2)} s, ${one.rowsPerSec.toLocaleString('en')} rows/s, peak ${one.maxRssMB} MB`,
      target,
      pass: target ? one.ms <= 1000 : undefined,
      note: `best of 3 after a warm-up (100,000 households' worth), each on a collected heap re-warmed on a small roster; ${one.findings.toLocaleString('en')} findings; load ${run.load.toFixed(1)}`,
    });
  }
  const big = byN.get(1_000_000);
  const mid = byN.get(100_000);
  if (big && mid) {
    const ratio = big.ms / mid.ms;
    emit({
      section: SECTION,
      measure: 'growth: time at 1M ÷ time at 100k',
      figure: ratio.toFixed(1),
      target: '≤ 11',
      pass: ratio <= 11,
      note: 'linear growth would be 10',
    });
    // The same growth the way the command line meets it: one check in a fresh process, no warm-up
    // (the compiler's start-up is paid at both sizes, and every page of memory is new).
    const coldRuns = new Map<number, EngineOne>();
    for (const size of [100_000, 1_000_000]) {
      coldRuns.set(size, (await engineRun(size, '--cold')).one);
    }
    const c100 = coldRuns.get(100_000)!;
    const c1m = coldRuns.get(1_000_000)!;
    emit({
      section: SECTION,
      measure: 'growth, one cold check per fresh process (as the command line checks a file)',
      figure: `${(c1m.ms / c100.ms).toFixed(1)} (100k: ${(c100.ms / 1000).toFixed(2)} s, 1M: ${(c1m.ms / 1000).toFixed(2)} s)`,
      note: 'one run each, no warm-up: the 100k time includes the start-up of the JIT compiler',
    });
  }
}
