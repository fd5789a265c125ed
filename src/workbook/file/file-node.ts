/**
 * Node-only file helpers for the command line: open a workbook from disk (checked before it is
 * expanded), write outputs atomically without overwriting by accident, and read very large
 * rosters with ExcelJS's streaming reader.
 */
import { promises as fsp, openSync, readSync, closeSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { SheetGrid, WorkbookGrid } from '../../domain/grid';
import { cellFromExcel } from './exceljs-cells';
import { STREAMING_READER_OPTIONS } from './exceljs-stream';
import { FileError, unreadableWorkbook, fileSystemError } from './file-error';
import { FileWorkbook } from './file';
import { MARK_RECORD_SHEET, type ProgressFn } from '../host';
import { legacyFormatOf, type LegacyFormat } from '../legacy/format';
import { openLegacyWorkbook, type ConvertedWorkbook } from '../legacy/open';
import {
  inspectWorkbookBytes,
  STREAMING_ZIP_LIMITS,
  type ByteSource,
  type ZipLimits,
  type ZipSummary,
} from './zip-guard';
import { getHeapStatistics } from 'node:v8';
import { cellBudgetFor } from '../limits';
import { EXCELJS_BYTES_PER_CELL, prescanForExcelJs } from '../xlsx/prescan';
import { readGridFast, Unsupported } from '../xlsx/read';

const PROGRESS_ROWS = 5000;

export async function openWorkbookFile(path: string): Promise<FileWorkbook> {
  checkFile(path);
  FileWorkbook.maxCells = Math.floor((getHeapStatistics().heap_size_limit * 0.8) / EXCELJS_BYTES_PER_CELL);
  return FileWorkbook.load(await fsp.readFile(path), basename(path));
}

/** Any workbook the tool reads: an .xlsx as it is, .xls/.xlsb/.ods/.et through the converter. */
export async function openAnyWorkbookFile(path: string): Promise<FileWorkbook | ConvertedWorkbook> {
  const format = legacyFormatOfFile(path);
  if (!format) return openWorkbookFile(path);
  return openLegacyWorkbook(new Uint8Array(await fsp.readFile(path)), format);
}

/** The file's legacy format (from its bytes), or undefined for an .xlsx and what is no workbook. */
export function legacyFormatOfFile(path: string): LegacyFormat | undefined {
  const stats = statOrMissing(path);
  if (!stats.isFile()) return undefined;
  const fd = openSync(path, 'r');
  try {
    return legacyFormatOf(fileSource(fd, stats.size), path, FileWorkbook.limits);
  } finally {
    closeSync(fd);
  }
}

/**
 * A workbook's grid for reading only (the `--list` files): the own reader, which keeps merges as
 * rectangles and never builds a cell past the budget (so it takes the streaming limits); ExcelJS
 * (after its pre-scan, and the in-memory limits) only for a file the own reader does not handle.
 */
export async function readWorkbookGrid(path: string, onProgress?: ProgressFn): Promise<WorkbookGrid> {
  const { stats } = inspectFile(path, STREAMING_ZIP_LIMITS);
  try {
    return await readGridFast(path, stats.size, onProgress);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
  }
  return (await openWorkbookFile(path)).readWorkbook(onProgress);
}

/**
 * Writes next to the target and renames into place, so a crash or a full disk never leaves a
 * half-written workbook under the real name. Without `force` an existing file is never replaced.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, opts: { force: boolean }): Promise<void> {
  await writeFilesAtomic([{ path, data }], opts);
}

/**
 * A file's bytes, whole or in pieces made while it is written (a large report), or pieces that
 * come as other work goes on (the folder report, one township file after another).
 */
export type OutputData = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Several outputs of one run, all or none: every file is written to a temporary file first; only
 * when all are on disk are they moved into place. If moving one fails, the outputs this run had
 * already created are removed again, so a failed run leaves nothing new behind.
 */
export async function writeFilesAtomic(
  files: readonly { path: string; data: OutputData }[],
  opts: { force: boolean },
): Promise<void> {
  if (!opts.force) {
    for (const f of files) if (await exists(f.path)) throw existsError(f.path);
  }
  const temps = files.map((f) => join(dirname(f.path), `.${basename(f.path)}.${randomBytes(6).toString('hex')}.tmp`));
  const created: string[] = [];
  for (const t of temps) unfinished.add(t);
  let current = files[0]?.path ?? '';
  try {
    for (let i = 0; i < files.length; i++) {
      current = files[i].path;
      // Readable by the clerk alone: it holds the roster's names and ID numbers.
      const handle = await fsp.open(temps[i], 'wx', 0o600);
      try {
        await writeAll(handle, files[i].data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (let i = 0; i < files.length; i++) {
      current = files[i].path;
      const existed = await exists(files[i].path);
      if (opts.force) await fsp.rename(temps[i], files[i].path);
      else await linkNoClobber(temps[i], files[i].path);
      if (!existed) {
        created.push(files[i].path);
        unfinished.add(files[i].path);
      }
    }
    // All in place: from here on an interrupt leaves the run's result, complete.
    for (const p of created) unfinished.delete(p);
  } catch (e) {
    await Promise.all(created.map((p) => fsp.rm(p, { force: true })));
    // Named by the output the clerk asked for, not by our temporary file beside it.
    throw fileSystemError((e as NodeJS.ErrnoException).code, current) ?? e;
  } finally {
    await Promise.all(temps.map((t) => fsp.rm(t, { force: true })));
    for (const p of [...temps, ...created]) unfinished.delete(p);
  }
}

async function writeAll(handle: fsp.FileHandle, data: OutputData): Promise<void> {
  if (data instanceof Uint8Array) return handle.writeFile(data);
  for await (const piece of data) {
    for (let at = 0; at < piece.length;) at += (await handle.write(piece, at)).bytesWritten;
  }
}

/**
 * Temporary files of writes under way, and outputs of a run whose other outputs are not in place
 * yet: what an interrupt (Ctrl+C) must remove so that no half result and no stray copy of the
 * roster's personal data stays on disk.
 */
const unfinished = new Set<string>();

/** Removes every unfinished file now (synchronously: called from a signal handler or at exit). */
export function removeUnfinishedFiles(): number {
  let n = 0;
  for (const p of unfinished) {
    try {
      unlinkSync(p);
      n++;
    } catch {
      // Already gone.
    }
  }
  unfinished.clear();
  return n;
}

/**
 * Every sheet's values through ExcelJS's streaming reader: memory grows with the grid only, not
 * with ExcelJS's cell objects. No merges and no hidden rows (the streaming reader does not report
 * them); a formula's error result is read as "#VALUE!" (the reader does not say which error) and a
 * boolean formula result as 1 or 0.
 */
export async function readGridStreaming(path: string, onProgress?: ProgressFn): Promise<WorkbookGrid> {
  const { stats, zip } = inspectFile(path);
  const size = stats.size;
  const fd = openSync(path, 'r');
  try {
    await prescanForExcelJs(fileSource(fd, size), zip, {
      maxBytes: FileWorkbook.limits.maxTotalBytes,
      maxSpread: Infinity,
      maxCells: cellBudgetFor(getHeapStatistics().heap_size_limit),
      file: basename(path),
    });
  } finally {
    closeSync(fd);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, STREAMING_READER_OPTIONS);
  const sheets: SheetGrid[] = [];
  let done = 0;
  try {
    for await (const ws of reader) {
      const info = ws as unknown as { name: string; state?: string };
      const rows: SheetGrid['rows'] = [];
      let uncomputed = false;
      for await (const row of ws) {
        const cells: SheetGrid['rows'][number] = [];
        row.eachCell({ includeEmpty: false }, (excelCell, c) => {
          const cell = cellFromExcel(excelCell);
          if (cell) cells[c - 1] = cell;
          if (cell?.uncomputed) uncomputed = true;
        });
        rows[row.number - 1] = cells;
        if (++done % PROGRESS_ROWS === 0) onProgress?.({ phase: 'read', done, total: 0, sheet: info.name });
      }
      if (info.name === MARK_RECORD_SHEET) continue;
      for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
      const grid: SheetGrid = { name: info.name, rows };
      if (info.state && info.state !== 'visible') grid.hidden = true;
      if (uncomputed) grid.uncomputed = true;
      sheets.push(grid);
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw unreadableWorkbook();
  }
  onProgress?.({ phase: 'read', done, total: done || size });
  // Parts come in zip order; the clerk expects the tab order, which workbook.xml gives.
  const tabs = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map(
    (s) => s.name,
  );
  const tab = (name: string) => {
    const i = tabs.indexOf(name);
    return i < 0 ? tabs.length : i;
  };
  sheets.sort((a, b) => tab(a.name) - tab(b.name));
  return { sheets };
}

/** Exists, is a file, and passes the zip checks (read from the end of the file, not expanded). */
export function checkFile(path: string): Stats {
  return inspectFile(path).stats;
}

/**
 * The checks of checkFile, with the workbook's expanded (unzipped) size. `limits`: the streaming
 * reader's are higher than those of the paths that hold the expanded workbook (the default).
 */
export function inspectFile(
  path: string,
  limits: ZipLimits = FileWorkbook.limits,
): { stats: Stats; expanded: number; zip: ZipSummary } {
  const stats = statOrMissing(path);
  if (!stats.isFile()) {
    throw new FileError('not-a-file', { file: basename(path) });
  }
  const fd = openSync(path, 'r');
  try {
    const summary = inspectWorkbookBytes(fileSource(fd, stats.size), limits);
    return { stats, expanded: summary.totalUncompressed, zip: summary };
  } finally {
    closeSync(fd);
  }
}

function statOrMissing(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new FileError('file-not-found', { file: basename(path) });
  }
}

function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return buf.subarray(0, got);
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await fsp.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** link() fails if the target exists, closing the gap between our check and the rename. */
async function linkNoClobber(temp: string, path: string): Promise<void> {
  try {
    await fsp.link(temp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(path);
    // File systems without hard links: the check above has to do.
    if (await exists(path)) throw existsError(path);
    await fsp.rename(temp, path);
  }
}

function existsError(path: string): FileError {
  return new FileError('output-exists', { file: basename(path) });
}
