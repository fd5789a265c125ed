/**
 * The numbers 核查结果's first lines show (SummaryCards): households, persons and the monthly
 * total, findings by severity and adjustments by type. Counted from the result's own findings and
 * adjustments, the same way wherever it is made: the web page's worker sends it ahead of the
 * findings list (a few numbers, shown as soon as the engine is done), and the pane makes it from
 * the whole result once that has come (or, inside Excel, at once).
 */
import { ADJUSTMENT_TYPES, type AdjustmentType, type Severity } from '../../domain/types';
import type { PaneResult } from '../actions';

export interface Tally {
  households: number;
  coveredPersons: number;
  monthlyTotal: number;
  counts: Record<Severity, number>;
  adjustments: number;
  /** Adjustments of each type, in ADJUSTMENT_TYPES' order, types with none left out. */
  adjustmentsByType: [AdjustmentType, number][];
}

export function tallyOf(result: Pick<PaneResult, 'summary' | 'findings' | 'adjustments'>): Tally {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const byType = new Map<AdjustmentType, number>();
  for (const a of result.adjustments) byType.set(a.type, (byType.get(a.type) ?? 0) + 1);
  return {
    households: result.summary.households,
    coveredPersons: result.summary.coveredPersons,
    monthlyTotal: result.summary.monthlyTotal,
    counts,
    adjustments: result.adjustments.length,
    adjustmentsByType: ADJUSTMENT_TYPES.filter((t) => byType.has(t)).map((t) => [t, byType.get(t)!]),
  };
}
