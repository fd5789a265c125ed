/**
 * Findings → the cells to mark: one mark per cell, worst severity wins, one line per finding.
 * Info findings (ID-07, ID-08) are listed in the report but not painted.
 */
import type { CheckResult } from '../domain/types';
import type { CellMark } from './host';
import { formatFinding, type Lang } from '../domain/messages';

export function marksFromResult(result: CheckResult, lang: Lang = 'zh'): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of result.findings) {
    if (f.severity === 'info' || f.col === undefined) continue;
    const key = `${f.sheet}\u0000${f.row}\u0000${f.col}`;
    let m = byCell.get(key);
    if (!m) {
      m = { sheet: f.sheet, row: f.row, col: f.col, severity: f.severity, lines: [] };
      byCell.set(key, m);
    } else if (f.severity === 'error') {
      m.severity = 'error';
    }
    m.lines.push(`${f.rule} ${formatFinding(f, lang)}`);
  }
  return [...byCell.values()];
}
