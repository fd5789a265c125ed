/**
 * Reading the fills of many scattered cells in one or two syncs. First one read per getRanges()
 * chunk: Excel answers with the fill when every cell of the chunk shares it (the usual case: a
 * roster's data cells have no fill) and null when they differ. Only mixed chunks are then read
 * block by block with getCellProperties, in the next sync.
 */
import { blockAddress, blockCells, blockChunks, type Block, type CellRef } from './office-blocks';
import { opBytes, type SyncBudget } from './office-budget';
import type { CellFill } from './office-record';

export const cellKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

/** Rough response size of one cell's fill properties. */
const FILL_PROPS_BYTES = 90;

export interface FillTarget {
  sheet: string;
  ws: Excel.Worksheet;
  cells: CellRef[];
}

interface ChunkRead {
  sheet: string;
  ws: Excel.Worksheet;
  blocks: Block[];
  fill: Excel.RangeFill;
}

/** Queue one fill read per address chunk; read the answers after the next sync. */
export function queueFillReads(targets: FillTarget[]): ChunkRead[] {
  return targets.flatMap(({ sheet, ws, cells }) =>
    blockChunks(cells).map((c) => ({
      sheet,
      ws,
      blocks: c.blocks,
      fill: ws.getRanges(c.address).format.fill.load('color,pattern,patternColor'),
    })),
  );
}

/**
 * After the sync of queueFillReads: take the uniform chunks, queue per-block reads for the mixed
 * ones (through the budget, which may sync). Returns the fills once the caller has synced again.
 */
export async function settleFills(reads: ChunkRead[], budget: SyncBudget): Promise<() => Map<string, CellFill>> {
  const fills = new Map<string, CellFill>();
  const perBlock: { sheet: string; block: Block; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const { sheet, ws, blocks, fill } of reads) {
    const { color, pattern, patternColor } = fill;
    if (color != null && pattern != null) {
      const f: CellFill = { color, pattern, ...(patternColor ? { patternColor } : {}) };
      for (const b of blocks) for (const c of blockCells(b)) fills.set(cellKey(sheet, c.row, c.col), f);
      continue;
    }
    for (const block of blocks) {
      const address = blockAddress(block);
      const cells = (block.bottom - block.top + 1) * (block.right - block.left + 1);
      await budget.take(opBytes(address) + cells * FILL_PROPS_BYTES);
      const props = ws
        .getRange(address)
        .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
      perBlock.push({ sheet, block, props });
    }
  }
  return () => {
    for (const { sheet, block, props } of perBlock) {
      props.value.forEach((row, i) =>
        row.forEach((p, j) => {
          const f = p.format?.fill;
          fills.set(cellKey(sheet, block.top + i, block.left + j), {
            color: f?.color ?? '#FFFFFF',
            pattern: f?.pattern ?? 'None',
            ...(f?.patternColor ? { patternColor: f.patternColor } : {}),
          });
        }),
      );
    }
    return fills;
  };
}
