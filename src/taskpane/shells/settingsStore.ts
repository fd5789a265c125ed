/**
 * The pane's settings store over src/workbook/settings.ts: inside Excel the workbook's document
 * settings (they travel with the file), on the standalone page the browser's localStorage.
 * Call after Office.onReady, so that the document settings are there to be found.
 */
import { defaultBackend, loadSettings, saveSettings, type SettingsBackend } from '../../workbook/settings';
import type { SettingsStore } from '../App';
import { draftFromSettings, draftToSettings } from '../model/settingsDraft';

export function settingsStore(backend: SettingsBackend = defaultBackend()): SettingsStore {
  return {
    load: async () => draftFromSettings(await loadSettings(backend)),
    save: (draft) => saveSettings(draftToSettings(draft), backend),
  };
}
