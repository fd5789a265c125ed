/**
 * Merged areas as rectangles, never as the cells they cover: a merge over a whole column or up to
 * XFD1048576 is four numbers here, where ExcelJS made a billion cell objects of it. Every reader
 * passes its merges through tidyMerges (clipped to the cells the sheet really holds, overlaps
 * refused), and the marks find the area of a cell with anchorsOf, a sweep over rows.
 */
import type { MergedRange, SheetGrid } from '../domain/grid';
import { columnLetters } from '../domain/grid';
import { FileError } from './file/file-error';

/** The used width: the longest row. */
function usedWidth(rows: SheetGrid['rows']): number {
  let w = 0;
  for (const row of rows) if (row.length > w) w = row.length;
  return w;
}

/**
 * Merges clipped to the used range (a merge beyond the last cell covers nothing the check reads),
 * areas of one cell dropped; two areas that share a cell make a damaged sheet (Excel repairs the
 * file by removing them) and are refused, naming both. O(n log n) in the number of merges.
 */
export function tidyMerges(sheet: string, merges: readonly MergedRange[], rows: SheetGrid['rows']): MergedRange[] {
  return tidyMergesTo(sheet, merges, rows.length, usedWidth(rows));
}

/** tidyMerges for a used range known by its size (rows and columns from the top-left cell). */
export function tidyMergesTo(
  sheet: string,
  merges: readonly MergedRange[],
  height: number,
  width: number,
): MergedRange[] {
  const out: MergedRange[] = [];
  for (const m of merges) {
    const top = Math.max(0, m.top);
    const left = Math.max(0, m.left);
    const bottom = Math.min(m.bottom, height - 1);
    const right = Math.min(m.right, width - 1);
    if (top > bottom || left > right || (top === bottom && left === right)) continue;
    out.push(
      m.top === top && m.left === left && m.bottom === bottom && m.right === right ? m : { top, left, bottom, right },
    );
  }
  const clash = firstOverlap(out);
  if (clash) {
    const [a, b] = clash.map(areaName);
    throw new FileError('merges-overlap', { sheet, first: a, second: b });
  }
  return out;
}

const areaName = (m: MergedRange) => `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`;

/**
 * The areas that are open on the current row, as disjoint column intervals sorted by left
 * column (they cannot overlap: no two areas share a cell), with a heap of their bottom rows.
 */
class OpenAreas {
  private readonly byLeft: MergedRange[] = [];
  private readonly byBottom: MergedRange[] = [];

  /** Closes the areas that end above `row`. */
  closeAbove(row: number): void {
    const heap = this.byBottom;
    while (heap.length && heap[0].bottom < row) {
      const done = heapPop(heap);
      this.byLeft.splice(this.indexOf(done.left), 1);
    }
  }

  /** The open area holding column `col`, if any. */
  at(col: number): MergedRange | undefined {
    const i = this.lastStartingBy(col);
    const m = i >= 0 ? this.byLeft[i] : undefined;
    return m && m.right >= col ? m : undefined;
  }

  /** Opens `m`; returns an open area it overlaps instead, if there is one. */
  open(m: MergedRange): MergedRange | undefined {
    const i = this.lastStartingBy(m.right);
    if (i >= 0 && this.byLeft[i].right >= m.left) return this.byLeft[i];
    this.byLeft.splice(i + 1, 0, m);
    heapPush(this.byBottom, m);
    return undefined;
  }

  /** Index of the last area whose left column is ≤ col (−1 if none). */
  private lastStartingBy(col: number): number {
    let lo = 0;
    let hi = this.byLeft.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.byLeft[mid].left <= col) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Lefts are distinct among disjoint intervals: the last starting by `left` is that one. */
  private indexOf(left: number): number {
    return this.lastStartingBy(left);
  }
}

function firstOverlap(merges: readonly MergedRange[]): [MergedRange, MergedRange] | undefined {
  const sorted = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const open = new OpenAreas();
  for (const m of sorted) {
    open.closeAbove(m.top);
    const other = open.open(m);
    if (other) return [other, m];
  }
  return undefined;
}

/**
 * For each cell (0-based row, column), the merged area holding it, if any. `merges` must not
 * overlap (tidyMerges). A sweep over the rows: O((cells + merges) log merges), nothing per
 * covered cell.
 */
export function anchorsOf(
  merges: readonly MergedRange[],
  cells: readonly { row: number; col: number }[],
): (MergedRange | undefined)[] {
  const found: (MergedRange | undefined)[] = new Array(cells.length);
  if (!merges.length) return found;
  const areas = [...merges].sort((a, b) => a.top - b.top);
  const order = cells.map((_, i) => i).sort((a, b) => cells[a].row - cells[b].row);
  const open = new OpenAreas();
  let next = 0;
  for (const i of order) {
    const { row, col } = cells[i];
    while (next < areas.length && areas[next].top <= row) {
      open.closeAbove(areas[next].top);
      open.open(areas[next++]);
    }
    open.closeAbove(row);
    found[i] = open.at(col);
  }
  return found;
}

function heapPush(heap: MergedRange[], m: MergedRange): void {
  heap.push(m);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (heap[p].bottom <= heap[i].bottom) break;
    [heap[p], heap[i]] = [heap[i], heap[p]];
    i = p;
  }
}

function heapPop(heap: MergedRange[]): MergedRange {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let s = i;
      if (l < heap.length && heap[l].bottom < heap[s].bottom) s = l;
      if (r < heap.length && heap[r].bottom < heap[s].bottom) s = r;
      if (s === i) break;
      [heap[s], heap[i]] = [heap[i], heap[s]];
      i = s;
    }
  }
  return top;
}
