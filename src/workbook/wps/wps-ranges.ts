/**
 * Many scattered cells as few ET ranges. Worksheet.Range takes an address of at most 255
 * characters, so cells are merged into blocks, the blocks' addresses cut into chunks of ≤ 255
 * characters, and the chunks joined again with Application.Union (≤ 30 ranges per call): marking
 * 18,000 cells then costs one Range call per chunk, not one per cell, and the fill is read or set
 * once per union. A union holds at most MAX_AREAS blocks, a margin under what Excel's object
 * model is known to handle in one multi-area range.
 *
 * Reading fills of a union answers null when the cells differ; only then are the chunks, then the
 * blocks, then single cells asked, so a uniform run (the usual case) costs three calls.
 */
import { a1 } from '../../domain/grid';
import { blockAddress, blockCells, blockChunks, type Block, type CellRef } from '../office/office-blocks';
import { NO_FILL, type CellFill } from '../output/record-values';
import { bgrOf, hexOf, XL_PATTERN, type EtApplication, type EtInterior, type EtRange, type EtWorksheet } from './et';

/** Worksheet.Range's address limit in Excel's object model, which ET follows. */
export const ADDRESS_LIMIT = 255;
/** Application.Union takes 30 arguments. */
export const UNION_MAX = 30;
/** Blocks in one union. */
export const MAX_AREAS = 1000;

export const cellKey = (row: number, col: number) => `${row}\u0000${col}`;

export interface Chunk {
  range: EtRange;
  blocks: Block[];
}

export interface UnionGroup {
  range: EtRange;
  chunks: Chunk[];
}

/** Join ranges of one sheet with Application.Union, 30 at a time. */
export function unionOf(app: EtApplication, ranges: EtRange[]): EtRange {
  let level = ranges;
  while (level.length > 1) {
    const next: EtRange[] = [];
    for (let i = 0; i < level.length; i += UNION_MAX) {
      const group = level.slice(i, i + UNION_MAX);
      next.push(group.length === 1 ? group[0] : app.Union(...group));
    }
    level = next;
  }
  return level[0];
}

/** Cells → chunks (one Range call each) → unions of at most MAX_AREAS blocks. */
export function unionGroups(app: EtApplication, ws: EtWorksheet, cells: CellRef[]): UnionGroup[] {
  const groups: UnionGroup[] = [];
  let chunks: Chunk[] = [];
  let areas = 0;
  const close = () => {
    if (!chunks.length) return;
    groups.push({
      range: unionOf(
        app,
        chunks.map((c) => c.range),
      ),
      chunks,
    });
    chunks = [];
    areas = 0;
  };
  for (const c of blockChunks(cells, ADDRESS_LIMIT)) {
    if (areas + c.blocks.length > MAX_AREAS) close();
    chunks.push({ range: ws.Range(c.address), blocks: c.blocks });
    areas += c.blocks.length;
  }
  close();
  return groups;
}

const PATTERN_NAMES: [string, number][] = [
  ['Solid', XL_PATTERN.xlPatternSolid],
  ['Gray75', XL_PATTERN.xlPatternGray75],
  ['Gray50', XL_PATTERN.xlPatternGray50],
  ['Gray25', XL_PATTERN.xlPatternGray25],
  ['Gray16', XL_PATTERN.xlPatternGray16],
  ['Gray8', XL_PATTERN.xlPatternGray8],
  ['Horizontal', XL_PATTERN.xlPatternHorizontal],
  ['Vertical', XL_PATTERN.xlPatternVertical],
  ['Down', XL_PATTERN.xlPatternDown],
  ['Up', XL_PATTERN.xlPatternUp],
  ['Checker', XL_PATTERN.xlPatternChecker],
  ['SemiGray75', XL_PATTERN.xlPatternSemiGray75],
  ['LightHorizontal', XL_PATTERN.xlPatternLightHorizontal],
  ['LightVertical', XL_PATTERN.xlPatternLightVertical],
  ['LightDown', XL_PATTERN.xlPatternLightDown],
  ['LightUp', XL_PATTERN.xlPatternLightUp],
  ['Grid', XL_PATTERN.xlPatternGrid],
  ['CrissCross', XL_PATTERN.xlPatternCrissCross],
];
const NAME_OF = new Map(PATTERN_NAMES.map(([n, c]) => [c, n]));
const CONSTANT_OF = new Map(PATTERN_NAMES);

/**
 * The fill every cell of the range shares, in the mark record's terms (Office.js names, "#RRGGBB"),
 * or null when the cells differ. Gradients and unknown patterns count as no fill, as in the
 * Office host. Three calls for a plain fill.
 */
export function fillOfRange(range: EtRange): CellFill | null {
  const interior = range.Interior;
  const pattern = interior.Pattern;
  if (pattern === null || pattern === undefined) return null;
  const name = NAME_OF.get(Number(pattern));
  if (!name) return NO_FILL;
  const color = interior.Color;
  if (color === null || color === undefined) return null;
  if (name === 'Solid') return { color: hexOf(Number(color)), pattern: name };
  const patternColor = interior.PatternColor;
  if (patternColor === null || patternColor === undefined) return null;
  return { color: hexOf(Number(color)), pattern: name, patternColor: hexOf(Number(patternColor)) };
}

/** Set a recorded fill on a range (several areas at once). */
export function setFill(interior: EtInterior, fill: CellFill): void {
  if (fill.pattern === 'None') {
    interior.Pattern = XL_PATTERN.xlPatternNone;
    return;
  }
  interior.Pattern = CONSTANT_OF.get(fill.pattern) ?? XL_PATTERN.xlPatternSolid;
  interior.Color = bgrOf(fill.color);
  if (fill.pattern !== 'Solid') interior.PatternColor = bgrOf(fill.patternColor ?? '#000000');
}

/** The fills of these cells, asking ever smaller ranges only where a range answers "mixed". */
export function readFills(groups: UnionGroup[], ws: EtWorksheet): Map<string, CellFill> {
  const out = new Map<string, CellFill>();
  const assign = (blocks: Block[], f: CellFill) => {
    for (const b of blocks) for (const c of blockCells(b)) out.set(cellKey(c.row, c.col), f);
  };
  for (const g of groups) {
    const all = fillOfRange(g.range);
    if (all) {
      assign(
        g.chunks.flatMap((c) => c.blocks),
        all,
      );
      continue;
    }
    for (const chunk of g.chunks) {
      const f = g.chunks.length > 1 ? fillOfRange(chunk.range) : null;
      if (f) {
        assign(chunk.blocks, f);
        continue;
      }
      for (const b of chunk.blocks) {
        const single = b.top === b.bottom && b.left === b.right;
        const fb = chunk.blocks.length > 1 && !single ? fillOfRange(ws.Range(blockAddress(b))) : null;
        if (fb) {
          assign([b], fb);
          continue;
        }
        for (const c of blockCells(b)) {
          // A single cell always has one fill.
          out.set(cellKey(c.row, c.col), fillOfRange(ws.Range(a1(c.row - 1, c.col - 1))) ?? NO_FILL);
        }
      }
    }
  }
  return out;
}
