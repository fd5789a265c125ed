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
import { addGeneratedSheet, markResult, runCheck, SHEET_KINDS } from '../workbook/actions';
import { FileError } from '../workbook/file-error';
import { checkFile as inspectFile, openWorkbookFile, readGridStreaming } from '../workbook/file-node';
import type { ProgressFn } from '../workbook/host';
import { shareBlankStyles } from './blank-styles';
import { progress, type Io } from './io';
import { readGridFast } from './xlsx/read';

/** Above this size a check without a workbook output reads with the streaming reader. */
export const STREAMING_BYTES = 20 * 1024 * 1024;

export interface FileCheckOptions {
  policy: Policy;
  sheet?: string;
  extraLists?: ExternalList[];
  externalIds?: ExternalIdIndex;
  /** Produce the marked copy with the generated sheets. */
  withWorkbook: boolean;
  /**
   * Without a workbook output, read with the command line's own reader (src/cli/xlsx/, default
   * true); false, or a file it cannot read, goes through ExcelJS as below.
   */
  fastRead?: boolean;
  /** Size from which a check through ExcelJS without a workbook streams (default STREAMING_BYTES). */
  streamingBytes?: number;
  io: Io;
}

export interface FileCheck {
  grid: WorkbookGrid;
  result: CheckResult;
  /** The marked copy (when withWorkbook). */
  workbook?: Uint8Array;
  /** Names of the sheets added (a taken name gets a suffix). */
  sheetsAdded: string[];
  cellsMarked: number;
}

export async function checkFile(path: string, opts: FileCheckOptions): Promise<FileCheck> {
  const { io } = opts;
  const name = basename(path);
  const onProgress: ProgressFn = (e) => {
    if (e.phase === 'read' && e.total > 0 && e.done === e.total) progress(io, `已读取 ${name}`, `read ${name}`);
  };
  const engineInput = { rosterSheet: opts.sheet, extraLists: opts.extraLists, externalIds: opts.externalIds };

  if (!opts.withWorkbook && opts.fastRead !== false) {
    progress(io, `正在读取 ${name}…`, `reading ${name}…`);
    const grid = await readFast(path, onProgress);
    if (grid) {
      progress(io, '正在核查…', 'checking…');
      const result = checkWorkbook({ workbook: grid, policy: opts.policy, ...engineInput });
      return { grid, result, sheetsAdded: [], cellsMarked: 0 };
    }
  }

  if (!opts.withWorkbook && statSync(path).size > (opts.streamingBytes ?? STREAMING_BYTES)) {
    progress(io, `正在以流式读取大文件 ${name}…`, `streaming the large file ${name}…`);
    const grid = await readGridStreaming(path, onProgress);
    progress(io, '正在核查…', 'checking…');
    const result = checkWorkbook({ workbook: grid, policy: opts.policy, ...engineInput });
    return { grid, result, sheetsAdded: [], cellsMarked: 0 };
  }

  progress(io, `正在读取 ${name}…`, `reading ${name}…`);
  const host = await openWorkbookFile(path);
  progress(io, '正在核查…', 'checking…');
  const { grid, result } = await runCheck(host, opts.policy, { ...engineInput, onProgress });
  if (!opts.withWorkbook) return { grid, result, sheetsAdded: [], cellsMarked: 0 };

  const marked = await markResult(host, result, 'zh');
  progress(io, `已标注 ${marked.cells} 个单元格`, `marked ${marked.cells} cells`);
  const sheetsAdded: string[] = [];
  for (const kind of SHEET_KINDS) sheetsAdded.push(await addGeneratedSheet(host, kind, result, opts.policy));
  progress(io, `已添加工作表：${sheetsAdded.join('、')}`, `added sheets: ${sheetsAdded.length}`);
  shareBlankStyles(host.workbook);
  return { grid, result, workbook: await host.toBuffer(), sheetsAdded, cellsMarked: marked.cells };
}

/**
 * The grid through the command line's own reader: several times faster than ExcelJS and a
 * fraction of its memory (docs/PERFORMANCE.md). Files it refuses (not an .xlsx, a zip bomb) are
 * refused here with the usual message; anything else it cannot read (an unusual part, a damaged
 * stream) gives undefined, and ExcelJS reads the file, or says why it cannot.
 */
async function readFast(path: string, onProgress: ProgressFn): Promise<WorkbookGrid | undefined> {
  const { size } = inspectFile(path);
  try {
    return await readGridFast(path, size, onProgress);
  } catch (e) {
    if (e instanceof FileError) throw e;
    return undefined;
  }
}
