/**
 * Findings → the cells to mark: one mark per cell, worst severity wins, one line per finding.
 * Info findings (ID-07, ID-08) are listed in the report but not painted.
 */
import type { CheckResult, Finding } from '../../domain/types';
import type { CellMark } from '../host';
import { formatFinding, type Lang } from '../../domain/messages';
import { anchorsOf } from '../merges';

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

/**
 * 边改边查: the rows (1-based, per sheet) whose marks differ between two results' marks — a
 * cell marked or no longer marked, another severity or other reasons. Only these are re-marked.
 */
export function changedMarkRows(before: CellMark[], after: CellMark[]): Map<string, Set<number>> {
  const byRow = (marks: CellMark[]) => {
    const m = new Map<string, string[]>();
    for (const x of marks) {
      const key = `${x.sheet}\u0000${x.row}`;
      const list = m.get(key) ?? [];
      list.push(`${x.col}\u0000${x.severity}\u0000${x.lines.join('\n')}`);
      m.set(key, list);
    }
    for (const list of m.values()) list.sort();
    return m;
  };
  const a = byRow(before);
  const b = byRow(after);
  const out = new Map<string, Set<number>>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(key) ?? []).join('\u0001') === (b.get(key) ?? []).join('\u0001')) continue;
    const [sheet, row] = key.split('\u0000');
    const set = out.get(sheet) ?? new Set<number>();
    set.add(Number(row));
    out.set(sheet, set);
  }
  return out;
}
