/**
 * Findings → the cells to mark: one mark per cell, worst severity wins, one line per finding.
 * Info findings (ID-07, ID-08) are listed in the report but not painted.
 */
import type { CheckResult } from '../domain/types';
import type { MergedRange } from '../domain/grid';
import type { CellMark } from './host';
import { formatFinding, type Lang } from '../domain/messages';

export function marksFromResult(result: CheckResult, lang: Lang = 'zh'): CellMark[] {
  const byCell = new Map<string, CellMark>();
  const topLeft = new Map((result.rosterSheets ?? [result.roster]).map((s) => [s.sheet, mergedTopLeft(s.merges)]));
  for (const f of result.findings) {
    if (f.severity === 'info' || f.col === undefined) continue;
    // Excel shows a merged area in its top-left cell's format: a mark elsewhere in it is invisible.
    const anchor = topLeft.get(f.sheet)?.get((f.row - 1) * 16384 + (f.col - 1));
    const row = anchor ? anchor.top + 1 : f.row;
    const col = anchor ? anchor.left + 1 : f.col;
    const key = `${f.sheet}\u0000${row}\u0000${col}`;
    let m = byCell.get(key);
    if (!m) {
      m = { sheet: f.sheet, row, col, severity: f.severity, lines: [] };
      byCell.set(key, m);
    } else if (f.severity === 'error') {
      m.severity = 'error';
    }
    m.lines.push(`${f.rule} ${formatFinding(f, lang)}`);
  }
  return [...byCell.values()];
}

/** Every non-top-left cell of a roster sheet's merged areas → its area (keyed row × 16384 + col, 0-based). */
function mergedTopLeft(merges: readonly MergedRange[] = []): Map<number, MergedRange> {
  const map = new Map<number, MergedRange>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) map.set(r * 16384 + c, m);
    }
  }
  return map;
}
