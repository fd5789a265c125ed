/**
 * Per-user defaults: what the clerk typed once (county, township, area code, standard) fills a
 * new roster's settings; the workbook's own values win; the date and tolerance never carry over.
 */
import { loadSettings, saveSettings, type SettingsBackend } from '../../src/workbook/settings';
import { localUserDefaults, USER_DEFAULTS_KEY, withUserDefaults } from '../../src/workbook/user-defaults';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

function workbook(initial: unknown = null): SettingsBackend & { stored: unknown } {
  const b = {
    stored: initial,
    read: async () => b.stored,
    write: async (v: unknown) => void (b.stored = v),
  };
  return b as SettingsBackend & { stored: unknown };
}

test('a second workbook starts from what was saved in the first, except date and tolerance', async () => {
  const storage = memoryStorage();
  const user = localUserDefaults(storage);
  const first = workbook();
  await saveSettings(
    {
      county: '城步苗族自治县',
      township: '儒林镇',
      areaCode: '430529',
      standard: 3450,
      standardUnit: 'year',
      asOf: '2018-01-15',
      tolerance: 2,
    },
    withUserDefaults(first, user),
  );
  expect(JSON.parse(storage.m.get(USER_DEFAULTS_KEY)!)).toEqual({
    county: '城步苗族自治县',
    township: '儒林镇',
    areaCode: '430529',
    standard: 3450,
    standardUnit: 'year',
  });
  const second = await loadSettings(withUserDefaults(workbook(), user));
  expect(second).toMatchObject({ county: '城步苗族自治县', township: '儒林镇', areaCode: '430529', standard: 3450 });
  expect(second.asOf).toBeUndefined();
  expect(second.tolerance).toBeUndefined();
});

test("the workbook's own values win; blank ones come from the defaults", async () => {
  const storage = memoryStorage();
  const user = localUserDefaults(storage);
  user.write({ county: '城步苗族自治县', township: '儒林镇', standard: 300, standardUnit: 'month' });
  const own = workbook({ township: '丹口镇', county: '', standardUnit: 'year' });
  const s = await loadSettings(withUserDefaults(own, user));
  expect(s.county).toBe('城步苗族自治县');
  expect(s.township).toBe('丹口镇');
  // The unit travels with the standard: the workbook named no standard, so the user's pair holds.
  expect([s.standard, s.standardUnit]).toEqual([300, 'month']);
});

test('unreadable or blocked storage gives no defaults and never stops saving', async () => {
  const broken = {
    getItem: () => '{not json',
    setItem: () => {
      throw new Error('QuotaExceeded');
    },
  };
  const user = localUserDefaults(broken);
  expect(user.read()).toEqual({});
  const wb = workbook();
  await saveSettings({ county: '城步苗族自治县', standardUnit: 'year' }, withUserDefaults(wb, user));
  expect(wb.stored).toMatchObject({ county: '城步苗族自治县' });
});

test('the preparer (制表人) is remembered like the county, and the workbook’s own wins', async () => {
  const user = localUserDefaults(memoryStorage());
  await saveSettings({ preparer: '杨秀英', standardUnit: 'year' }, withUserDefaults(workbook(), user));
  expect((await loadSettings(withUserDefaults(workbook(), user))).preparer).toBe('杨秀英');
  const own = workbook({ preparer: '龙春梅', standardUnit: 'year' });
  expect((await loadSettings(withUserDefaults(own, user))).preparer).toBe('龙春梅');
});
