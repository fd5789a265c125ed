/**
 * 边改边查 over Office.js: the workbook's change events, and reading a few rows again.
 *
 * Events: one handler on the worksheet collection (`worksheets.onChanged`, ExcelApi 1.9, our
 * minimum) sees every sheet, including sheets added later; `onAdded` / `onDeleted` (1.7) and,
 * where there is one, `onNameChanged` (1.17) report the sheet list changing. Excel raises the
 * events for an add-in's own writes too (record sheet, generated sheets); from ExcelApi 1.14
 * `triggerSource` is "ThisLocalAddin" for those and they are dropped here. Before 1.14 they arrive
 * like the clerk's, possibly after our Excel.run has returned: the pane's controller drops edits
 * of sheets the check did not read and re-checks only rows whose cells really differ, which our
 * writes (never on a checked sheet) cannot make. Handlers are removed the documented way, in the
 * context they were added in (`Excel.run(result.context, …)`): office.js queues the removal there.
 */
import { parseAreas } from './office-cells';
import { readRows } from './office-read';
import type { RowsRead, WorkbookChange } from '../live';
import type { SheetGrid } from '../../domain/grid';

export type RunIn = <T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface ChangedArgs {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  triggerSource?: string;
  /** ExcelApi 1.14: which way cells moved on CellInserted / CellDeleted (the other one undefined). */
  changeDirectionState?: { insertShiftDirection?: string; deleteShiftDirection?: string };
}

/** Excel's shift directions, by the change that can report each. */
const DIRECTIONS: Record<string, Record<string, 'down' | 'right' | 'up' | 'left'>> = {
  CellInserted: { Down: 'down', Right: 'right' },
  CellDeleted: { Up: 'up', Left: 'left' },
};

/** What a WorksheetChanged event means for the re-check; undefined for our own writes. */
export function changeOf(e: ChangedArgs): WorkbookChange | undefined {
  if (e.triggerSource === 'ThisLocalAddin') return undefined;
  const remote = e.source === 'Remote';
  const [area] = parseAreas(e.address);
  if (!area) return undefined;
  switch (e.changeType) {
    case 'RowInserted':
    case 'RowDeleted':
    case 'ColumnInserted':
    case 'ColumnDeleted': {
      const rows = e.changeType.startsWith('Row');
      const n = rows ? area.bottom - area.top + 1 : area.right - area.left + 1;
      const at = (rows ? area.top : area.left) + 1;
      const count = e.changeType.endsWith('Inserted') ? n : -n;
      return { kind: 'shift', sheetId: e.worksheetId, shift: { axis: rows ? 'rows' : 'columns', at, count }, remote };
    }
    case 'CellInserted':
    case 'CellDeleted': {
      const d = e.changeDirectionState;
      const direction =
        DIRECTIONS[e.changeType][
          (e.changeType === 'CellInserted' ? d?.insertShiftDirection : d?.deleteShiftDirection) ?? ''
        ];
      const cells = { top: area.top + 1, left: area.left + 1, bottom: area.bottom + 1, right: area.right + 1 };
      const shift = direction ? { axis: 'cells' as const, area: cells, direction } : undefined;
      return { kind: 'shift', sheetId: e.worksheetId, shift, remote };
    }
    default:
      // RangeEdited, and "Unknown": the cells of the address may hold anything new.
      return { kind: 'cells', sheetId: e.worksheetId, rows: [area.top + 1, area.bottom + 1], remote };
  }
}

export async function watchIn(
  run: Run,
  runIn: RunIn,
  supports: (v: string) => boolean,
  onChange: (c: WorkbookChange) => void,
): Promise<() => Promise<void>> {
  const onChanged = (e: ChangedArgs) => {
    const c = changeOf(e);
    if (c) onChange(c);
    return Promise.resolve();
  };
  const onSheets = (e?: { nameBefore?: string; nameAfter?: string }) => {
    const renamed = e?.nameBefore && e.nameAfter ? { from: e.nameBefore, to: e.nameAfter } : undefined;
    onChange(renamed ? { kind: 'sheets', renamed } : { kind: 'sheets' });
    return Promise.resolve();
  };
  const results = await run(async (ctx) => {
    const ws = ctx.workbook.worksheets;
    const added = [
      ws.onChanged.add(onChanged as unknown as (e: Excel.WorksheetChangedEventArgs) => Promise<void>),
      ws.onAdded.add(() => onSheets()),
      ws.onDeleted.add(() => onSheets()),
      ...(supports('1.17') ? [ws.onNameChanged.add(onSheets)] : []),
    ];
    await ctx.sync();
    return added;
  });
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    await runIn(results[0].context as Excel.RequestContext, async (ctx) => {
      for (const r of results) r.remove();
      await ctx.sync();
    });
  };
}

/**
 * Rows (1-based, inclusive) of sheets by id, read whole (every column of the used range); sheets
 * `only` refuses (by name) are not read: an edit there costs the one sync that names them.
 */
export async function readRowsIn(
  ctx: Excel.RequestContext,
  requests: { sheetId: string; rows: [number, number][] }[],
  only: (sheet: string) => boolean = () => true,
): Promise<RowsRead[]> {
  // A sheet may be gone by now (our record sheet, deleted by 清除标注): it is skipped.
  const found = requests.map((req) => ({
    req,
    ws: ctx.workbook.worksheets.getItemOrNullObject(req.sheetId).load('name'),
  }));
  await ctx.sync();
  const sheets = found
    .filter(({ ws }) => !ws.isNullObject && only(ws.name))
    .map(({ req, ws }) => ({ req, ws, used: ws.getUsedRangeOrNullObject(true).load('columnIndex,columnCount') }));
  if (!sheets.length) return [];
  await ctx.sync();
  const bands = sheets.flatMap(({ req, ws, used }) => {
    const cols = used.isNullObject ? 1 : used.columnIndex + used.columnCount;
    return req.rows.map(([first, last]) => {
      const grid: SheetGrid = { name: ws.name, rows: [] };
      // The band's geometry is known: nothing to ask Excel before reading it.
      const band = {
        isNullObject: false,
        rowIndex: first - 1,
        columnIndex: 0,
        rowCount: last - first + 1,
        columnCount: cols,
      };
      return { ws, grid, used: band as Excel.Range, first, last };
    });
  });
  await readRows(ctx, bands);
  const out = new Map<string, RowsRead>();
  for (const b of bands) {
    let read = out.get(b.grid.name);
    if (!read) out.set(b.grid.name, (read = { sheet: b.grid.name, rows: new Map() }));
    for (let r = b.first - 1; r < b.last; r++) read.rows.set(r, b.grid.rows[r] ?? []);
  }
  return [...out.values()];
}
