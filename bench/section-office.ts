/**
 * Section 3, the Office host over the Excel double (test/support/excel-double.ts): syncs,
 * operations and payloads of reading and marking a 100,000 × 40 roster with 10% of the rows
 * flagged, beside the naive per-row / per-cell version on the same double.
 */
import { bundle } from './bundle';
import { jsonOf, runNode } from './child';
import type { DoubleFigures, OfficeOne } from './office-one';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';

const SECTION = '3 Office host';
const MB = 1024 * 1024;
const PAYLOAD_LIMIT = 5 * MB;
const n = (x: number) => x.toLocaleString('en');
const mb = (b: number) => (b < 100_000 ? `${(b / 1e3).toFixed(1)} kB` : `${(b / 1e6).toFixed(2)} MB`);
const allowed = (f: DoubleFigures) => 3 + Math.ceil(f.totalBytes / (4 * MB));

function figures(f: DoubleFigures): string {
  return (
    `${n(f.syncs)} syncs, ${n(f.ops)} operations, largest request ${mb(f.maxRequestBytes)}, ` +
    `largest response ${mb(f.maxResponseBytes)}, ${(f.totalBytes / 1e6).toFixed(1)} MB in all`
  );
}

export async function officeSection(rows: number, cols: number, naiveRows: number, emit: (r: BenchRow) => void) {
  const script = bundle('bench/office-one.ts');
  await waitForQuiet();
  const run = await runNode([
    '--max-semi-space-size=256',
    '--max-old-space-size=8192',
    script,
    ...[rows, cols, naiveRows].map(String),
  ]);
  const o = jsonOf<OfficeOne>(run);
  const size = `${n(rows)} × ${cols}`;
  const scaled = naiveRows === rows ? '' : ` (measured on ${n(naiveRows)} rows, ×${rows / naiveRows} linearly)`;
  const scale = rows / naiveRows;

  const steps: [string, DoubleFigures][] = [
    [`read ${size}`, o.read],
    [`mark ${n(o.marks)} cells, ExcelApi 1.9 (fills only)`, o.mark19],
    [`mark ${n(o.marks)} cells, ExcelApi 1.18 (fills + notes)`, o.mark118],
  ];
  for (const [what, f] of steps) {
    const ok = f.syncs <= allowed(f) && f.maxRequestBytes <= PAYLOAD_LIMIT && f.maxResponseBytes <= PAYLOAD_LIMIT;
    emit({
      section: SECTION,
      measure: `host: ${what}`,
      figure: figures(f),
      target: `≤ ${allowed(f)} syncs (3 + ⌈payload / 4 MB⌉), no request over 5 MB`,
      pass: ok,
      note: `${n(f.ms)} ms in the double`,
    });
  }
  const paint19 = o.mark19.kinds['set color'] ?? 0;
  const paint118 = o.mark118.kinds['set color'] ?? 0;
  emit({
    section: SECTION,
    measure: `host: mark operations vs cells (${n(o.marks)} cells in ${o.chunks} address chunks)`,
    figure:
      `fills: ${paint19} paint operations, ${n(o.mark19.ops)} in all (ExcelApi 1.9); ` +
      `with notes: ${n(o.mark118.ops)} (2 per note: there is no bulk note API)`,
    target: 'paint operations = address chunks, not cells',
    pass: paint19 === o.chunks && paint118 === o.chunks && o.mark19.ops < 5 * o.chunks + 100,
  });

  const naive: [string, DoubleFigures][] = [
    ['read, one sync per row', o.naiveRead],
    ['mark, one sync per cell, fills only', o.naiveMark19],
    ['mark, one sync per cell, fill + note', o.naiveMark118],
  ];
  for (const [what, f] of naive) {
    emit({
      section: SECTION,
      measure: `naive: ${what}`,
      figure:
        `${n(Math.round(f.syncs * scale))} syncs, ${n(Math.round(f.ops * scale))} operations, ` +
        `largest request ${mb(f.maxRequestBytes)}, largest response ${mb(f.maxResponseBytes)}`,
      note:
        `the yardstick${scaled}; the host's target for the same payload would be ≤ ` +
        `${3 + Math.ceil((f.totalBytes * scale) / (4 * MB))} syncs; at 10 ms per round trip the syncs alone take ` +
        `${n(Math.round((f.syncs * scale) / 100))} s`,
    });
  }
}
