/**
 * Reading the fills of many scattered cells in one or two syncs. First one read per getRanges()
 * chunk: Excel answers with the fill when every cell of the chunk shares it and null when they
 * differ. Only chunks whose answer is mixed or ambiguous are then read block by block with
 * getCellProperties, in the next sync.
 *
 * What Excel reports is not always what the reference promises. office-js issue 4900: `pattern`
 * is null for both no fill and a white fill, and the maintainer's advice is that `tintAndShade` is
 * null only for no fill; issue 6218: `color` is "#FFFFFF" for no fill. So a fill is read as
 *   pattern "None"                       → no fill
 *   pattern null, tintAndShade null      → no fill (one cell) · no fill or mixed (a chunk: ask per cell)
 *   pattern null, tintAndShade a number  → solid `color` (white, per 4900)
 *   pattern "Solid"                      → solid `color`
 *   a gradient                           → a gradient (Office.js cannot set one: we never paint it)
 *   any other pattern                    → that pattern, `color` behind, `patternColor` in front
 */
import { blockAddress, blockCells, blockChunks, LIMITS, type Block, type CellRef } from './office-blocks';
import { wireBytes, type SyncBudget } from './office-budget';
import { NO_FILL, type CellFill } from '../output/record-values';

export const cellKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

/** Response bytes of one cell's fill properties in getCellProperties' answer. */
const FILL_PROPS_BYTES = 110;

/**
 * A block cut into bands of whole rows whose answers stay under the payload limit: a column
 * marked on every row of a 100,000-household roster is one block, and one getCellProperties of it
 * answers ~10 MB, which Excel refuses (ResponsePayloadSizeLimitExceeded) however the syncs fall.
 */
export function bandsOf(b: Block, cellBytes = FILL_PROPS_BYTES, limit = LIMITS.payloadBytes): Block[] {
  const width = b.right - b.left + 1;
  const rows = Math.max(1, Math.floor(limit / (width * cellBytes)));
  const out: Block[] = [];
  for (let top = b.top; top <= b.bottom; top += rows)
    out.push({ ...b, top, bottom: Math.min(b.bottom, top + rows - 1) });
  return out;
}
const FILL_PROPS = 'color,pattern,patternColor,tintAndShade';

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

/** The four properties as Excel answers them; any may be null. */
interface FillAnswer {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

export const isGradient = (f: CellFill | undefined) => !!f && /Gradient$/.test(f.pattern);

/**
 * One answer → the fill, or undefined when it does not say (a chunk whose cells differ, or a
 * chunk that may mix no fill with white).
 */
export function fillOf(a: FillAnswer, oneCell: boolean): CellFill | undefined {
  const { color, pattern, patternColor, tintAndShade } = a;
  if (pattern === 'None') return NO_FILL;
  if (pattern == null) {
    if (tintAndShade == null) return oneCell ? NO_FILL : undefined;
    return color ? { color: color.toUpperCase(), pattern: 'Solid' } : undefined;
  }
  if (!color) return undefined;
  if (pattern === 'Solid') return { color: color.toUpperCase(), pattern };
  if (/Gradient$/.test(pattern)) return { color: color.toUpperCase(), pattern };
  if (!patternColor) return undefined;
  return { color: color.toUpperCase(), pattern, patternColor: patternColor.toUpperCase() };
}

/** Queue one fill read per address chunk; read the answers after the next sync. */
export function queueFillReads(targets: FillTarget[]): ChunkRead[] {
  return targets.flatMap(({ sheet, ws, cells }) =>
    blockChunks(cells).map((c) => ({
      sheet,
      ws,
      blocks: c.blocks,
      fill: ws.getRanges(c.address).format.fill.load(FILL_PROPS),
    })),
  );
}

/**
 * After the sync of queueFillReads: take the chunks whose answer says, queue per-block reads for
 * the others (through the budget, which may sync). Returns the fills once the caller has synced again.
 */
export async function settleFills(reads: ChunkRead[], budget: SyncBudget): Promise<() => Map<string, CellFill>> {
  const fills = new Map<string, CellFill>();
  const perBlock: { sheet: string; block: Block; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const { sheet, ws, blocks, fill } of reads) {
    const cellCount = blocks.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    const f = fillOf(fill, cellCount === 1);
    if (f) {
      for (const b of blocks) for (const c of blockCells(b)) fills.set(cellKey(sheet, c.row, c.col), f);
      continue;
    }
    for (const block of blocks.flatMap((b) => bandsOf(b))) {
      const address = blockAddress(block);
      const cells = (block.bottom - block.top + 1) * (block.right - block.left + 1);
      // getRange(address).getCellProperties(…): two paths, instantiate and call; the answer per cell.
      await budget.take(wireBytes(2, 2, address, FILL_PROPS) + cells * FILL_PROPS_BYTES);
      const props = ws.getRange(address).getCellProperties({
        format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
      });
      perBlock.push({ sheet, block, props });
    }
  }
  return () => {
    for (const { sheet, block, props } of perBlock) {
      props.value.forEach((row, i) =>
        row.forEach((p, j) => {
          fills.set(cellKey(sheet, block.top + i, block.left + j), fillOf(p.format?.fill ?? {}, true) ?? NO_FILL);
        }),
      );
    }
    return fills;
  };
}
