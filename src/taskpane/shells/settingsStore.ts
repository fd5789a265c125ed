/**
 * The pane's settings store over src/workbook/settings.ts: inside Excel the workbook's document
 * settings (they travel with the file), on the standalone page the browser's localStorage; under
 * both, the clerk's own defaults (user-defaults.ts), so a new roster needs nothing typed.
 * Call after Office.onReady, so that the document settings are there to be found.
 */
import { defaultBackend, loadSettings, saveSettings, type SettingsBackend } from '../../workbook/settings';
import { browserUserDefaults, withUserDefaults, type UserDefaultsStore } from '../../workbook/user-defaults';
import type { SettingsStore } from '../App';
import { draftFromSettings, draftToSettings } from '../model/settingsDraft';

export function settingsStore(
  backend: SettingsBackend = defaultBackend(),
  user: UserDefaultsStore = browserUserDefaults(),
): SettingsStore {
  const merged = withUserDefaults(backend, user);
  return {
    load: async () => draftFromSettings(await loadSettings(merged)),
    save: (draft) => saveSettings(draftToSettings(draft), merged),
  };
}
