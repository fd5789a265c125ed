/**
 * Cells → rectangular blocks → address lists for worksheet.getRanges(). Excel formats a whole
 * address list in one operation, but caps the string at 8,192 characters, so marking 10,000
 * scattered cells costs a few operations only if adjacent cells travel as one block and long
 * lists are cut into chunks.
 */
import { a1 } from '../../domain/grid';

/** Payload limits of Excel on the web (5 MB, 5 million cells, 8,192-character addresses) with margin. */
export const LIMITS = {
  /** Bytes of one request or response: 4 MB against Excel's 5 MB. */
  payloadBytes: 4_000_000,
  /** Cells read in one response: 4 million against Excel's 5 million. */
  cells: 4_000_000,
  /** Characters of one getRanges() address list: 8,000 against 8,192. */
  addressChars: 8000,
};

/** 1-based cell, as Excel numbers rows and columns. */
export interface CellRef {
  row: number;
  col: number;
}

/** 1-based inclusive rectangle. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Merge cells into rectangles: first runs of consecutive rows within a column, then equal runs in
 * adjacent columns. Duplicates are ignored. Deterministic: sorted by column, then row.
 */
export function cellsToBlocks(cells: CellRef[]): Block[] {
  const rowsByCol = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    let s = rowsByCol.get(col);
    if (!s) rowsByCol.set(col, (s = new Set()));
    s.add(row);
  }
  // Vertical runs, keyed by their row span so that equal runs in neighbouring columns meet.
  const colsBySpan = new Map<string, number[]>();
  for (const col of [...rowsByCol.keys()].sort((a, b) => a - b)) {
    const rows = [...rowsByCol.get(col)!].sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const span = `${start}:${rows[i - 1]}`;
      let cols = colsBySpan.get(span);
      if (!cols) colsBySpan.set(span, (cols = []));
      cols.push(col);
      start = rows[i];
    }
  }
  const blocks: Block[] = [];
  for (const [span, cols] of colsBySpan) {
    const [top, bottom] = span.split(':').map(Number);
    let left = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
      blocks.push({ top, bottom, left, right: cols[i - 1] });
      left = cols[i];
    }
  }
  return blocks.sort((a, b) => a.left - b.left || a.top - b.top);
}

export function blockAddress(b: Block): string {
  const tl = a1(b.top - 1, b.left - 1);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${a1(b.bottom - 1, b.right - 1)}`;
}

export function blockCells(b: Block): CellRef[] {
  const out: CellRef[] = [];
  for (let col = b.left; col <= b.right; col++) for (let row = b.top; row <= b.bottom; row++) out.push({ row, col });
  return out;
}

/** Cells → blocks → address chunks, keeping which blocks each chunk holds. */
export function blockChunks(cells: CellRef[], limit = LIMITS.addressChars): { address: string; blocks: Block[] }[] {
  const out: { address: string; blocks: Block[] }[] = [];
  let cur: { address: string; blocks: Block[] } | undefined;
  for (const b of cellsToBlocks(cells)) {
    const a = blockAddress(b);
    if (cur && cur.address.length + 1 + a.length <= limit) {
      cur.address += `,${a}`;
      cur.blocks.push(b);
    } else {
      cur = { address: a, blocks: [b] };
      out.push(cur);
    }
  }
  return out;
}
