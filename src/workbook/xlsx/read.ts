/**
 * The command line's reader for checks that write no workbook: the whole grid straight from the
 * .xlsx's XML, streamed part by part. It gives what ExcelJS's in-memory reader gives (merged
 * ranges and hidden rows included, which ExcelJS's streaming reader drops) in a fraction of the
 * time and memory of either ExcelJS reader: see docs/PERFORMANCE.md. Anything it does not
 * handle throws Unsupported, and the caller reads the file through ExcelJS instead.
 */
import { basename } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { SheetGrid, WorkbookGrid } from '../../domain/grid';
import type { ProgressFn } from '../host';
import { cellBudgetFor, cellCost, tooManyCells } from '../limits';
import { DEFAULT_ZIP_LIMITS, STREAMING_ZIP_LIMITS } from '../file/zip-guard';
import { readWorkbookParts } from './parts';
import { SheetReader } from './sheet';
import { XmlScanner } from './xml';
import { InflateBudget, partStream, Unsupported, zipParts } from './zip';

export { Unsupported } from './zip';

const PROGRESS_ROWS = 5000;

export interface ReadBudget {
  /** Most bytes inflated in all (counted while inflating, whatever the zip declares). */
  bytes: number;
  /** Most bytes inflated from the parts held whole: shared strings, styles, workbook and relationships. */
  heldBytes: number;
  /** Most cells kept in the grid. */
  cells: number;
}

/**
 * The budget of this process: the sheets are streamed, so the expanded size may reach the
 * streaming limit; the parts held whole keep the in-memory readers' limit; cells by the heap limit.
 */
export function defaultReadBudget(): ReadBudget {
  return {
    bytes: STREAMING_ZIP_LIMITS.maxTotalBytes,
    heldBytes: DEFAULT_ZIP_LIMITS.maxTotalBytes,
    cells: cellBudgetFor(getHeapStatistics().heap_size_limit),
  };
}

/** A sheet left out because it did not fit the budget (with --sheet: not a sheet asked for). */
class SheetTooLarge extends Error {}

/** The grid, and the sheets left out for the budget (only with `only`, and only when there are some). */
export type FastGrid = WorkbookGrid & { unread?: string[] };

/**
 * `size` is the file's size in bytes (the caller has checked the file with zip-guard). `only`: the
 * roster sheets asked for (--sheet). They are read first; another sheet that does not fit the cell
 * budget is left out (named in `unread`) instead of refusing the whole file. Without them, a file
 * over the budget is refused with a message that points at --sheet.
 */
export async function readGridFast(
  path: string,
  size: number,
  onProgress?: ProgressFn,
  budget: ReadBudget = defaultReadBudget(),
  only: readonly string[] = [],
): Promise<FastGrid> {
  const parts = zipParts(path, size);
  const inflated = new InflateBudget(budget.bytes);
  const held = new InflateBudget(budget.heldBytes, inflated);
  const stream = (name: string, whole = true) => {
    const part = parts.get(name.toLowerCase());
    return part ? partStream(path, part, whole ? held : inflated) : undefined;
  };
  let cells = 0;
  let sheetName = '';
  let optional = false;
  const onCell = (ownChars: number) => {
    cells += cellCost(ownChars);
    if (cells <= budget.cells) return;
    if (optional) throw new SheetTooLarge();
    throw tooManyCells(basename(path), budget.cells, { sheet: sheetName, sheetOption: only.length === 0 });
  };
  const { entries, date1904, styles, sharedStrings } = await readWorkbookParts(stream);
  const asked = new Set(only);
  // The sheets asked for first, so that the others only take what room is left.
  const order = [...entries.filter((e) => asked.has(e.name)), ...entries.filter((e) => !asked.has(e.name))];
  const read = new Map<string, SheetGrid>();
  const unread: string[] = [];
  let done = 0;
  for (const entry of order) {
    const part = stream(entry.part, false);
    if (!part) throw new Unsupported(`missing sheet part`);
    sheetName = entry.name;
    optional = asked.size > 0 && !asked.has(entry.name);
    const before = cells;
    const reader = new SheetReader({
      sheet: entry.name,
      onCell,
      sharedStrings,
      styles,
      date1904,
      onRow: () => {
        if (++done % PROGRESS_ROWS === 0) onProgress?.({ phase: 'read', done, total: 0, sheet: entry.name });
      },
    });
    try {
      await new XmlScanner(reader).readAll(part);
    } catch (e) {
      if (!(e instanceof SheetTooLarge)) throw e;
      cells = before;
      unread.push(entry.name);
      continue;
    }
    read.set(entry.name, reader.grid(entry.name, entry.hidden));
  }
  onProgress?.({ phase: 'read', done, total: done || size });
  const sheets = entries.map((e) => read.get(e.name)).filter((g): g is SheetGrid => g !== undefined);
  return unread.length ? { sheets, unread } : { sheets };
}
