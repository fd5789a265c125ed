/**
 * The pane's actions and the ribbon's commands over the WPS host: the same steps as inside Excel
 * (workbook/actions.ts, commands/commands.ts), with WPS's Application in place of Office.js.
 */
import { markRoster, clearMarks, describeError, type CommandDeps, type Notice } from '../commands/commands';
import { parsePolicy } from '../domain/policy';
import { addGeneratedSheet, markResult, runCheck } from '../workbook/actions';
import { loadSettings, settingsToPolicyInput } from '../workbook/settings';
import type { EtApplication } from '../workbook/wps/et';
import { WpsHost } from '../workbook/wps/wps';
import { wpsSettingsBackend } from '../workbook/wps/wps-settings';
import { WpsError } from '../workbook/wps/wps-error';
import { outcome, type PaneActions } from '../taskpane/actions';

export function wpsApplication(): EtApplication | undefined {
  const w = globalThis as unknown as { Application?: EtApplication; wps?: EtApplication };
  return w.Application ?? w.wps;
}

export function paneActions(app: EtApplication): PaneActions {
  const host = new WpsHost(app);
  return {
    ready: true,
    check: async (policy, onProgress, rosterSheet) =>
      outcome(await runCheck(host, policy, { onProgress, rosterSheet })),
    mark: (result, lang, onProgress) => markResult(host, result, lang, onProgress),
    clear: () => host.clearMarks(),
    generate: (kind, result, policy, opts) => addGeneratedSheet(host, kind, result, policy, opts),
    select: (f) => host.selectCell(f.sheet, f.row, f.col ?? 1),
  };
}

export function commandDeps(app: EtApplication, notify: (n: Notice) => Promise<void>): CommandDeps {
  const host = new WpsHost(app);
  return {
    host,
    loadSettings: () => loadSettings(wpsSettingsBackend(app)),
    selectCell: (sheet, row, col) => host.selectCell(sheet, row, col),
    notify,
  };
}

/** 生成调整花名册 from the ribbon: check with the saved settings, add the sheet. */
export async function generateAdjustments(deps: CommandDeps): Promise<Notice> {
  let notice: Notice;
  try {
    const policy = parsePolicy(settingsToPolicyInput(await deps.loadSettings()));
    const { result } = await runCheck(deps.host, policy);
    const name = await addGeneratedSheet(deps.host, 'adjustments', result, policy);
    notice = {
      ok: true,
      zh: `已生成“${name}”：${result.adjustments.length} 户拟调整`,
      en: `Added "${name}": ${result.adjustments.length} households to adjust.`,
    };
  } catch (e) {
    notice = e instanceof WpsError ? { ok: false, zh: e.zh, en: e.en } : describeError(e);
  }
  await deps.notify(notice);
  return notice;
}

export { markRoster, clearMarks };
