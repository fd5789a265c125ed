/**
 * Section 3's measurements in one process: the Office host reading and marking a county-sized
 * roster over the Excel double (test/support), and the naive per-row / per-cell version over the
 * same double on a smaller roster. `node office-one.js ROWS COLS NAIVE_ROWS` prints one JSON line.
 */
import { blockChunks } from '../src/workbook/office/office-blocks';
import { OfficeHost } from '../src/workbook/office/office';
import { BIG_SHEET, bigRosterBook, bigRosterMarks } from '../test/support/big-roster';
import { ExcelDouble, type ExcelApiVersion } from '../test/support/excel-double';
import { naiveMark, naiveRead } from './office-naive';

export interface DoubleFigures {
  ms: number;
  syncs: number;
  ops: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalBytes: number;
  kinds: Record<string, number>;
}

export interface OfficeOne {
  rows: number;
  cols: number;
  marks: number;
  /** getRanges() address chunks the marks make (errors and warnings apart). */
  chunks: number;
  read: DoubleFigures;
  mark19: DoubleFigures;
  mark118: DoubleFigures;
  naiveRows: number;
  naiveMarks: number;
  naiveRead: DoubleFigures;
  naiveMark19: DoubleFigures;
  naiveMark118: DoubleFigures;
}

async function measure(d: ExcelDouble, work: () => Promise<unknown>): Promise<DoubleFigures> {
  d.resetStats();
  const t0 = performance.now();
  await work();
  return {
    ms: Math.round(performance.now() - t0),
    syncs: d.syncs,
    ops: d.totalOps,
    maxRequestBytes: d.maxRequestBytes,
    maxResponseBytes: d.maxResponseBytes,
    totalBytes: d.totalBytes,
    kinds: d.stats.kinds,
  };
}

const hostOf = (d: ExcelDouble) => new OfficeHost({ run: d.run, isSetSupported: d.isSetSupported });
const fresh = (rows: number, cols: number, api: ExcelApiVersion = '1.18') =>
  new ExcelDouble(bigRosterBook(rows, cols), api);

async function main(): Promise<void> {
  const [rows, cols, naiveRows] = process.argv.slice(2).map(Number);
  const marks = bigRosterMarks(rows, cols);
  const chunks = (['error', 'warning'] as const).flatMap((s) => blockChunks(marks.filter((m) => m.severity === s)));

  let d = fresh(rows, cols);
  const read = await measure(d, () => hostOf(d).readWorkbook());
  d = fresh(rows, cols, '1.9');
  const mark19 = await measure(d, () => hostOf(d).mark(marks));
  d = fresh(rows, cols, '1.18');
  const mark118 = await measure(d, () => hostOf(d).mark(marks));

  const few = bigRosterMarks(naiveRows, cols);
  d = fresh(naiveRows, cols);
  // The header row too, as the host reads it.
  const nRead = await measure(d, () => naiveRead(d.run, BIG_SHEET, naiveRows + 1, cols));
  d = fresh(naiveRows, cols, '1.9');
  const nMark19 = await measure(d, () => naiveMark(d.run, few, false));
  d = fresh(naiveRows, cols, '1.18');
  const nMark118 = await measure(d, () => naiveMark(d.run, few, true));

  const out: OfficeOne = {
    rows,
    cols,
    marks: marks.length,
    chunks: chunks.length,
    read,
    mark19,
    mark118,
    naiveRows,
    naiveMarks: few.length,
    naiveRead: nRead,
    naiveMark19: nMark19,
    naiveMark118: nMark118,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
  process.exitCode = 1;
});
