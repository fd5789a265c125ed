/**
 * The clerk's settings: kept in the workbook's document settings inside Excel (a fake here),
 * in localStorage on the standalone page, and turned into policy input.
 */
import { describe, expect, test } from '@jest/globals';
import { parsePolicy } from '../../src/domain/policy';
import { errorText } from '../../src/workbook/error-text';
import {
  DEFAULT_SETTINGS,
  documentBackend,
  loadSettings,
  localStorageBackend,
  saveSettings,
  SETTINGS_KEY,
  SettingsError,
  SettingsNotSaved,
  settingsToPolicyInput,
  type Settings,
} from '../../src/workbook/settings';

/** Office.Settings as Excel keeps it: values in memory until saveAsync writes them into the file. */
function fakeDocumentSettings(fail = false) {
  const live = new Map<string, unknown>();
  const inFile = new Map<string, unknown>();
  const settings = {
    get: (k: string) => live.get(k) ?? null,
    set: (k: string, v: unknown) => void live.set(k, v),
    saveAsync: (cb?: (r: Office.AsyncResult<void>) => void) => {
      if (!fail) for (const [k, v] of live) inFile.set(k, structuredClone(v));
      cb?.({ status: fail ? 'failed' : 'succeeded', error: fail ? { message: 'read-only' } : undefined } as never);
    },
  };
  /** The same file opened on another computer. */
  const reopened = () => ({ ...settings, get: (k: string) => inFile.get(k) ?? null });
  return { settings: settings as unknown as Office.Settings, inFile, reopened };
}

const RULIN: Settings = {
  county: '城步苗族自治县',
  township: '儒林镇',
  standard: 3200,
  standardUnit: 'year',
  asOf: '2018-01-15',
  tolerance: 0.5,
};

describe('in Excel: the workbook carries the settings', () => {
  test('saved settings are written into the file and load again from it', async () => {
    const doc = fakeDocumentSettings();
    await saveSettings(RULIN, documentBackend(doc.settings));
    expect(doc.inFile.get(SETTINGS_KEY)).toEqual(RULIN);
    expect(await loadSettings(documentBackend(doc.reopened() as unknown as Office.Settings))).toEqual(RULIN);
  });

  test('a workbook without settings gives the defaults', async () => {
    expect(await loadSettings(documentBackend(fakeDocumentSettings().settings))).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ standardUnit: 'year' });
  });

  test('a failed save is reported in Chinese first', async () => {
    const doc = fakeDocumentSettings(true);
    await expect(saveSettings(RULIN, documentBackend(doc.settings))).rejects.toThrow(/^无法把参数保存到工作簿/);
  });

  test('a failed save reaches the pane with the reason the workbook gave, in either language', async () => {
    const doc = fakeDocumentSettings(true);
    const refused = await saveSettings(RULIN, documentBackend(doc.settings)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SettingsNotSaved);
    expect(errorText(refused, 'pane')).toEqual({
      zh: '无法把参数保存到工作簿：read-only',
      en: 'The settings could not be saved in the workbook: read-only.',
    });
  });

  test('invalid settings are refused before saving, naming the field', async () => {
    const doc = fakeDocumentSettings();
    await expect(
      saveSettings({ ...RULIN, asOf: '15/01/2018' } as Settings, documentBackend(doc.settings)),
    ).rejects.toThrow(SettingsError);
    await expect(saveSettings({ ...RULIN, tolerance: -1 }, documentBackend(doc.settings))).rejects.toThrow(/tolerance/);
    expect(doc.inFile.size).toBe(0);
  });

  test('a stored field that no longer validates falls back alone; blanks are absent', async () => {
    const doc = fakeDocumentSettings();
    doc.settings.set(SETTINGS_KEY, { ...RULIN, standard: '三千', standardUnit: 'week', township: '  ' });
    expect(await loadSettings(documentBackend(doc.settings))).toEqual({
      county: '城步苗族自治县',
      standardUnit: 'year',
      asOf: '2018-01-15',
      tolerance: 0.5,
    });
  });
});

describe('on the standalone page: localStorage', () => {
  test('saves and loads, and survives a damaged entry', async () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
    await saveSettings({ ...RULIN, standardUnit: 'month', standard: 266.67 }, localStorageBackend(storage));
    expect(JSON.parse(items.get(SETTINGS_KEY)!)).toMatchObject({ standard: 266.67, standardUnit: 'month' });
    expect(await loadSettings(localStorageBackend(storage))).toMatchObject({ township: '儒林镇', standard: 266.67 });
    items.set(SETTINGS_KEY, '{not json');
    expect(await loadSettings(localStorageBackend(storage))).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings → policy', () => {
  test('an annual standard, a monthly one, and blanks that take the policy defaults', () => {
    expect(settingsToPolicyInput(RULIN)).toEqual({
      county: '城步苗族自治县',
      township: '儒林镇',
      annualStandard: 3200,
      asOf: '2018-01-15',
      tolerance: 0.5,
    });
    const monthly = parsePolicy(settingsToPolicyInput({ standardUnit: 'month', standard: 266.67 }), '2018-01-15');
    expect(monthly.monthlyStandardResolved).toBe(266.67);
    const defaults = parsePolicy(settingsToPolicyInput(DEFAULT_SETTINGS), '2018-01-15');
    expect(defaults).toMatchObject({ county: '', tolerance: 1, asOf: '2018-01-15' });
    // No standard in the settings: the Hunan guiding standard of the reference date's year (2018: 3200).
    expect(defaults.monthlyStandardResolved).toBeCloseTo(3200 / 12, 6);
    expect(defaults.defaultStandard).toMatchObject({ year: 2018, annual: 3200 });
  });
});
