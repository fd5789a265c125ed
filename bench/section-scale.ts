/**
 * Section 7, the command line at scale (issue 12): `check --no-out --report` on a roster where
 * every household has four findings (the report's memory), and `check --no-out` on a province's
 * roster of 1,000,000 households (within 1 GB per 250,000 households). The million-household file
 * is about 240 MB and takes many minutes to write: it is made here by bench/roster-file.ts and
 * deleted after the run.
 */
import { rmSync } from 'node:fs';
import { bundle } from './bundle';
import { runNode, type ChildRun, AS_OF, usage, checked } from './child';
import { scratch } from './paths';
import { waitForQuiet } from './quiet';
import type { BenchRow } from './report';
import { rosterFile } from './roster-file';

const SECTION = '7 scale';
/** The flags of `npm run dibao`. */
const NODE_FLAGS = ['--max-semi-space-size=64', '--max-old-space-size=6144'];

const findingsOf = (run: ChildRun) => /错误（errors）\s+(\d+)/.exec(run.stdout)?.[1] ?? '?';

export async function scaleSection(faulty: number, province: number, emit: (r: BenchRow) => void): Promise<void> {
  const cli = bundle('src/cli/main.ts');

  const many = await rosterFile(faulty, 'every');
  const report = scratch('out', `report-${faulty}.json`);
  await waitForQuiet();
  const withReport = checked(
    await runNode([...NODE_FLAGS, cli, 'check', many, '--no-out', '--report', report, '--force', ...AS_OF]),
    'check --no-out --report',
  );
  rmSync(report, { force: true });
  emit({
    section: SECTION,
    measure: `dibao check --no-out --report, ${faulty.toLocaleString('en')} households with four findings each`,
    figure: `${usage(withReport)}; ${Number(findingsOf(withReport)).toLocaleString('en')} errors`,
    target: 'peak ≤ 1 GB',
    pass: withReport.maxRssMB <= 1024,
    note: `one run; load ${withReport.load.toFixed(1)}`,
  });

  const big = await rosterFile(province);
  try {
    await waitForQuiet();
    const run = await runNode([...NODE_FLAGS, cli, 'check', big, '--no-out', ...AS_OF]);
    const budget = (province / 250_000) * 1024;
    const done = run.code === 0 || run.code === 1;
    emit({
      section: SECTION,
      measure: `dibao check --no-out, ${province.toLocaleString('en')} households (a province)`,
      // A refusal is a figure too (a miss), not the end of the run.
      figure: done
        ? `${usage(run)}; ${Number(findingsOf(run)).toLocaleString('en')} errors`
        : `refused (exit ${run.code}) after ${usage(run)}: ${run.stderr.trim().slice(0, 160)}`,
      target: `peak ≤ ${(budget / 1024).toFixed(0)} GB (1 GB per 250,000 households)`,
      pass: done && run.maxRssMB <= budget,
      note: `one run; load ${run.load.toFixed(1)}`,
    });
  } finally {
    rmSync(big, { force: true });
  }
}
