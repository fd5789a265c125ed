/**
 * The host port: the only way the shells touch a workbook. Two adapters implement it:
 * file.ts (ExcelJS: command line, web page, tests) and office.ts (Excel.run inside Excel).
 */
import type { WorkbookGrid } from '../domain/grid';
import type { Severity } from '../domain/types';

/** One cell to mark; a cell with several findings gets one mark listing all of them. */
export interface CellMark {
  sheet: string;
  /** 1-based row and column, as Excel counts. */
  row: number;
  col: number;
  /** The worst severity among the cell's findings: error → light red, warning → light yellow. */
  severity: Exclude<Severity, 'info'>;
  /** One line per finding, e.g. "DOC-01 入户调查表未签字". */
  lines: string[];
}

export interface MarkOutcome {
  /** Cells filled. */
  cells: number;
  /** Whether reasons were attached as notes/comments (false where the host cannot). */
  notes: boolean;
}

export interface ProgressEvent {
  phase: 'read' | 'check' | 'mark' | 'write';
  done: number;
  total: number;
  sheet?: string;
}
export type ProgressFn = (e: ProgressEvent) => void;

/** Fills recorded so that clearing restores them exactly: the name of the tool's record sheet. */
export const MARK_RECORD_SHEET = '_dibao_marks';

/** The fills the marks use (ARGB). */
export const MARK_FILLS: Record<'error' | 'warning', string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
};

/** A prefix that identifies the tool's own note text, so clearing removes only ours. */
export const NOTE_HEADER = '【低保核查】';

export interface WorkbookHost {
  /** Read every sheet into grids (the roster, the member sheet, reference lists). */
  readWorkbook(onProgress?: ProgressFn): Promise<WorkbookGrid>;
  /** Remove earlier marks, then mark these cells and record what they looked like before. */
  mark(marks: CellMark[], onProgress?: ProgressFn): Promise<MarkOutcome>;
  /** Restore every marked cell's earlier fill and note; returns how many cells were restored. */
  clearMarks(): Promise<number>;
  /**
   * Add a generated sheet; the one of the same `kind` generated earlier (recorded in
   * GENERATED_RECORD_SHEET) is replaced, a sheet of the clerk's never is. Returns the name used.
   */
  addSheet(sheet: import('./output/generated').GeneratedSheet): Promise<string>;
}
