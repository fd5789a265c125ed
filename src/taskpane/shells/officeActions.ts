/** The pane's actions over the Office host (OfficeShell; tests run them over the Excel double). */
import { addGeneratedSheet, markResult, runCheck } from '../../workbook/actions';
import type { OfficeHost } from '../../workbook/office';
import { outcome, type PaneActions } from '../actions';

export function officeActions(host: OfficeHost): PaneActions {
  return {
    ready: true,
    check: async (policy, onProgress, rosterSheet) =>
      outcome(await runCheck(host, policy, { onProgress, rosterSheet })),
    mark: (result, lang, onProgress) => markResult(host, result, lang, onProgress),
    clear: () => host.clearMarks(),
    generate: (kind, result, policy, opts) => addGeneratedSheet(host, kind, result, policy, opts),
    // Every finding names a cell; the head-name cell when no column is at fault.
    select: (f) => host.selectCell(f.sheet, f.row, f.col ?? 1),
  };
}
