/**
 * A workbook described as data, the way a clerk left it, so the same starting point can be built
 * for both hosts (the Excel double and an .xlsx for the file host).
 */
import type { MergedRange } from '../../src/domain/grid';

export interface SpecCellDetail {
  v: string | number | boolean | Date;
  /** Number format, e.g. "0.00" or "yyyy-mm-dd". */
  fmt?: string;
  /** Solid fill, ARGB like "FF00B050". */
  fill?: string;
  /** The clerk's own note. */
  note?: string;
}

export type SpecCell = string | number | boolean | Date | SpecCellDetail | null;

export interface SpecSheet {
  name: string;
  /** rows[r][c], 0-based: Excel row r + 1. */
  rows: SpecCell[][];
  hidden?: boolean;
  merges?: MergedRange[];
}

export interface WorkbookSpec {
  sheets: SpecSheet[];
}
