/**
 * The English text a check's result gives the clerk who chose English (the pane, the sheets),
 * for scripts/compare-reports.ts. Rendered through the same functions the edges use.
 */
import { adjustmentReason, formatFinding, notCheckedReason, skippedReason } from '../src/domain/messages';
import type { CheckResult } from '../src/domain/types';

export function englishView(result: CheckResult): unknown {
  return {
    findings: result.findings.map((f) => formatFinding(f, 'en')),
    notChecked: result.notChecked.map((n) => notCheckedReason(n, 'en')),
    skipped: result.skipped.map((s) => skippedReason(s, 'en')),
    adjustments: result.adjustments.map((a) => adjustmentReason(a, 'en')),
  };
}
