/**
 * Where a cell goes when the clerk inserts or deletes rows, columns or cells: Excel moves its
 * value, fill and note with it, so the mark record (output/record.ts) and the marks the pane
 * compares after a change (边改边查) move by this one rule.
 */

/** 1-based, inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type CellShift =
  /** Whole rows or columns from 1-based `at`: `count` inserted (> 0) or deleted (< 0). */
  | { axis: 'rows' | 'columns'; at: number; count: number }
  /**
   * The cells of `area` inserted, pushing the cells below down or those on the right to the
   * right, or deleted, the cells below moving up or those on the right moving left.
   */
  | { axis: 'cells'; area: CellArea; direction: 'down' | 'right' | 'up' | 'left' };

/** The 1-based cell's place after the shift; undefined when the cell was deleted. */
export function shiftedCell(row: number, col: number, s: CellShift): { row: number; col: number } | undefined {
  if (s.axis !== 'cells') {
    const rows = s.axis === 'rows';
    const pos = rows ? row : col;
    if (pos < s.at) return { row, col };
    if (s.count < 0 && pos < s.at - s.count) return undefined;
    return rows ? { row: row + s.count, col } : { row, col: col + s.count };
  }
  const { area, direction } = s;
  const vertical = direction === 'down' || direction === 'up';
  // Only cells in the area's columns (shifting down or up) or rows (right or left) move.
  const across = vertical ? col >= area.left && col <= area.right : row >= area.top && row <= area.bottom;
  const pos = vertical ? row : col;
  const first = vertical ? area.top : area.left;
  const last = vertical ? area.bottom : area.right;
  if (!across || pos < first) return { row, col };
  const size = last - first + 1;
  const inserted = direction === 'down' || direction === 'right';
  if (!inserted && pos <= last) return undefined;
  const delta = inserted ? size : -size;
  return vertical ? { row: row + delta, col } : { row, col: col + delta };
}
