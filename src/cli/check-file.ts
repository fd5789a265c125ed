/**
 * One roster file, start to finish in memory: read, check, and (when a workbook is wanted) mark
 * the copy and add the generated sheets. Nothing is written to disk here: the caller writes only
 * after every step succeeded, so a refusal never leaves a half-done output behind.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { checkWorkbook, type ExternalIdIndex, type ExternalList } from '../domain/engine';
import type { WorkbookGrid } from '../domain/grid';
import type { Policy } from '../domain/policy';
import type { CheckResult } from '../domain/types';
import { readFile } from 'node:fs/promises';
import { addGeneratedSheet, buildSheet, markResult, runCheck, SHEET_KINDS } from '../workbook/actions';
import { FileWorkbook } from '../workbook/file/file';
import { marksFromResult } from '../workbook/output/marks';
import { nodeCodec } from '../workbook/xlsx/codec-node';
import { patchWorkbook, Unpatchable, XlsxPackage } from '../workbook/xlsx/patch';
import { FileError } from '../workbook/file/file-error';
import { DEFAULT_ZIP_LIMITS, STREAMING_ZIP_LIMITS } from '../workbook/file/zip-guard';
import {
  inspectFile as inspectWorkbook,
  legacyFormatOfFile,
  openAnyWorkbookFile,
  readGridStreaming,
} from '../workbook/file/file-node';
import type { ProgressFn } from '../workbook/host';
import type { LegacyFormat } from '../workbook/legacy/format';
import { shareBlankStyles } from './blank-styles';
import { progress, type Io } from './io';
import { defaultReadBudget, readGridFast, type FastGrid } from '../workbook/xlsx/read';

/**
 * The largest workbook (unzipped) of which a marked copy is made through ExcelJS, the way taken
 * only when the patching writer cannot handle a package: ExcelJS holds the whole workbook in
 * memory, about 25 times its unzipped size (a 100,000-household roster with its member sheet,
 * 188 MB unzipped, peaks at 4.6 GB). Larger ones are refused before reading, with the way out
 * (--no-out), instead of crashing (docs/PERFORMANCE.md).
 */
export const MARKED_COPY_MAX_EXPANDED = 200 * 1024 * 1024;

/** Above this size a check without a workbook output reads with the streaming reader. */
export const STREAMING_BYTES = 20 * 1024 * 1024;

export interface FileCheckOptions {
  policy: Policy;
  /** Roster sheets to check (none given: every roster sheet found). */
  sheets?: string[];
  extraLists?: ExternalList[];
  externalIds?: ExternalIdIndex;
  /** Produce the marked copy with the generated sheets. */
  withWorkbook: boolean;
  /**
   * Read with the command line's own reader (src/workbook/xlsx/, default true) and write the marked
   * copy by patching the package; false, or a file either cannot handle, goes through ExcelJS.
   */
  fastRead?: boolean;
  /** Largest unzipped size of which a marked copy is made (default MARKED_COPY_MAX_EXPANDED). */
  markedCopyMax?: number;
  /** Size from which a check through ExcelJS without a workbook streams (default STREAMING_BYTES). */
  streamingBytes?: number;
  io: Io;
}

export interface FileCheck {
  /** What was checked; not kept when the marked copy was made by patching (the copy's peak). */
  grid?: WorkbookGrid;
  result: CheckResult;
  /** The marked copy (when withWorkbook). */
  workbook?: Uint8Array;
  /** Names of the sheets added (a taken name gets a suffix). */
  sheetsAdded: string[];
  cellsMarked: number;
  /** Sheets left out because they did not fit the memory budget (only with --sheet; not the ones named). */
  unread?: string[];
  /** The file was an .xls/.xlsb/.ods/.et, read through the converter (the marked copy is .xlsx). */
  convertedFrom?: LegacyFormat;
}

