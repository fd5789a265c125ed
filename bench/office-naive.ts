/**
 * The way an add-in is often first written, as a yardstick for the Office host: one sync per row
 * to read (values, text, number formats and value types of the row, as the host reads them), and
 * one sync per cell to mark (fill colour and note). Same Office.js calls, no batching. Measured
 * over the same Excel double as the real host.
 */
import { a1, columnLetters } from '../src/domain/grid';
import { MARK_FILLS, NOTE_HEADER, type CellMark } from '../src/workbook/host';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export async function naiveRead(run: Run, sheet: string, rows: number, cols: number): Promise<unknown[][]> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const out: unknown[][] = [];
    const last = columnLetters(cols - 1);
    for (let r = 1; r <= rows; r++) {
      const range = ws.getRange(`A${r}:${last}${r}`).load('values,text,numberFormat,valueTypes');
      await ctx.sync();
      out.push(range.values[0]);
    }
    return out;
  });
}

export async function naiveMark(run: Run, marks: CellMark[], notes: boolean): Promise<void> {
  await run(async (ctx) => {
    for (const m of marks) {
      const ws = ctx.workbook.worksheets.getItem(m.sheet);
      const range = ws.getRange(a1(m.row - 1, m.col - 1));
      range.format.fill.color = `#${MARK_FILLS[m.severity].slice(2)}`;
      if (notes) ws.notes.add(range, [NOTE_HEADER, ...m.lines].join('\n'));
      await ctx.sync();
    }
  });
}
