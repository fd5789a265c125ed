/**
 * Section 9, 边改边查: from one edit of a marked roster to the pane's new result and marks, over
 * the Excel double (no round-trip latency: the syncs are counted, Excel's own time is not). Two
 * edits in a row: a household's 入户调查表 emptied (the rules run again on that household), then
 * another household's head ID typed as the first one's (the ID index changed and the members the
 * two IDs link relinked, the rules run on the households holding either ID).
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
    const load = (await waitForQuiet()).toFixed(1);
    const o = jsonOf<LiveOne>(await runNode(['--max-old-space-size=8192', script, String(households)]));
    const of = (ms: number, syncs: number, ops: number, rows: number) =>
      `${n(ms)} ms, ${syncs} syncs, ${n(ops)} operations, ${rows} row${rows === 1 ? '' : 's'} re-marked`;
    emit({
      section: SECTION,
      measure: `one edit (入户调查表) → new result and marks, ${n(households)} households (members, death list), ExcelApi 1.18`,
      figure: `${of(o.ms, o.syncs, o.ops, o.rowsRemarked)}; a whole check of the workbook: ${n(o.engineMs)} ms`,
      // Syncs and operations do not grow with the roster: 3 to read the row, the rest to re-mark it.
      target: '≤ 1 s after the 300 ms quiet wait; ≤ 16 syncs and ≤ 200 operations; only the rows whose marks change',
      pass: o.ms <= 1000 && o.syncs <= 16 && o.ops <= 200 && o.rowsRemarked <= 2,
      note: `in the double (no Excel latency); rules run again on the edited household only; one run on a shared, loaded machine (load ${load})`,
    });
    emit({
      section: SECTION,
      measure: `one edit of a head ID (now shared with another household) → new result and marks, ${n(households)} households`,
      figure: of(o.id.ms, o.id.syncs, o.id.ops, o.id.rowsRemarked),
      target: '≤ 1 s after the 300 ms quiet wait; ≤ 16 syncs and ≤ 200 operations',
      pass: o.id.ms <= 1000 && o.id.syncs <= 16 && o.id.ops <= 200,
      note: `the ID index changed and only the members the two IDs link relinked (no re-read), the rules run on the households holding either ID; only the rows whose marks change are re-marked; one run on a shared, loaded machine (load ${load})`,
    });
  }
}
