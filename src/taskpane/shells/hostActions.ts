/** The pane's actions over a host inside a spreadsheet program (Excel's OfficeHost, WPS's WpsHost). */
import type { WorkbookHost } from '../../workbook/host';
import { addGeneratedSheet, markResult, runCheck } from '../../workbook/actions';
import { outcome, wholeResult, type PaneActions } from '../actions';

/** A host that can also move the clerk's selection to a cell. */
export interface SelectingHost extends WorkbookHost {
  selectCell(sheet: string, row: number, col: number): Promise<void>;
}

export function hostActions(host: SelectingHost): PaneActions {
  return {
    ready: true,
    check: async (policy, onProgress, rosterSheet, leaveOut) =>
      outcome(await runCheck(host, policy, { onProgress, rosterSheet, leaveOut })),
    mark: (result, lang, onProgress) => markResult(host, wholeResult(result), lang, onProgress),
    clear: () => host.clearMarks(),
    generate: (kind, result, policy, opts) => addGeneratedSheet(host, kind, wholeResult(result), policy, opts),
    // Every finding names a cell; the head-name cell when no column is at fault.
    select: (f) => host.selectCell(f.sheet, f.row, f.col ?? 1),
  };
}
