/**
 * Section 5, the WPS host over the WPS double: how many calls cross into WPS to read a
 * 100,000 × 40 roster and to mark and clear the Office section's cells. ET's calls are
 * synchronous and each one crosses from the pane's browser into WPS, so their number, not bytes,
 * is what costs time. Notes have no bulk call: they are counted apart from the fills.
 */
import { bundle } from './bundle';
import { jsonOf, runNode } from './child';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';
import type { WpsFigures, WpsOne } from './wps-one';

const SECTION = '5 WPS host';
const n = (x: number) => x.toLocaleString('en');
/** Calls spent on notes: Range + AddComment per new note; Item + Text (+ Delete) per note removed. */
const noteCalls = (f: WpsFigures) =>
  2 * (f.kinds['Range.AddComment()'] ?? 0) +
  (f.kinds['Comments.Item()'] ?? 0) +
  (f.kinds['Comment.Text()'] ?? 0) +
  (f.kinds['Comment.Delete()'] ?? 0) +
  (f.kinds['Comment.Parent'] ?? 0);

export async function wpsSection(rows: number, cols: number, emit: (r: BenchRow) => void): Promise<void> {
  const script = bundle('bench/wps-one.ts');
  await waitForQuiet();
  const run = await runNode(['--max-old-space-size=8192', script, String(rows), String(cols)]);
  const o = jsonOf<WpsOne>(run);
  const size = `${n(rows)} × ${cols}`;
  emit({
    section: SECTION,
    measure: `read ${size} (${n(o.cellsRead)} cells)`,
    figure: `${n(o.read.calls)} calls (${n(o.read.kinds['Range.Value2'] ?? 0)} Value2 reads, ${n(o.read.kinds['Range.NumberFormat'] ?? 0)} NumberFormat reads)`,
    target: '≤ 300 calls',
    pass: o.read.calls <= 300,
    note: `${n(o.read.ms)} ms in the double`,
  });
  for (const [what, f] of [
    [`mark ${n(o.marks)} cells`, o.mark],
    [`clear ${n(o.marks)} cells`, o.clear],
  ] as const) {
    const notes = noteCalls(f);
    const fills = f.calls - notes;
    emit({
      section: SECTION,
      measure: `${what}: fills and the mark record`,
      figure: `${n(fills)} calls (${n(f.kinds['Application.Union()'] ?? 0)} of them Union)`,
      target: '≤ 1,000 calls (a few hundred), not one per cell',
      pass: fills <= 1000,
      note: `${n(f.ms)} ms in the double; the notes cost ${n(notes)} calls more (there is no bulk call for notes)`,
    });
  }
}
