/**
 * Settings inside Excel kept twice (#16 point 8): the add-in's document settings (per add-in id)
 * and the workbook's custom document properties (shared by every add-in), over the Excel double
 * with Excel's limits on custom properties.
 */
import { describe, expect, test } from '@jest/globals';
import { CUSTOM_PROPERTY_LIMIT, ExcelDouble } from '../support/excel-double';
import {
  officeSettingsBackend,
  PROPERTY_KEYS,
  readProperties,
  writeProperties,
} from '../../src/workbook/office/office-settings';
import { loadSettings, MAX_LEFT_OUT, saveSettings, SETTINGS_KEY, type Settings } from '../../src/workbook/settings';
import { ROSTER_FIELDS } from '../../src/domain/fields';

/** One add-in's document settings in one workbook (each add-in id has its own). */
function addinSettings() {
  const live = new Map<string, unknown>();
  const settings = {
    get: (k: string) => live.get(k) ?? null,
    set: (k: string, v: unknown) => void live.set(k, v),
    saveAsync: (cb?: (r: Office.AsyncResult<void>) => void) => cb?.({ status: 'succeeded' } as never),
  };
  return { settings: settings as unknown as Office.Settings, live };
}

const RULIN: Settings = {
  county: '城步苗族自治县',
  township: '儒林镇',
  standard: 3200,
  standardUnit: 'year',
  asOf: '2018-01-15',
  areaCode: '430529',
  preparer: '杨秀英',
  columns: { benefit: '低保金发放数' },
  leftOut: ['丹口村（旧）'],
};

let clock = Date.parse('2026-12-01T08:00:00Z');
const tick = () => new Date((clock += 1000));

describe('custom document properties', () => {
  test('saved, the workbook reopened: the settings come back, one property per value', async () => {
    const excel = new ExcelDouble();
    await saveSettings(RULIN, officeSettingsBackend(addinSettings().settings, excel.run, tick));
    const reopened = excel.reopen();
    const keys = [...reopened.book.custom.values()].map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'dibao.county',
        'dibao.standard',
        'dibao.column.benefit',
        'dibao.leftOut.1',
        'dibao.preparer',
      ]),
    );
    expect(reopened.book.custom.get('dibao.county')?.value).toBe('城步苗族自治县');
    // Another computer, another add-in id: no document settings of its own, the properties hold all.
    expect(await loadSettings(officeSettingsBackend(addinSettings().settings, reopened.run))).toEqual(RULIN);
  });

  test('the sideloaded and the deployed add-in see each other’s latest settings', async () => {
    const excel = new ExcelDouble();
    const sideloaded = addinSettings();
    const deployed = addinSettings();
    await saveSettings(RULIN, officeSettingsBackend(sideloaded.settings, excel.run, tick));
    const fromDeployed = await loadSettings(officeSettingsBackend(deployed.settings, excel.run, tick));
    expect(fromDeployed.county).toBe('城步苗族自治县');

    // The deployed add-in changes the township and clears the column mapping …
    await saveSettings(
      { ...fromDeployed, township: '丹口镇', columns: undefined },
      officeSettingsBackend(deployed.settings, excel.run, tick),
    );
    expect(excel.book.custom.has('dibao.column.benefit')).toBe(false);
    // … and the sideloaded one, whose own document settings still say 儒林镇, reads the newer copy whole.
    expect((sideloaded.live.get(SETTINGS_KEY) as Settings).township).toBe('儒林镇');
    const back = await loadSettings(officeSettingsBackend(sideloaded.settings, excel.run, tick));
    expect(back).toMatchObject({ township: '丹口镇', county: '城步苗族自治县' });
    expect(back.columns).toBeUndefined();
  });

  test('when the properties could not be written, the newer document settings win', async () => {
    const excel = new ExcelDouble();
    const addin = addinSettings();
    await saveSettings(RULIN, officeSettingsBackend(addin.settings, excel.run, tick));
    let refuse = false;
    const flaky: typeof excel.run = (batch) => (refuse ? Promise.reject(new Error('AccessDenied')) : excel.run(batch));
    refuse = true;
    await saveSettings({ ...RULIN, township: '丹口镇' }, officeSettingsBackend(addin.settings, flaky, tick));
    refuse = false;
    expect(excel.book.custom.get('dibao.township')?.value).toBe('儒林镇');
    expect((await loadSettings(officeSettingsBackend(addin.settings, excel.run, tick))).township).toBe('丹口镇');
  });

  test('a workbook from before #16 (document settings only) keeps its settings', async () => {
    const excel = new ExcelDouble();
    const addin = addinSettings();
    addin.live.set(SETTINGS_KEY, { county: '新宁县', standardUnit: 'year' });
    expect((await loadSettings(officeSettingsBackend(addin.settings, excel.run))).county).toBe('新宁县');
  });

  test('a value the clerk typed in 文件 → 属性 as a number is read', async () => {
    const excel = new ExcelDouble();
    excel.book.custom.set('dibao.standard', { key: 'dibao.standard', value: 3400 });
    excel.book.custom.set('dibao.county', { key: 'DIBAO.County', value: '武冈市' });
    const s = await loadSettings(officeSettingsBackend(addinSettings().settings, excel.run));
    expect(s).toMatchObject({ standard: 3400, county: '武冈市' });
  });

  test('the longest values the settings allow are under Excel’s 255 characters and come back whole', async () => {
    const excel = new ExcelDouble(); // the desktop: longer values would be cut
    const longest: Settings = {
      county: '县'.repeat(100),
      township: '镇'.repeat(100),
      standard: 99999999.99,
      standardUnit: 'month',
      asOf: '2018-01-15',
      tolerance: 12345.67,
      areaCode: '430529',
      preparer: '名'.repeat(20),
      columns: Object.fromEntries(ROSTER_FIELDS.map((f) => [f, '列'.repeat(100)])),
      leftOut: Array.from({ length: MAX_LEFT_OUT }, (_, i) => `${i}`.padEnd(31, '村')),
    };
    await writeProperties(excel.run, longest, '2026-12-01T08:00:00.000Z');
    for (const p of excel.book.custom.values())
      expect(String(p.value).length).toBeLessThanOrEqual(CUSTOM_PROPERTY_LIMIT);
    const found = await readProperties(excel.run);
    expect(found.size).toBe(PROPERTY_KEYS.length);
    expect(await loadSettings(officeSettingsBackend(addinSettings().settings, excel.run))).toEqual(longest);
  });

  test('only our own keys are read: a long property written elsewhere (WPS’s JSON) does not crash Excel', async () => {
    const excel = new ExcelDouble();
    await saveSettings(RULIN, officeSettingsBackend(addinSettings().settings, excel.run, tick));
    // WPS keeps its settings as one JSON property; written by WPS it can pass 255 characters.
    excel.book.custom.set('dibao.settings', {
      key: 'dibao.settings',
      value: JSON.stringify({ note: 'x'.repeat(400) }),
    });
    // Listing the whole collection is what crashes Excel on Windows (office-js #4378) …
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.properties.custom.load('items/key,items/value');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'HostCrashed' });
    // … reading ours by name does not.
    expect(await loadSettings(officeSettingsBackend(addinSettings().settings, excel.run))).toEqual(RULIN);
  });

  test('two syncs to save, one to load', async () => {
    const excel = new ExcelDouble();
    await writeProperties(excel.run, RULIN, '2026-12-01T08:00:00.000Z');
    expect(excel.syncs).toBe(2);
    excel.resetStats();
    await readProperties(excel.run);
    expect(excel.syncs).toBe(1);
    expect(excel.maxRequestBytes).toBeLessThan(64 * 1024);
  });
});

