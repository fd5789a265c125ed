/**
 * 边改边查, the host's side: what a host that can watch the clerk's edits offers the pane (only
 * the Office host does; the web page's file does not change under it). Host-neutral: the pane's
 * controller (taskpane/state/liveRecheck.ts) decides what to re-read, re-check and re-mark.
 */
import type { Cell } from '../domain/grid';
import type { CellShift } from './cell-shift';
import type { CellMark, MarkOutcome } from './host';

/** One change Excel reported, reduced to what the re-check needs. */
export type WorkbookChange =
  | {
      kind: 'cells';
      sheetId: string;
      /** 1-based, inclusive. */
      rows: [number, number];
      /** A coauthor's edit (source "Remote"). */
      remote: boolean;
    }
  | {
      /** Rows, columns or cells inserted or deleted: the cells after them moved. */
      kind: 'shift';
      sheetId: string;
      /** How; undefined when cells moved and Excel did not say which way (before ExcelApi 1.14). */
      shift: CellShift | undefined;
      remote: boolean;
    }
  /** A sheet was added, deleted or renamed (ExcelApi 1.17 says from what to what). */
  | { kind: 'sheets'; renamed?: { from: string; to: string } };

/** Rows read again: each 0-based row index → its cells as the reader makes them. */
export interface RowsRead {
  sheet: string;
  rows: Map<number, (Cell | undefined)[]>;
}

/** Worksheet rows as a set per sheet name: 1-based. */
export type RowSet = Map<string, Set<number>>;

export interface RowMarkOutcome extends MarkOutcome {
  /** False when the workbook holds no marks of ours: nothing was written. */
  marked: boolean;
}

export interface LiveHost {
  /**
   * Start reporting the clerk's changes (our own writes are left out where Excel says so);
   * resolves to the function that stops it.
   */
  watchChanges(onChange: (c: WorkbookChange) => void): Promise<() => Promise<void>>;
  /** Read these rows (1-based, inclusive) of these sheets (by id) again, whole; only sheets `only` accepts by name. */
  readRows(
    requests: { sheetId: string; rows: [number, number][] }[],
    only?: (sheet: string) => boolean,
  ): Promise<RowsRead[]>;
  /**
   * Re-mark only these rows: their earlier marks are restored and `marks` (all inside them)
   * painted; the record of every other row stays as it is. Nothing when the workbook is not marked.
   */
  markRows(marks: CellMark[], rows: RowSet): Promise<RowMarkOutcome>;
  /** A sheet renamed: the mark record names it as it is now. */
  renameMarks(from: string, to: string): Promise<void>;
  /** Rows, columns or cells inserted or deleted: the mark record follows its cells. */
  shiftMarks(sheetId: string, shift: CellShift): Promise<void>;
  /** The workbook's sheets, in order. */
  sheets(): Promise<{ id: string; name: string }[]>;
}
