/**
 * A workbook as SheetJS parsed it (from .xls, .xlsb, .ods or .et) → the engine's grid, cell by
 * cell as the .xlsx readers give it, so a converted roster gets the same findings as the same
 * roster saved as .xlsx: text stays text (an ID typed as text), a number stays a number with the
 * text Excel shows for it (an 18-digit ID typed as a number shows "4.30529E+17" and is ID-04), a
 * number in a date format is a date (1900 or 1904 system), a formula is its cached result,
 * merged areas stay rectangles with only their top-left value.
 */
import type { CellObject, Range, WorkBook, WorkSheet } from '@e965/xlsx';
import { SSF } from '@e965/xlsx';
import type { Cell, MergedRange, SheetGrid, WorkbookGrid } from '../../domain/grid';
import { booleanCell, dateCell, numberCell } from '../cell-values';
import { MARK_RECORD_SHEET } from '../host';

/** Excel's error codes as BIFF and XLSB store them. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export function gridOfBook(wb: WorkBook): WorkbookGrid {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: SheetGrid[] = [];
  wb.SheetNames.forEach((name, i) => {
    if (name === MARK_RECORD_SHEET) return;
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    sheets.push(gridOfSheet(name, wb.Sheets[name], date1904, hidden));
  });
  return { sheets };
}

function gridOfSheet(name: string, ws: WorkSheet, date1904: boolean, hidden: boolean): SheetGrid {
  const data = ws['!data'] ?? [];
  const rows: SheetGrid['rows'] = [];
  let uncomputed = false;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: (Cell | undefined)[] = [];
    if (source) {
      for (let c = 0; c < source.length; c++) {
        const cell = source[c] ? cellOf(source[c], date1904) : undefined;
        if (!cell) continue;
        row[c] = cell;
        if (cell.uncomputed) uncomputed = true;
      }
    }
    rows[r] = row;
  }
  const merges = (ws['!merges'] ?? []).map(rectangleOf);
  // As in Excel, a merged area shows only its top-left cell (OpenDocument may keep text in the
  // covered cells).
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = undefined;
      while (row.length && row[row.length - 1] === undefined) row.length--;
    }
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.length--;
  const grid: SheetGrid = { name, rows };
  if (merges.length) grid.merges = merges;
  const hiddenRows = (ws['!rows'] ?? []).flatMap((info, r) => (info?.hidden && rows[r]?.length ? [r] : []));
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (hidden) grid.hidden = true;
  if (uncomputed) grid.uncomputed = true;
  return grid;
}

function rectangleOf(range: Range): MergedRange {
  return {
    top: Math.min(range.s.r, range.e.r),
    left: Math.min(range.s.c, range.e.c),
    bottom: Math.max(range.s.r, range.e.r),
    right: Math.max(range.s.c, range.e.c),
  };
}

function cellOf(x: CellObject, date1904: boolean): Cell | undefined {
  const formula = Boolean(x.f || x.F);
  const cell = valueOf(x, date1904);
  if (!cell) return formula ? { v: '', t: 'string', uncomputed: true, formula: true } : undefined;
  if (formula) cell.formula = true;
  return cell;
}

function valueOf(x: CellObject, date1904: boolean): Cell | undefined {
  if (x.v === undefined || x.v === null) return undefined;
  const fmt = typeof x.z === 'string' ? x.z : undefined;
  switch (x.t) {
    case 's':
      return { v: String(x.v), t: 'string' };
    case 'n': {
      const v = x.v as number;
      if (!Number.isFinite(v)) return { v: '#NUM!', t: 'error' };
      return fmt && SSF.is_date(fmt) ? dateCell(serialDate(v, date1904), fmt) : numberCell(v, fmt);
    }
    case 'd':
      return dateCell(x.v instanceof Date ? x.v : new Date(String(x.v)), fmt);
    case 'b':
      return booleanCell(Boolean(x.v));
    case 'e':
      return { v: ERRORS[x.v as number] ?? '#VALUE!', t: 'error' };
    default:
      return undefined;
  }
}

/** A date serial → the UTC midnight Date the .xlsx readers give (as ExcelJS converts). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}
