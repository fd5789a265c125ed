/**
 * Findings → the cells to mark: one mark per cell, worst severity wins, one line per finding.
 * Info findings (ID-07, ID-08) are listed in the report but not painted.
 */
import type { CheckResult, Finding } from '../domain/types';
import type { CellMark } from './host';
import { formatFinding, type Lang } from '../domain/messages';
import { anchorsOf } from './merges';

export function marksFromResult(result: CheckResult, lang: Lang = 'zh'): CellMark[] {
  const byCell = new Map<string, CellMark>();
  const painted = result.findings.filter(
    (f): f is Finding & { col: number; severity: 'error' | 'warning' } => f.severity !== 'info' && f.col !== undefined,
  );
  // Excel shows a merged area in its top-left cell's format: a mark elsewhere in it is invisible.
  const areas = new Array<ReturnType<typeof anchorsOf>[number]>(painted.length);
  for (const sheet of result.rosterSheets ?? [result.roster]) {
    const on = painted.map((f, i) => [f, i] as const).filter(([f]) => f.sheet === sheet.sheet);
    const found = anchorsOf(
      sheet.merges ?? [],
      on.map(([f]) => ({ row: f.row - 1, col: f.col - 1 })),
    );
    on.forEach(([, i], k) => (areas[i] = found[k]));
  }
  painted.forEach((f, i) => {
    const anchor = areas[i];
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
  });
  return [...byCell.values()];
}
