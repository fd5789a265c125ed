/**
 * The WPS host over the WPS double (test/support/wps-double.ts) on a county-sized roster: calls
 * into WPS for reading 100,000 × 40 and for marking and clearing the same cells as the Office
 * section. `node wps-one.js ROWS COLS` prints one JSON line.
 */
import { BIG_SHEET, bigRosterBook, bigRosterMarks } from '../test/support/big-roster';
import { WpsDouble } from '../test/support/wps-double';
import { WpsHost } from '../src/workbook/wps/wps';
import type { EtApplication } from '../src/workbook/wps/et';

export interface WpsFigures {
  ms: number;
  calls: number;
  kinds: Record<string, number>;
}

export interface WpsOne {
  rows: number;
  cols: number;
  marks: number;
  read: WpsFigures;
  mark: WpsFigures;
  clear: WpsFigures;
  cellsRead: number;
}

async function measure(d: WpsDouble, work: () => Promise<unknown>): Promise<WpsFigures> {
  d.resetCalls();
  const t0 = performance.now();
  await work();
  return { ms: Math.round(performance.now() - t0), calls: d.calls, kinds: { ...d.kinds } };
}

async function main(): Promise<void> {
  const [rows, cols] = process.argv.slice(2).map(Number);
  const marks = bigRosterMarks(rows, cols);
  const d = new WpsDouble(bigRosterBook(rows, cols));
  const host = new WpsHost(d.Application as unknown as EtApplication);
  let cellsRead = 0;
  const read = await measure(d, async () => {
    const grid = await host.readWorkbook();
    cellsRead = grid.sheets.find((s) => s.name === BIG_SHEET)!.rows.reduce((n, r) => n + r.filter(Boolean).length, 0);
  });
  const mark = await measure(d, () => host.mark(marks));
  const clear = await measure(d, () => host.clearMarks());
  const out: WpsOne = { rows, cols, marks: marks.length, read, mark, clear, cellsRead };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
  process.exitCode = 1;
});
