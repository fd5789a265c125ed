/**
 * Section 6, the marked copy (issue 12): `dibao check --out` as shipped (the patching writer,
 * src/workbook/xlsx/patch.ts) beside `check --no-out` on the same file, and beside the way it was
 * made before (the whole workbook through ExcelJS, read-one.ts copy-exceljs) on the same file.
 */
import { rmSync } from 'node:fs';
import { bundle } from './bundle';
import { runNode, type ChildRun } from './child';
import { scratch } from './paths';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';
import { rosterFile } from './roster-file';

const SECTION = '6 marked copy';
const NODE_FLAGS = ['--max-semi-space-size=256'];
/** The old path needs the heap `npm run dibao` gives it. */
const OLD_FLAGS = [...NODE_FLAGS, '--max-old-space-size=6144'];
const AS_OF = ['--as-of', '2018-01-15'];

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const usage = (r: ChildRun) => `${secs(r.wallMs)} (CPU ${secs(r.cpuMs)}), peak ${r.maxRssMB} MB`;

function checked(run: ChildRun, what: string): ChildRun {
  if (run.code !== 0 && run.code !== 1) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-400)}`);
  return run;
}

/** `oldPathUpTo`: the ExcelJS path is measured only up to this size (at 100k it takes minutes and ~5 GB). */
export async function copySection(sizes: number[], oldPathUpTo: number, emit: (r: BenchRow) => void): Promise<void> {
  const cli = bundle('src/cli/main.ts');
  const parts = bundle('bench/read-one.ts');
  for (const households of sizes) {
    const file = await rosterFile(households);
    const label = households.toLocaleString('en');
    const out = scratch('out', `checked-${households}.xlsx`);
    rmSync(out, { force: true });
    await waitForQuiet();
    const noOut = checked(await runNode([...NODE_FLAGS, cli, 'check', file, '--no-out', ...AS_OF]), 'check --no-out');
    await waitForQuiet();
    const copy = checked(
      await runNode([...NODE_FLAGS, cli, 'check', file, '--out', out, '--force', ...AS_OF]),
      'check --out',
    );
    rmSync(out, { force: true });
    const wall = copy.wallMs / noOut.wallMs;
    const cpu = copy.cpuMs / noOut.cpuMs;
    emit({
      section: SECTION,
      measure: `dibao check --no-out, ${label} households (the yardstick)`,
      figure: usage(noOut),
      note: `one run; load ${noOut.load.toFixed(1)}`,
    });
    emit({
      section: SECTION,
      measure: `dibao check writing the marked copy (patching writer), ${label} households`,
      figure: `${usage(copy)}; ${wall.toFixed(2)}× check --no-out (CPU time ${cpu.toFixed(2)}×)`,
      target: '≤ 2×, peak ≤ 1 GB',
      pass: wall <= 2 && copy.maxRssMB <= 1024,
      note: `one run; load ${copy.load.toFixed(1)}`,
    });
    if (households > oldPathUpTo) continue;
    await waitForQuiet();
    const old = checked(await runNode([...OLD_FLAGS, parts, 'copy-exceljs', file]), 'marked copy through ExcelJS');
    emit({
      section: SECTION,
      measure: `before: the marked copy through ExcelJS (whole workbook loaded and written), ${label} households`,
      figure: `${usage(old)}; ${(old.wallMs / noOut.wallMs).toFixed(2)}× check --no-out`,
      note: `one run; load ${old.load.toFixed(1)}`,
    });
  }
}