describe('the double keeps Excel’s rules for custom properties', () => {
  test('the desktop cuts keys and values to 255 characters; Excel on the web keeps them', async () => {
    for (const platform of ['desktop', 'web'] as const) {
      const excel = new ExcelDouble();
      excel.platform = platform;
      await excel.run(async (ctx) => {
        ctx.workbook.properties.custom.add('k', 'é'.repeat(300));
        await ctx.sync();
      });
      const kept = String(excel.book.custom.get('k')?.value).length;
      expect(kept).toBe(platform === 'web' ? 300 : CUSTOM_PROPERTY_LIMIT);
    }
  });

  test('keys are case-insensitive; an empty key or a missing value is refused; getItem of none throws', async () => {
    const excel = new ExcelDouble();
    await excel.run(async (ctx) => {
      ctx.workbook.properties.custom.add('Dibao.County', '新宁县');
      ctx.workbook.properties.custom.add('dibao.county', '武冈市');
      await ctx.sync();
    });
    expect([...excel.book.custom.values()]).toEqual([{ key: 'Dibao.County', value: '武冈市' }]);
    for (const bad of [
      (c: Excel.CustomPropertyCollection) => c.add('', 'x'),
      (c: Excel.CustomPropertyCollection) => c.add('k', undefined as unknown as string),
      (c: Excel.CustomPropertyCollection) => c.getItem('none').load('value'),
    ]) {
      await expect(
        excel.run(async (ctx) => {
          bad(ctx.workbook.properties.custom);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/InvalidArgument|ItemNotFound/) });
    }
  });

  test('a property’s value is not there before load and sync', async () => {
    const excel = new ExcelDouble();
    excel.book.custom.set('k', { key: 'k', value: 'v' });
    await excel.run(async (ctx) => {
      const p = ctx.workbook.properties.custom.getItem('k');
      expect(() => p.value).toThrow(/PropertyNotLoaded|not loaded/);
      p.load('value');
      await ctx.sync();
      expect(p.value).toBe('v');
    });
  });
});
