/**
 * Reading every sheet through Office.js in row chunks: each sync's response stays under 4 MB and
 * 4 million cells whatever the roster's size, so a 100,000-row roster costs about one sync per
 * 4 MB of data, never one per row. Chunk sizes start from a conservative guess of bytes per cell
 * and adapt to what each sheet really returns; a response that is still too large is retried in
 * smaller pieces.
 */
import type { MergedRange, SheetGrid, WorkbookGrid } from '../../domain/grid';
import { MARK_RECORD_SHEET, type ProgressFn } from '../host';
import { tooManyCells } from '../limits';
import { tidyMerges } from '../merges';
import { LIMITS } from './office-blocks';
import { toCell, usedRangeOf, utf8Length } from './office-cells';
import { clampMerges, readMerges } from './office-merges';

/** Bytes per cell of values + text + numberFormat + valueTypes before a sheet has shown its own. */
const FIRST_GUESS_BYTES_PER_CELL = 60;
/** Headroom on the measured size, for rows further down that hold longer text. */
const HEADROOM = 1.05;
/** Bytes of one read response: 4.5 MB against Excel's 5 MB (writes keep to LIMITS.payloadBytes). */
const READ_BUDGET = 4_500_000;

/** Most cells of all used ranges read into the pane (its page has far less memory than the command line). */
export const OFFICE_CELL_BUDGET = 20_000_000;

export type Supports = (excelApiVersion: string) => boolean;
export { usedRangeOf, utf8Length };

interface SheetPlan {
  ws: Excel.Worksheet;
  grid: SheetGrid;
  firstRow: number;
  firstCol: number;
  rows: number;
  cols: number;
  /** Rows of the used range already read. */
  done: number;
  bytesPerCell: number;
}

interface Piece {
  plan: SheetPlan;
  start: number;
  count: number;
  range: Excel.Range;
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return /PayloadSizeLimitExceeded/i.test(code) || /payload|too large/i.test(String((e as Error)?.message ?? ''));
}

export async function readWorkbookIn(
  ctx: Excel.RequestContext,
  supports: Supports,
  onProgress?: ProgressFn,
): Promise<WorkbookGrid> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await ctx.sync();
  // The mark record is the tool's own bookkeeping, not part of the roster (the file host skips it too).
  const sheets = worksheets.items.filter((ws) => ws.name !== MARK_RECORD_SHEET);
  // Merged cells help header detection and carry a village down its block; without ExcelApi 1.13
  // header detection works on the unmerged text and each block's village is in its first row.
  let used: Excel.Range[];
  let merges: MergedRange[][] | undefined;
  if (supports('1.13')) ({ used, merges } = await readMerges(ctx, sheets));
  else {
    used = sheets.map(usedRangeOf);
    await ctx.sync();
  }
  const grids = sheets.map((ws, i) => {
    const grid: SheetGrid = { name: ws.name, rows: [] };
    if (ws.visibility !== 'Visible') grid.hidden = true;
    const m = merges?.[i];
    if (m?.length && !used[i].isNullObject) grid.merges = clampMerges(m, used[i]);
    return grid;
  });
  await readRows(
    ctx,
    sheets.map((ws, i) => ({ ws, grid: grids[i], used: used[i] })),
    onProgress,
  );
  for (const grid of grids) if (grid.merges) grid.merges = tidyMerges(grid.name, grid.merges, grid.rows);
  return { sheets: grids };
}

/** Read the used ranges (synced already) into the grids, a few syncs in all. */
export async function readRows(
  ctx: Excel.RequestContext,
  sheets: { ws: Excel.Worksheet; grid: SheetGrid; used: Excel.Range }[],
  onProgress?: ProgressFn,
): Promise<void> {
  const plans: SheetPlan[] = [];
  for (const { ws, grid, used: u } of sheets) {
    if (u.isNullObject) continue;
    for (let r = grid.rows.length; r < u.rowIndex + u.rowCount; r++) grid.rows.push([]);
    plans.push({
      ws,
      grid,
      firstRow: u.rowIndex,
      firstCol: u.columnIndex,
      rows: u.rowCount,
      cols: u.columnCount,
      done: 0,
      bytesPerCell: FIRST_GUESS_BYTES_PER_CELL,
    });
  }
  const total = plans.reduce((n, p) => n + p.rows, 0);
  // The used range is a rectangle: one stray value far away makes it huge. Refused before a read.
  if (plans.reduce((n, p) => n + p.rows * p.cols, 0) > OFFICE_CELL_BUDGET) {
    throw tooManyCells(undefined, OFFICE_CELL_BUDGET);
  }
  let read = 0;
  for (;;) {
    const pieces = queuePieces(plans);
    if (!pieces.length) break;
    try {
      await ctx.sync();
      // Excel on the web may answer an oversized read with null values instead of an error.
      const empty = (r: Excel.Range) =>
        r.values == null || r.text == null || r.numberFormat == null || r.valueTypes == null;
      if (pieces.some((p) => empty(p.range))) {
        throw Object.assign(new Error('values came back empty'), { code: 'ResponsePayloadSizeLimitExceeded' });
      }
    } catch (e) {
      const single = pieces.length === 1 && pieces[0].count === 1;
      if (!isPayloadError(e) || single) throw e;
      // Too large: ask again for half as many rows as this attempt held.
      for (const p of pieces) {
        p.plan.done = Math.min(p.plan.done, p.start);
        const halfRows = Math.max(1, Math.floor(p.count / 2));
        p.plan.bytesPerCell = Math.max(p.plan.bytesPerCell * 2, READ_BUDGET / (p.plan.cols * halfRows));
      }
      continue;
    }
    for (const p of pieces) {
      storePiece(p);
      read += p.count;
      onProgress?.({ phase: 'read', done: read, total, sheet: p.plan.grid.name });
    }
  }
}

/** Queue the next rows of as many sheets as fit one response. */
function queuePieces(plans: SheetPlan[]): Piece[] {
  const pieces: Piece[] = [];
  let bytesLeft = READ_BUDGET;
  let cellsLeft = LIMITS.cells;
  for (const plan of plans) {
    while (plan.done < plan.rows) {
      const rowBytes = plan.cols * plan.bytesPerCell;
      let fit = Math.floor(Math.min(bytesLeft / rowBytes, cellsLeft / plan.cols));
      if (fit < 1) {
        if (pieces.length) return pieces;
        fit = 1;
      }
      const count = Math.min(fit, plan.rows - plan.done);
      const range = plan.ws
        .getRangeByIndexes(plan.firstRow + plan.done, plan.firstCol, count, plan.cols)
        .load('values,text,numberFormat,valueTypes');
      pieces.push({ plan, start: plan.done, count, range });
      plan.done += count;
      bytesLeft -= count * rowBytes;
      cellsLeft -= count * plan.cols;
    }
  }
  return pieces;
}

function storePiece({ plan, start, count, range }: Piece): void {
  const { values, text, numberFormat, valueTypes } = range;
  for (let i = 0; i < count; i++) {
    const row = plan.grid.rows[plan.firstRow + start + i];
    for (let j = 0; j < plan.cols; j++) {
      const cell = toCell(values[i][j], valueTypes[i][j], String(text[i][j]), String(numberFormat[i][j]));
      if (cell) row[plan.firstCol + j] = cell;
    }
  }
  // The size of this answer as it travelled, to size the next request of this sheet.
  const bytes = [values, text, numberFormat, valueTypes].reduce((n, m) => n + utf8Length(JSON.stringify(m)), 0);
  plan.bytesPerCell = Math.max(4, (bytes / (count * plan.cols)) * HEADROOM);
}
