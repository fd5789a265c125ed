/**
 * Merged areas through Office.js (ExcelApi 1.13). `getMergedAreasOrNullObject` "will fail to
 * return the result" when a range holds more than 512 merged areas, and a roster with its village
 * or household cell merged down every block passes 512 easily. So:
 *
 * 1  the used ranges and each sheet's merged areas in one sync (the usual case: no extra sync);
 * 2  if that sync fails, the used ranges alone, then the merged areas in bands of at most 512
 *    cells: a cell is the top-left of at most one merged area, so no band can hold more than 512,
 *    whether Excel counts the areas that start in the band or all that touch it. Bands share syncs
 *    under the request budget; areas reported by two bands are kept once.
 *
 * An address list longer than 8,192 characters comes back cut short, so when the areas parsed from
 * `address` are fewer than `areaCount`, the areas are read one by one (`areas`) in one more sync.
 */
import type { MergedRange } from '../../domain/grid';
import { MAX_COL, MAX_ROW, parseAreas, usedRangeOf } from './office-cells';
import { LIMITS } from './office-blocks';
import { SyncBudget, wireBytes } from './office-budget';

/** No band of this many cells can hold more than 512 merged areas. */
const SAFE_BAND_CELLS = 512;
/** Response bytes of one reported area: "'花名册'!A3:A9," and the JSON around it. */
const AREA_BYTES = 40;

type Areas = Excel.RangeAreas;

const load = (a: Areas) => a.load('address,areaCount');
const key = (m: MergedRange) => `${m.top}:${m.left}:${m.bottom}:${m.right}`;

export async function readMerges(
  ctx: Excel.RequestContext,
  sheets: Excel.Worksheet[],
): Promise<{ used: Excel.Range[]; merges: MergedRange[][] }> {
  let used = sheets.map(usedRangeOf);
  const whole = sheets.map((ws) => load(ws.getUsedRange(true).getMergedAreasOrNullObject()));
  try {
    await ctx.sync();
    return {
      used,
      merges: await settle(
        ctx,
        whole.map((a) => [a]),
      ),
    };
  } catch {
    // Which sheet failed is not reported: read the used ranges again, then every sheet in bands.
    used = sheets.map(usedRangeOf);
    await ctx.sync();
  }
  const budget = new SyncBudget(ctx);
  const bands: Areas[][] = [];
  for (const [i, ws] of sheets.entries()) {
    const u = used[i];
    const mine: Areas[] = [];
    bands.push(mine);
    if (u.isNullObject) continue;
    const cols = Math.min(u.columnCount, SAFE_BAND_CELLS);
    const rows = Math.max(1, Math.floor(SAFE_BAND_CELLS / cols));
    const answer = Math.min(rows * cols * AREA_BYTES, LIMITS.payloadBytes / 4);
    for (let r = 0; r < u.rowCount; r += rows) {
      for (let c = 0; c < u.columnCount; c += cols) {
        // getRangeByIndexes, getMergedAreasOrNullObject: two paths, two instantiates and the load.
        await budget.take(wireBytes(2, 3, [r, c, rows, cols], 'address,areaCount') + answer);
        const band = ws.getRangeByIndexes(
          u.rowIndex + r,
          u.columnIndex + c,
          Math.min(rows, u.rowCount - r),
          Math.min(cols, u.columnCount - c),
        );
        mine.push(load(band.getMergedAreasOrNullObject()));
      }
    }
  }
  await budget.flush();
  return { used, merges: await settle(ctx, bands) };
}

/** The synced answers → merged ranges per sheet; reads area by area where an address was cut short. */
async function settle(ctx: Excel.RequestContext, perSheet: Areas[][]): Promise<MergedRange[][]> {
  const budget = new SyncBudget(ctx);
  const out: Map<string, MergedRange>[] = perSheet.map(() => new Map());
  const cut: { sheet: number; items: Excel.RangeCollection }[] = [];
  for (const [i, answers] of perSheet.entries()) {
    for (const a of answers) {
      if (a.isNullObject) continue;
      const parsed = parseAreas(a.address);
      if (parsed.length === a.areaCount) {
        for (const m of parsed) out[i].set(key(m), m);
        continue;
      }
      await budget.take(wireBytes(1, 1, 'items/rowIndex') + a.areaCount * AREA_BYTES);
      cut.push({ sheet: i, items: a.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount') });
    }
  }
  await budget.flush();
  for (const { sheet, items } of cut) {
    for (const r of items.items) {
      const m = {
        top: r.rowIndex,
        left: r.columnIndex,
        bottom: r.rowIndex + r.rowCount - 1,
        right: r.columnIndex + r.columnCount - 1,
      };
      out[sheet].set(key(m), m);
    }
  }
  return out.map((m) => [...m.values()]);
}

/**
 * Merges cut to the used range: a merge across whole rows or columns ("3:3", "A:A") would
 * otherwise stand for 16,384 or 1,048,576 cells downstream.
 */
export function clampMerges(merges: MergedRange[], used: Excel.Range): MergedRange[] {
  const lastRow = Math.min(MAX_ROW, used.rowIndex + used.rowCount - 1);
  const lastCol = Math.min(MAX_COL, used.columnIndex + used.columnCount - 1);
  return merges
    .filter((m) => m.top <= lastRow && m.left <= lastCol)
    .map((m) => ({ ...m, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}
