/**
 * The pane's settings store over src/workbook/settings.ts: inside Excel the workbook's document
 * settings and custom properties (office-settings.ts: they travel with the file), on the
 * standalone page the browser's localStorage; under both, the clerk's own defaults
 * (user-defaults.ts), so a new roster needs nothing typed. It also says, for the settings line,
 * whether a value came from the workbook or from those defaults.
 * Call after Office.onReady, so that the document settings are there to be found.
 */
import { defaultBackend, readStoredSettings, saveSettings, type SettingsBackend } from '../../workbook/settings';
import { excelSettingsBackend } from '../../workbook/office/office-settings';
import {
  browserUserDefaults,
  mergeUserDefaults,
  withUserDefaults,
  type UserDefaultsStore,
} from '../../workbook/user-defaults';
import type { SettingsStore } from '../App';
import { draftFromSettings, draftToSettings } from '../model/settingsDraft';

/**
 * `backend`: where the workbook's settings are (WPS passes its own); by default both of Excel's
 * copies inside Excel, else settings.ts's choice — then the settings are the browser's, not a
 * workbook's, and the settings line says 核查参数 rather than 工作簿参数.
 */
export function settingsStore(
  backend?: SettingsBackend,
  user: UserDefaultsStore = browserUserDefaults(),
): SettingsStore {
  const doc = backend || typeof Office === 'undefined' ? undefined : Office.context?.document?.settings;
  const inWorkbook = backend !== undefined || doc !== undefined;
  const own = backend ?? (doc ? excelSettingsBackend(doc) : defaultBackend());
  const both = withUserDefaults(own, user);
  /** Keys the last load took from this computer's defaults; none once saved into the workbook. */
  let fromUser = new Set<string>();
  return {
    load: async () => {
      const { merged, fromUser: keys } = mergeUserDefaults(await own.read(), user.read());
      fromUser = keys;
      return draftFromSettings(readStoredSettings(merged));
    },
    save: async (draft) => {
      await saveSettings(draftToSettings(draft), both);
      fromUser = new Set();
    },
    origin: (field) => (fromUser.has(field) ? 'user' : inWorkbook ? 'workbook' : undefined),
  };
}
