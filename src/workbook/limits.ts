/**
 * Excel's own limits are the readers' limits: no real workbook has a cell past row 1,048,576 or
 * column XFD, and a file that claims one (a program's bug, or a file made to exhaust memory) is
 * refused at that cell, before anything is built for it. Shared by every reader (the command
 * line's own, the ExcelJS path's pre-scan, the web page, the Office host): no Node imports here.
 */
import { FileError } from './file/file-error';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** `where` is the cell ("ZZZZZZ5") or the row ("第400000000行" is built from `row`). */
export function beyondExcel(sheet: string, where: { cell: string } | { row: string }): FileError {
  return new FileError('beyond-excel', { sheet, ...where });
}

/**
 * The grid's cell budget: every cell read costs about this many bytes of the heap (the cell, its
 * place in the row, the share of shared strings): 38 measured on the 100,000-household roster
 * (167 MB for 4.4 million cells); session 2's engine grid of a million households was the same
 * (1.7 GB for 44 million).
 */
export const BYTES_PER_CELL = 40;

/**
 * What one cell kept costs against the budget: a text of its own (not a shared string, which is
 * held once) is charged as the cells its characters would fill, up to 2 bytes each, so a sheet of
 * long inline texts cannot grow the grid past the heap while staying under the count.
 */
export function cellCost(ownChars: number): number {
  return 1 + Math.floor((ownChars * 2) / BYTES_PER_CELL);
}

/** How many cells the grid may hold: half of what the heap allows, the rest for the check itself. */
export function cellBudgetFor(heapLimitBytes: number): number {
  return Math.floor((heapLimitBytes * 0.5) / BYTES_PER_CELL);
}

/** Where the budget ran out, and whether the command line's --sheet would help. */
export interface BudgetPlace {
  /** The sheet being read when the budget ran out. */
  sheet?: string;
  /** The command line, checking every roster sheet: --sheet reads the named ones first. */
  sheetOption?: boolean;
}

/** `file` is the file's name; the Office host has none (the open workbook). */
export function tooManyCells(file: string | undefined, budget: number, at: BudgetPlace = {}): FileError {
  return new FileError('too-many-cells', { file, budget, sheet: at.sheet, sheetOption: at.sheetOption === true });
}

/** The bytes really inflated passed the budget, whatever the zip's directory declared. */
export function expandsBeyond(max: number): FileError {
  return new FileError('expands-too-large', { maxBytes: max });
}
