/**
 * The pane's settings store over src/workbook/settings.ts: inside Excel the workbook's document
 * settings (they travel with the file), on the standalone page the browser's localStorage; under
 * both, the clerk's own defaults (user-defaults.ts), so a new roster needs nothing typed.
 * Call after Office.onReady, so that the document settings are there to be found.
 */
import { defaultBackend, readStoredSettings, saveSettings, type SettingsBackend } from '../../workbook/settings';
import { excelSettingsBackend } from '../../workbook/office-settings';
import {
  browserUserDefaults,
  mergeUserDefaults,
  withUserDefaults,
  type UserDefaultsStore,
} from '../../workbook/user-defaults';
import type { SettingsStore } from '../App';
import { draftFromSettings, draftToSettings } from '../model/settingsDraft';

/** Inside Excel both of the workbook's copies (office-settings.ts); elsewhere settings.ts's choice. */
function workbookBackend(): SettingsBackend {
  const doc = typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
  return doc ? excelSettingsBackend(doc) : defaultBackend();
}

export function settingsStore(
  backend: SettingsBackend = workbookBackend(),
  user: UserDefaultsStore = browserUserDefaults(),
): SettingsStore {
  const both = withUserDefaults(backend, user);
  /** Keys the last load took from this computer's defaults; none once saved into the workbook. */
  let fromUser = new Set<string>();
  return {
    load: async () => {
      const { merged, fromUser: keys } = mergeUserDefaults(await backend.read(), user.read());
      fromUser = keys;
      return draftFromSettings(readStoredSettings(merged));
    },
    save: async (draft) => {
      await saveSettings(draftToSettings(draft), both);
      fromUser = new Set();
    },
    origin: (field) => (fromUser.has(field) ? 'user' : 'workbook'),
  };
}
