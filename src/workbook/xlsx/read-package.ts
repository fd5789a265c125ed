/**
 * The own reader over an .xlsx held in memory (the web page's worker): the same part readers as
 * the command line's read.ts, fed from an XlsxPackage whose codec inflates (Compression Streams in
 * a browser). The bytes that really come out of the inflater are counted while inflating, against
 * what each part declared and against one budget for the whole file, so a zip that understates
 * its sizes stops there (issue 13). No Node API here.
 */
import type { SheetGrid, WorkbookGrid } from '../../domain/grid';
import { FileError, truncatedFile, unreadableWorkbook } from '../file/file-error';
import type { ProgressFn } from '../host';
import { cellCost, expandsBeyond, tooManyCells } from '../limits';
import type { PackagePart, XlsxPackage } from './package';
import { readWorkbookParts } from './parts';
import { SheetReader } from './sheet';
import { Unsupported } from './unsupported';
import { XmlScanner } from './xml';

export interface PackageReadOptions {
  /** Most bytes inflated in all (counted while inflating, whatever the zip declares). */
  maxBytes: number;
  /** Most cells kept in the grid. */
  maxCells: number;
  /** The file's name, for the message about too many cells. */
  file?: string;
  onProgress?: ProgressFn;
}

/** Rows between two progress events. */
const PROGRESS_ROWS = 2000;

export async function readPackageGrid(pkg: XlsxPackage, opts: PackageReadOptions): Promise<WorkbookGrid> {
  const budget = { used: 0 };
  const stream = (name: string) => {
    const part = pkg.part(name);
    return part ? counted(pkg, part, budget, opts.maxBytes) : undefined;
  };
  const { entries, date1904, styles, sharedStrings } = await readWorkbookParts(stream);
  // Progress in rows, the total estimated from the sheets' sizes until the last row is read.
  const sheetBytes = entries.reduce((n, e) => n + (pkg.part(e.part)?.uncompressed ?? 0), 0);
  const before = budget.used;
  let rows = 0;
  let cells = 0;
  let sheetName = '';
  // The page has no --sheet: the refusal says to split the roster or remove the other sheets.
  const onCell = (ownChars: number) => {
    cells += cellCost(ownChars);
    if (cells > opts.maxCells) throw tooManyCells(opts.file, opts.maxCells, { sheet: sheetName });
  };
  const sheets: SheetGrid[] = [];
  for (const entry of entries) {
    sheetName = entry.name;
    const part = stream(entry.part);
    if (!part) throw new Unsupported('missing sheet part');
    const reader = new SheetReader({
      sheet: entry.name,
      onCell,
      sharedStrings,
      styles,
      date1904,
      onRow: () => {
        if (++rows % PROGRESS_ROWS !== 0 || !opts.onProgress) return;
        const read = budget.used - before;
        const total = read > 0 ? Math.max(rows, Math.round((rows * sheetBytes) / read)) : 0;
        opts.onProgress({ phase: 'read', done: rows, total, sheet: entry.name });
      },
    });
    await new XmlScanner(reader).readAll(part);
    sheets.push(reader.grid(entry.name, entry.hidden));
  }
  opts.onProgress?.({ phase: 'read', done: rows, total: rows });
  return { sheets };
}

/** A part's inflated bytes, counted against what it declared and against the file's budget. */
async function* counted(
  pkg: XlsxPackage,
  part: PackagePart,
  budget: { used: number },
  max: number,
): AsyncIterable<Uint8Array> {
  const raw = pkg.raw(part);
  const chunks = part.method === 0 ? [raw] : pkg.codec.inflate(raw);
  let total = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.length;
      budget.used += chunk.length;
      // A part that expands beyond what it declared lied to the size checks (zip-guard.ts).
      if (total > part.uncompressed) throw truncatedFile();
      if (budget.used > max) throw expandsBeyond(max);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    // The inflater's own failure (a damaged stream): what the command line says of such a file.
    throw unreadableWorkbook();
  }
}
