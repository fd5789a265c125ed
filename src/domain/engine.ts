/**
 * The engine: workbook grid in, findings / adjustments / sample / summary out.
 * (Implementation in progress: API fixed, see CheckInput and checkWorkbook.)
 */
import type { SheetGrid, WorkbookGrid } from './grid';
import type { ListKind } from './fields';
import type { Policy } from './policy';
import type { CheckResult } from './types';

/** A list given from outside the workbook (command line --list KIND=FILE). */
export interface ExternalList {
  kind: ListKind;
  sheet: SheetGrid;
  /** Shown in findings and the report, e.g. "deaths.xlsx". */
  source: string;
}

/** IDs seen in other township workbooks (folder mode): normalized ID → where, for ID-06. */
export type ExternalIdIndex = Map<string, { file: string; sheet: string; row: number; name: string }[]>;

export interface CheckInput {
  workbook: WorkbookGrid;
  policy: Policy;
  /** Use this sheet as the roster instead of the best-matching one. */
  rosterSheet?: string;
  extraLists?: ExternalList[];
  externalIds?: ExternalIdIndex;
}

export { RosterError } from './errors';

export function checkWorkbook(_input: CheckInput): CheckResult {
  throw new Error('engine not implemented yet');
}
