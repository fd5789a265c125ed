/**
 * Inside Excel: the pane over the live workbook through the Office host. It checks as it opens;
 * clicking a finding activates its sheet and selects its cell, which also scrolls Excel to it.
 */
import { useMemo } from 'react';
import { OfficeHost } from '../../workbook/office';
import { addGeneratedSheet, markResult, runCheck } from '../../workbook/actions';
import { outcome, type PaneActions } from '../actions';
import { App, type SettingsStore } from '../App';
import type { Lang } from '../i18n';
import { readLastCommand } from '../../workbook/settings';
import { lastCommandNotice } from '../model/lastCommand';

export function OfficeShell(props: { settings: SettingsStore; initialLang?: Lang }) {
  const actions = useMemo<PaneActions>(() => {
    const host = new OfficeHost();
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
  }, []);
  const notice = useMemo(() => lastCommandNotice(readLastCommand(Office.context.document.settings)), []);
  // The workbook is already open: the pane checks as it opens (核查面板 is the only click).
  return (
    <App
      actions={actions}
      settings={props.settings}
      initialLang={props.initialLang}
      initialNotice={notice}
      checkOnOpen
    />
  );
}
