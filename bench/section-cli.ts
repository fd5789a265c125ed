/**
 * Section 2, the command line end to end on a 100,000-household, 40-column .xlsx, side by side
 * with ExcelJS's streaming reader alone on the same file. Runs alternate (bare, check, bare,
 * check) so that a burst of load from other work hits both sides; the best of each is compared.
 */
import { rmSync } from 'node:fs';
import { bundle } from './bundle';
import { runNode, type ChildRun, AS_OF, usage, checked } from './child';
import { scratch } from './paths';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';
import { rosterFile } from './roster-file';

const SECTION = '2 command line';
/** The young generation `npm run dibao` gives node. */
const NODE_FLAGS = ['--max-semi-space-size=64'];

const best = (runs: ChildRun[], key: 'wallMs' | 'cpuMs') => Math.min(...runs.map((r) => r[key]));

export async function cliSection(households: number, rounds: number, emit: (r: BenchRow) => void): Promise<void> {
  const file = await rosterFile(households);
  const bare = bundle('bench/bare-read.ts');
  const cli = bundle('src/cli/main.ts');
  const label = households.toLocaleString('en');

  const bareRuns: ChildRun[] = [];
  const checkRuns: ChildRun[] = [];
  for (let i = 0; i < rounds; i++) {
    await waitForQuiet();
    bareRuns.push(checked(await runNode([...NODE_FLAGS, bare, file]), 'bare read'));
    checkRuns.push(checked(await runNode([...NODE_FLAGS, cli, 'check', file, '--no-out', ...AS_OF]), 'check'));
  }
  const loads = [...bareRuns, ...checkRuns].map((r) => r.load.toFixed(1)).join('/');
  const wallRatio = best(checkRuns, 'wallMs') / best(bareRuns, 'wallMs');
  const cpuRatio = best(checkRuns, 'cpuMs') / best(bareRuns, 'cpuMs');
  const peak = Math.max(...checkRuns.map((r) => r.maxRssMB));
  emit({
    section: SECTION,
    measure: `bare streaming read of the ${label}-household file (ExcelJS WorkbookReader, every cell touched)`,
    figure: usage(bareRuns.reduce((a, b) => (b.wallMs < a.wallMs ? b : a))),
    note: `best of ${rounds}; the yardstick`,
  });
  emit({
    section: SECTION,
    measure: `dibao check --no-out, ${label} households`,
    figure: usage(checkRuns.reduce((a, b) => (b.wallMs < a.wallMs ? b : a))),
    note: `best of ${rounds}, bundled CLI with the npm script's node flags`,
  });
  emit({
    section: SECTION,
    measure: 'check --no-out ÷ bare read (wall time)',
    figure: `${wallRatio.toFixed(2)}× (CPU time ${cpuRatio.toFixed(2)}×)`,
    target: '≤ 1.3×',
    pass: wallRatio <= 1.3,
    note: `loads ${loads}`,
  });
  emit({
    section: SECTION,
    measure: `peak memory of check --no-out, ${label} households`,
    figure: `${peak} MB`,
    target: '≤ 1 GB',
    pass: peak <= 1024,
  });

  // Side by side: the command line's reader alone, and the check as it was before it.
  const parts = bundle('bench/read-one.ts');
  await waitForQuiet();
  const fastRead = checked(await runNode([...NODE_FLAGS, parts, 'fast', file]), 'fast read');
  emit({
    section: SECTION,
    measure: `the command line's own reader alone (src/workbook/xlsx/), ${label} households, grid kept`,
    figure: usage(fastRead),
    note: `one run; load ${fastRead.load.toFixed(1)}`,
  });
  await waitForQuiet();
  const before = checked(await runNode([...NODE_FLAGS, parts, 'exceljs', file]), 'check through ExcelJS');
  emit({
    section: SECTION,
    measure: `before that reader: check --no-out through ExcelJS's streaming reader, ${label} households`,
    figure: `${usage(before)}; ${(before.wallMs / best(bareRuns, 'wallMs')).toFixed(2)}× the bare read`,
    note: `one run; load ${before.load.toFixed(1)}; the miss this section started with`,
  });

  // As a clerk runs it from a checkout: TypeScript through tsx (no target, for comparison).
  await waitForQuiet();
  const tsx = checked(
    await runNode([...NODE_FLAGS, '--import', 'tsx', 'src/cli/main.ts', 'check', file, '--no-out', ...AS_OF]),
    'check under tsx',
  );
  emit({
    section: SECTION,
    measure: 'the same through `npm run dibao` (tsx, not bundled)',
    figure: usage(tsx),
    note: `one run; load ${tsx.load.toFixed(1)}`,
  });

  // With the marked copy: ExcelJS holds the whole workbook to write it back (no target).
  const out = scratch('out', `checked-${households}.xlsx`);
  rmSync(out, { force: true });
  await waitForQuiet();
  const marked = checked(
    await runNode([...NODE_FLAGS, cli, 'check', file, '--out', out, '--force', ...AS_OF]),
    'check with output',
  );
  rmSync(out, { force: true });
  emit({
    section: SECTION,
    measure: `dibao check writing the marked copy, ${label} households`,
    figure: usage(marked),
    note: `one run; load ${marked.load.toFixed(1)}`,
  });
}
