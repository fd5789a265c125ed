/**
 * Before ExcelJS writes a large workbook: every cell that has no style of its own gets one shared
 * empty style object. ExcelJS gives each such cell a fresh `{}` when it loads a file, and on
 * writing it remembers every style object in a WeakMap; with millions of distinct keys that map
 * made writing a 100,000-household roster take 104 s instead of 15 s (docs/PERFORMANCE.md).
 * The file written is the same: an empty style is an empty style.
 *
 * Only right before writing: ExcelJS changes a cell's style object in place (`cell.fill = …`),
 * so once shared, a later fill would reach every cell sharing it.
 */
import type ExcelJS from 'exceljs';

export function shareBlankStyles(wb: ExcelJS.Workbook): number {
  const blank = {} as Partial<ExcelJS.Style>;
  let shared = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.style !== blank && isEmpty(cell.style)) {
          cell.style = blank;
          shared++;
        }
      });
    });
  }
  return shared;
}

function isEmpty(o: object | undefined): boolean {
  for (const _ in o) return false;
  return true;
}
