/**
 * A finding's row as the clerk wrote it, for the expanded finding: each filled cell with its
 * column's header, the cell at fault first. Read from the grid the check read, so the web page
 * (where no sheet is on screen) shows the row without opening the file elsewhere.
 */
import { cellAt, cellText, columnLetters, type WorkbookGrid } from '../../domain/grid';
import type { CheckResult, Finding } from '../../domain/types';

export interface RowCell {
  /** Header text, or the column letter where the header is blank. */
  header: string;
  text: string;
  atFault: boolean;
}

/** At most this many cells: a 60-column row would push the next findings out of view. */
const MAX_CELLS = 16;

export function rowCells(grid: WorkbookGrid | undefined, result: Pick<CheckResult, 'roster'>, f: Finding): RowCell[] {
  const sheet = grid?.sheets.find((s) => s.name === f.sheet);
  if (!sheet) return [];
  const headerRows = f.sheet === result.roster.sheet ? result.roster.headerRows : [];
  const width = sheet.rows[f.row - 1]?.length ?? 0;
  const cells: RowCell[] = [];
  for (let c = 0; c < width; c++) {
    const text = cellText(cellAt(sheet, f.row - 1, c)).trim();
    const atFault = f.col === c + 1;
    if (!text && !atFault) continue;
    // The lowest header row that names the column (two-row headers put the detail below).
    let header = '';
    for (let i = headerRows.length - 1; i >= 0 && !header; i--)
      header = cellText(cellAt(sheet, headerRows[i] - 1, c)).trim();
    cells.push({ header: header || columnLetters(c), text, atFault });
  }
  cells.sort((a, b) => Number(b.atFault) - Number(a.atFault));
  return cells.slice(0, MAX_CELLS);
}
