/**
 * The clerk's settings (核查参数) inside WPS: kept in the workbook as the custom document property
 * SETTINGS_KEY (JSON), so they travel with the file as they do in Excel. Excel keeps its own in
 * the add-in's document settings, which WPS cannot reach: docs/WPS.md says what that means. Where
 * the property cannot be read or written, the browser's localStorage of the pane stands in.
 */
import { SETTINGS_KEY, localStorageBackend, type Settings, type SettingsBackend } from '../settings';
import { MSO_PROPERTY_STRING, type EtApplication } from './et';

export function wpsSettingsBackend(app: EtApplication, fallback?: SettingsBackend): SettingsBackend {
  const local = fallback ?? localStorageBackend(globalThis.localStorage);
  const properties = () => app.ActiveWorkbook?.CustomDocumentProperties;
  return {
    read: async () => {
      try {
        const props = properties();
        if (!props) return local.read();
        const count = props.Count;
        for (let i = 1; i <= count; i++) {
          const p = props.Item(i);
          if (p.Name === SETTINGS_KEY) return JSON.parse(String(p.Value));
        }
        return local.read();
      } catch {
        return local.read();
      }
    },
    write: async (value: Settings) => {
      try {
        const props = properties();
        if (!props) throw new Error('no workbook');
        const count = props.Count;
        for (let i = count; i >= 1; i--) {
          const p = props.Item(i);
          if (p.Name === SETTINGS_KEY) p.Delete();
        }
        props.Add(SETTINGS_KEY, false, MSO_PROPERTY_STRING, JSON.stringify(value));
      } catch {
        await local.write(value);
      }
    },
  };
}
