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
import { MARK_RECORD_SHEET, type ProgressFn } from '../host';
import { cellBudgetFor, tooManyCells } from '../limits';
import { DEFAULT_ZIP_LIMITS } from '../zip-guard';
import { readCellStyles, readSharedStrings, readWorkbookInfo } from './parts';
import { SheetReader } from './sheet';
import { XmlScanner } from './xml';
import { InflateBudget, partStream, Unsupported, zipParts } from './zip';

export { Unsupported } from './zip';

const PROGRESS_ROWS = 5000;

export interface ReadBudget {
  /** Most bytes inflated in all (counted while inflating, whatever the zip declares). */
  bytes: number;
  /** Most cells kept in the grid. */
  cells: number;
}

/** The budget of this process: the zip-guard's expanded size, and cells by the heap limit. */
export function defaultReadBudget(): ReadBudget {
  return { bytes: DEFAULT_ZIP_LIMITS.maxTotalBytes, cells: cellBudgetFor(getHeapStatistics().heap_size_limit) };
}

/** `size` is the file's size in bytes (the caller has checked the file with zip-guard). */
export async function readGridFast(
  path: string,
  size: number,
  onProgress?: ProgressFn,
  budget: ReadBudget = defaultReadBudget(),
): Promise<WorkbookGrid> {
  const parts = zipParts(path, size);
  const inflated = new InflateBudget(budget.bytes);
  const stream = (name: string) => {
    const part = parts.get(name.toLowerCase());
    return part ? partStream(path, part, inflated) : undefined;
  };
  let cells = 0;
  const onCell = () => {
    if (++cells > budget.cells) throw tooManyCells(basename(path), budget.cells);
  };
  const workbook = stream('xl/workbook.xml');
  if (!workbook) throw new Unsupported('no xl/workbook.xml');
  const info = await readWorkbookInfo(workbook, stream('xl/_rels/workbook.xml.rels'));
  const styles = await readCellStyles(stream('xl/styles.xml'));
  const sharedStrings = await readSharedStrings(stream('xl/sharedStrings.xml'));

  const sheets: SheetGrid[] = [];
  let done = 0;
  for (const entry of info.sheets) {
    if (entry.name === MARK_RECORD_SHEET) continue;
    const part = stream(entry.part);
    if (!part) throw new Unsupported(`missing sheet part`);
    const reader = new SheetReader({
      sheet: entry.name,
      onCell,
      sharedStrings,
      styles,
      date1904: info.date1904,
      onRow: () => {
        if (++done % PROGRESS_ROWS === 0) onProgress?.({ phase: 'read', done, total: 0, sheet: entry.name });
      },
    });
    await new XmlScanner(reader).readAll(part);
    sheets.push(reader.grid(entry.name, entry.hidden));
  }
  onProgress?.({ phase: 'read', done, total: done || size });
  return { sheets };
}
