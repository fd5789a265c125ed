/**
 * The parts of section 2 that are not the command line as shipped, for the side-by-side table:
 *   node read-one.js fast FILE      the command line's own reader alone (grid kept, no check)
 *   node read-one.js exceljs FILE   the check as it was before that reader: ExcelJS's streaming
 *                                   reader (the path for files over 20 MB), then the engine
 *   node read-one.js copy-exceljs FILE  the marked copy as it was made before the patching writer:
 *                                   the whole workbook through ExcelJS (kept in memory, not written)
 * Prints one JSON line; time and memory come from the usage probe (bench/child.ts).
 */
import { statSync } from 'node:fs';
import { checkFile } from '../src/cli/check-file';
import { readGridFast } from '../src/workbook/xlsx/read';
import { parsePolicy } from '../src/domain/policy';
import { BENCH_AS_OF } from './synthetic';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'fast') {
    const grid = await readGridFast(file, statSync(file).size);
    const rows = grid.sheets.reduce((n, s) => n + s.rows.length, 0);
    process.stdout.write(JSON.stringify({ rows }) + '\n');
  } else if (mode === 'exceljs') {
    const quiet = { stdout: () => {}, stderr: () => {}, progress: false };
    const policy = parsePolicy({ asOf: BENCH_AS_OF });
    const checked = await checkFile(file, { policy, withWorkbook: false, fastRead: false, io: quiet });
    process.stdout.write(JSON.stringify({ findings: checked.result.findings.length }) + '\n');
  } else if (mode === 'copy-exceljs') {
    const quiet = { stdout: () => {}, stderr: () => {}, progress: false };
    const policy = parsePolicy({ asOf: BENCH_AS_OF });
    const checked = await checkFile(file, {
      policy,
      withWorkbook: true,
      fastRead: false,
      markedCopyMax: Infinity,
      io: quiet,
    });
    process.stdout.write(JSON.stringify({ bytes: checked.workbook?.length, cells: checked.cellsMarked }) + '\n');
  } else throw new Error('usage: read-one fast|exceljs|copy-exceljs FILE');
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
  process.exitCode = 1;
});