/** Without a marked copy the grid is always given back (folder mode collects its IDs). */
export async function checkFile(
  path: string,
  opts: FileCheckOptions & { withWorkbook: false },
): Promise<FileCheck & { grid: WorkbookGrid }>;
export async function checkFile(path: string, opts: FileCheckOptions): Promise<FileCheck>;
export async function checkFile(path: string, opts: FileCheckOptions): Promise<FileCheck> {
  const { io } = opts;
  const name = basename(path);
  const onProgress: ProgressFn = (e) => {
    if (e.phase === 'read' && e.total > 0 && e.done === e.total) progress(io, `已读取 ${name}`, `read ${name}`);
  };
  const engineInput = { rosterSheets: opts.sheets, extraLists: opts.extraLists, externalIds: opts.externalIds };
  const convertedFrom = legacyFormatOfFile(path);

  if (!convertedFrom && opts.fastRead !== false) {
    progress(io, `正在读取 ${name}…`, `reading ${name}…`);
    const fast = await readFast(path, onProgress, opts.sheets, !opts.withWorkbook);
    const unread = fast?.unread ?? [];
    let grid: WorkbookGrid | undefined = fast;
    if (grid) {
      progress(io, '正在核查…', 'checking…');
      const result = checkWorkbook({ workbook: grid, policy: opts.policy, ...engineInput });
      if (!opts.withWorkbook) return { grid, result, sheetsAdded: [], cellsMarked: 0, unread };
      // The copy needs only the result: the grid (most of the check's memory) goes before it is
      // written, and the ExcelJS way, if the patcher declines, reads the file again anyway.
      grid = undefined;
      const patched = await patchedCopy(await readFile(path), result, opts.policy, io);
      if (patched) return { result, ...patched, unread };
    }
  }

  if (!convertedFrom && !opts.withWorkbook && statSync(path).size > (opts.streamingBytes ?? STREAMING_BYTES)) {
    progress(io, `正在以流式读取大文件 ${name}…`, `streaming the large file ${name}…`);
    const grid = await readGridStreaming(path, onProgress);
    progress(io, '正在核查…', 'checking…');
    const result = checkWorkbook({ workbook: grid, policy: opts.policy, ...engineInput });
    return { grid, result, sheetsAdded: [], cellsMarked: 0 };
  }

  if (opts.withWorkbook && !convertedFrom) refuseHugeCopy(path, opts.markedCopyMax ?? MARKED_COPY_MAX_EXPANDED);
  if (convertedFrom) {
    progress(io, `正在转换读取 ${name}…`, `reading ${name} through the converter…`);
  } else progress(io, `正在读取 ${name}…`, `reading ${name}…`);
  const host = await openAnyWorkbookFile(path);
  progress(io, '正在核查…', 'checking…');
  const { grid, result } = await runCheck(host, opts.policy, { ...engineInput, onProgress });
  if (!opts.withWorkbook) return { grid, result, sheetsAdded: [], cellsMarked: 0, convertedFrom };
  if (!(host instanceof FileWorkbook)) {
    // The converter's .xlsx of the file, patched like any .xlsx.
    const patched = await patchedCopy(host.xlsx(), result, opts.policy, io);
    if (patched) return { grid, result, ...patched, convertedFrom };
  }

  const marked = await markResult(host, result, 'zh');
  progress(io, `已标注 ${marked.cells} 个单元格`, `marked ${marked.cells} cells`);
  const sheetsAdded: string[] = [];
  for (const kind of SHEET_KINDS) sheetsAdded.push(await addGeneratedSheet(host, kind, result, opts.policy));
  progress(io, `已添加工作表：${sheetsAdded.join('、')}`, `added sheets: ${sheetsAdded.length}`);
  const copy = host instanceof FileWorkbook ? host : await host.copy();
  shareBlankStyles(copy.workbook);
  return { grid, result, workbook: await copy.toBuffer(), sheetsAdded, cellsMarked: marked.cells, convertedFrom };
}

function refuseHugeCopy(path: string, max: number): void {
  const { expanded } = inspectWorkbook(path);
  if (expanded <= max) return;
  throw new FileError('copy-too-large', { file: basename(path), bytes: expanded });
}

/**
 * The grid through the command line's own reader: several times faster than ExcelJS and a
 * fraction of its memory (docs/PERFORMANCE.md). Files it refuses (not an .xlsx, a zip bomb) are
 * refused here with the usual message; anything else it cannot read (an unusual part, a damaged
 * stream) gives undefined, and ExcelJS reads the file, or says why it cannot. `readOnly`: no copy
 * follows, so the reader's streaming limits apply (a province's roster expands beyond the
 * in-memory limit); the copy's path keeps the in-memory limits.
 */
async function readFast(
  path: string,
  onProgress: ProgressFn,
  only: string[] | undefined,
  readOnly: boolean,
): Promise<FastGrid | undefined> {
  const { size } = inspectWorkbook(path, readOnly ? STREAMING_ZIP_LIMITS : undefined).stats;
  const budget = defaultReadBudget();
  if (!readOnly) budget.bytes = DEFAULT_ZIP_LIMITS.maxTotalBytes;
  try {
    return await readGridFast(path, size, onProgress, budget, only);
  } catch (e) {
    if (e instanceof FileError) throw e;
    return undefined;
  }
}

/**
 * The marked copy by patching the file's package (src/workbook/xlsx/patch.ts): memory grows with
 * the marks, not the workbook. Undefined for a package the patcher does not handle (the caller
 * then makes the copy through ExcelJS).
 */
async function patchedCopy(
  bytes: Uint8Array,
  result: CheckResult,
  policy: Policy,
  io: Io,
): Promise<Pick<FileCheck, 'workbook' | 'sheetsAdded' | 'cellsMarked'> | undefined> {
  try {
    const pkg = new XlsxPackage(bytes, nodeCodec);
    const patched = await patchWorkbook(pkg, {
      marks: marksFromResult(result, 'zh'),
      sheets: SHEET_KINDS.map((kind) => buildSheet(kind, result, policy)),
    });
    progress(io, `已标注 ${patched.cellsMarked} 个单元格`, `marked ${patched.cellsMarked} cells`);
    progress(io, `已添加工作表：${patched.sheetsAdded.join('、')}`, `added sheets: ${patched.sheetsAdded.length}`);
    return { workbook: patched.bytes, sheetsAdded: patched.sheetsAdded, cellsMarked: patched.cellsMarked };
  } catch (e) {
    // A package the patcher does not take, or damaged in a way only it met: ExcelJS tries, and
    // gives the usual refusal when the file is damaged.
    if (e instanceof Unpatchable || !(e instanceof FileError)) return undefined;
    throw e;
  }
}
