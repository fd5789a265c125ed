/**
 * The pane's actions and the ribbon's commands over the WPS host: the same steps as inside Excel
 * (workbook/actions.ts, commands/commands.ts), with WPS's Application in place of Office.js.
 */
import { markRoster, clearMarks, generateRoster, type CommandDeps, type Notice } from '../commands/commands';
import { loadSettings } from '../workbook/settings';
import { runSelfTest } from '../workbook/self-test';
import type { EtApplication } from '../workbook/wps/et';
import { WpsHost } from '../workbook/wps/wps';
import { wpsSettingsBackend } from '../workbook/wps/wps-settings';
import type { PaneActions } from '../taskpane/actions';
import { hostActions } from '../taskpane/shells/hostActions';

export function wpsApplication(): EtApplication | undefined {
  const w = globalThis as unknown as { Application?: EtApplication; wps?: EtApplication };
  return w.Application ?? w.wps;
}

export function paneActions(app: EtApplication): PaneActions {
  const host = new WpsHost(app);
  return { ...hostActions(host), selfTest: () => runSelfTest(host) };
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

export { markRoster, clearMarks, generateRoster };
