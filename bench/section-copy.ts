/**
 * Section 6, the marked copy (issue 12): `dibao check --out` as shipped (the patching writer,
 * src/workbook/xlsx/patch.ts) beside `check --no-out` on the same file, and beside the way it was
 * made before (the whole workbook through ExcelJS, read-one.ts copy-exceljs) on the same file.
 */
import { rmSync } from 'node:fs';
import { bundle } from './bundle';
import { runNode, AS_OF, usage, checked } from './child';
import { scratch } from './paths';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';
import { rosterFile } from './roster-file';

const SECTION = '6 marked copy';
/** The young generation `npm run dibao` gives node. */
const NODE_FLAGS = ['--max-semi-space-size=64'];
/** The old path needs the heap `npm run dibao` gives it. */
const OLD_FLAGS = [...NODE_FLAGS, '--max-old-space-size=6144'];
/** The 1 GB target as node's own limit: the copy must complete inside it, not only peak below it. */
const ONE_GB_HEAP = [...NODE_FLAGS, '--max-old-space-size=1024'];

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
    if (households === Math.max(...sizes)) {
      await waitForQuiet();
      const capped = await runNode([...ONE_GB_HEAP, cli, 'check', file, '--out', out, '--force', ...AS_OF]);
      rmSync(out, { force: true });
      const done = capped.code === 0 || capped.code === 1;
      emit({
        section: SECTION,
        measure: `the same marked copy with node's heap limited to 1 GB (--max-old-space-size=1024), ${label} households`,
        figure: done ? `completed: ${usage(capped)}` : `exit ${capped.code}: ${capped.stderr.trim().slice(-200)}`,
        target: 'completes',
        pass: done,
        note: `one run; load ${capped.load.toFixed(1)}`,
      });
    }
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
