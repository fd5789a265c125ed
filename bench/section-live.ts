/**
 * Section 9, 边改边查: from one edit of a marked roster to the pane's new result and marks, over
 * the Excel double (no round-trip latency: the syncs are counted, Excel's own time is not).
 */
import { bundle } from './bundle';
import { jsonOf, runNode } from './child';
import type { LiveOne } from './live-one';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';

const SECTION = '9 live re-check';
const n = (x: number) => x.toLocaleString('en');

export async function liveSection(sizes: number[], emit: (r: BenchRow) => void) {
  const script = bundle('bench/live-one.ts');
  for (const households of sizes) {
    await waitForQuiet();
    const o = jsonOf<LiveOne>(await runNode(['--max-old-space-size=8192', script, String(households)]));
    emit({
      section: SECTION,
      measure: `one edit → new result and marks, ${n(households)} households (members, death list), ExcelApi 1.18`,
      figure: `${n(o.ms)} ms (engine ${n(o.engineMs)} ms), ${o.syncs} syncs, ${n(o.ops)} operations, ${o.rowsRemarked} row re-marked`,
      // Syncs and operations do not grow with the roster: 3 to read the row, the rest to re-mark it.
      target: '≤ 1 s after the 300 ms quiet wait; ≤ 16 syncs and ≤ 200 operations; only the rows whose marks change',
      pass: o.ms <= 1000 && o.syncs <= 16 && o.ops <= 200 && o.rowsRemarked <= 2,
      note: 'in the double (no Excel latency); one run on a shared, loaded machine',
    });
  }
}
