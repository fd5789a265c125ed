/**
 * The file host: an .xlsx in memory through ExcelJS, for the command line, the standalone web page
 * and tests. No fs/path here: this file is also bundled for the browser (file-node.ts has the
 * Node-only helpers).
 */
import ExcelJS from 'exceljs';
import type { MergedRange, SheetGrid, WorkbookGrid } from '../../domain/grid';
import { cellFromExcel } from './exceljs-cells';
import { unreadableWorkbook } from './file-error';
import { applyMarks, clearMarks } from './file-marks';
import { writeGeneratedSheet } from './file-sheet';
import type { GeneratedSheet } from '../output/generated';
import { MARK_RECORD_SHEET, type CellMark, type MarkOutcome, type ProgressFn, type WorkbookHost } from '../host';
import { tidyMerges } from '../merges';
import { prescanForExcelJs } from '../xlsx/prescan';
import { DEFAULT_ZIP_LIMITS, bufferSource, inspectWorkbookBytes, type ZipLimits } from './zip-guard';

export { FileError, type FileErrorCode } from './file-error';

const PROGRESS_ROWS = 2000;

/** A web page's tab has about 4 GB at most; ExcelJS needs about 1 KB per cell. */
const BROWSER_MAX_CELLS = 2_000_000;

export class FileWorkbook implements WorkbookHost {
  /** Size limits checked before a file is expanded; the command line may change them. */
  static limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS };
  /** Most cells of a workbook handed to ExcelJS (the command line sets it from its heap limit). */
  static maxCells = BROWSER_MAX_CELLS;

  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /** Opens .xlsx bytes; throws FileError for anything else (.xls, CSV, encrypted, damaged, too big). */
  static async load(data: ArrayBuffer | Uint8Array, name?: string): Promise<FileWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const zip = inspectWorkbookBytes(bufferSource(bytes), FileWorkbook.limits);
    await prescanForExcelJs(bufferSource(bytes), zip, {
      maxBytes: FileWorkbook.limits.maxTotalBytes,
      maxCells: FileWorkbook.maxCells,
      file: name,
    });
    const wb = new ExcelJS.Workbook();
    try {
      // ExcelJS's typings ask for a Node Buffer; JSZip underneath takes any Uint8Array.
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw unreadableWorkbook();
    }
    return new FileWorkbook(wb);
  }

  /** An empty workbook (tests, and the web page before a file is chosen). */
  static create(): FileWorkbook {
    return new FileWorkbook(new ExcelJS.Workbook());
  }

  async readWorkbook(onProgress?: ProgressFn): Promise<WorkbookGrid> {
    const sheets = this.workbook.worksheets.filter((ws) => ws.name !== MARK_RECORD_SHEET);
    const total = sheets.reduce((n, ws) => n + ws.rowCount, 0);
    const progress = { done: 0, total };
    return { sheets: sheets.map((ws) => sheetToGrid(ws, progress, onProgress)) };
  }

  async mark(marks: CellMark[], onProgress?: ProgressFn): Promise<MarkOutcome> {
    return applyMarks(this.workbook, marks, onProgress);
  }

  async clearMarks(): Promise<number> {
    return clearMarks(this.workbook);
  }

  async addSheet(sheet: GeneratedSheet): Promise<string> {
    return writeGeneratedSheet(this.workbook, sheet);
  }

  async toBuffer(): Promise<Uint8Array> {
    activeTabOnVisibleSheet(this.workbook);
    const out: unknown = await this.workbook.xlsx.writeBuffer();
    // A plain Uint8Array view (ExcelJS hands back a Node Buffer, or its browser polyfill).
    return out instanceof Uint8Array
      ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
      : new Uint8Array(out as ArrayBuffer);
  }
}

function sheetToGrid(
  ws: ExcelJS.Worksheet,
  progress: { done: number; total: number },
  onProgress: ProgressFn | undefined,
): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  const hiddenRows: number[] = [];
  let uncomputed = false;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: SheetGrid['rows'][number] = [];
    // eachCell visits existing cells only (getCell would create the missing ones).
    row.eachCell({ includeEmpty: false }, (excelCell, c) => {
      const cell = cellFromExcel(excelCell);
      if (cell) cells[c - 1] = cell;
      if (cell?.uncomputed) uncomputed = true;
    });
    rows[r - 1] = cells;
    if (row.hidden) hiddenRows.push(r - 1);
    if (++progress.done % PROGRESS_ROWS === 0) {
      onProgress?.({ phase: 'read', done: progress.done, total: progress.total, sheet: ws.name });
    }
  });
  // Rows without cells are empty arrays, never holes, so callers can iterate safely.
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const grid: SheetGrid = { name: ws.name, rows };
  const merges = tidyMerges(ws.name, mergesOf(ws), rows);
  if (merges.length) grid.merges = merges;
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (uncomputed) grid.uncomputed = true;
  if (ws.state !== 'visible') grid.hidden = true;
  return grid;
}

/**
 * The merged ranges. ExcelJS keeps them in `_merges` (master address → range); its public
 * `model.merges` would serialize the whole sheet just to list them.
 */
function mergesOf(ws: ExcelJS.Worksheet): MergedRange[] {
  const merges = (
    ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  if (!merges) return [];
  return Object.values(merges).map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
}

/**
 * The active tab on a sheet the clerk can see: with none recorded, tab 0 is active, and when that
 * is one of our very hidden records (a workbook the tool made from nothing, e.g. the generated
 * sheets alone) LibreOffice shows and prints it.
 */
function activeTabOnVisibleSheet(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const visible = sheets.findIndex((ws) => ws.state === 'visible');
  const view = wb.views?.[0];
  const active = view?.activeTab ?? 0;
  if (visible < 0 || sheets[active]?.state === 'visible') return;
  const firstSheet = Math.min(view?.firstSheet ?? 0, visible);
  const window = view ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' };
  wb.views = [{ ...window, activeTab: visible, firstSheet }];
}
