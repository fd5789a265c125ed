import { draftFromSettings, draftProblems, draftToPolicy } from '../../src/taskpane/model/settingsDraft';
import { settingsStore } from '../../src/taskpane/shells/settingsStore';
import { localStorageBackend, SETTINGS_KEY } from '../../src/workbook/settings';
import { localUserDefaults, USER_DEFAULTS_KEY } from '../../src/workbook/user-defaults';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

const draft = {
  county: '城步苗族自治县',
  township: '儒林镇',
  standardValue: '3200',
  standardUnit: 'year' as const,
  asOf: '2018-01-15',
  tolerance: '0.5',
  areaCode: '430529',
  columns: [{ field: 'benefit' as const, header: '低保金发放数' }],
  preparer: '',
  leftOut: [],
};

describe('核查参数 form', () => {
  it('turns the typed settings into the policy the check uses', () => {
    const p = draftToPolicy(draft);
    expect(p.township).toBe('儒林镇');
    expect(p.asOf).toBe('2018-01-15');
    expect(p.tolerance).toBe(0.5);
    expect(p.monthlyStandardResolved).toBeCloseTo(3200 / 12, 6);
    expect(p.areaCode).toBe('430529');
    expect(draftToPolicy({ ...draft, areaCode: '' }).areaCode).toBeUndefined();
    expect(draftToPolicy({ ...draft, standardValue: '260', standardUnit: 'month' }).monthlyStandardResolved).toBe(260);
  });

  it('leaves blank fields to the policy defaults', () => {
    const p = draftToPolicy({ ...draft, county: '', standardValue: '', tolerance: '' });
    expect(p.county).toBe('');
    expect(p.tolerance).toBe(1);
    // The Hunan guiding standard of the reference date's year (2018).
    expect(p.monthlyStandardResolved).toBeCloseTo(3200 / 12, 6);
    expect(p.sources.standard).toBe('default');
  });

  it('flags numbers that are not numbers, and refuses them with a message naming the field', () => {
    expect(draftProblems({ ...draft, standardValue: '三千', tolerance: '-1', areaCode: '4305x' })).toEqual({
      standardValue: true,
      tolerance: true,
      areaCode: true,
    });
    expect(() => draftToPolicy({ ...draft, areaCode: '4305x' })).toThrow(/areaCode/);
    expect(() => draftToPolicy({ ...draft, standardValue: '三千' })).toThrow(/standard/);
    expect(() => draftToPolicy({ ...draft, asOf: '2018/1/15' })).toThrow(/asOf/);
  });

  it('saves and loads through the settings store unchanged', async () => {
    const storage = memoryStorage();
    const store = settingsStore(localStorageBackend(storage));
    await store.save(draft);
    expect(JSON.parse(storage.items.get(SETTINGS_KEY)!)).toMatchObject({ township: '儒林镇', standard: 3200 });
    expect(await store.load()).toEqual(draft);
    expect(draftFromSettings({ standardUnit: 'month' })).toMatchObject({ standardValue: '', tolerance: '' });
  });

  it('passes 表头对应 to the policy as columns; a row with a blank header is dropped', async () => {
    expect(draftToPolicy(draft).columns).toEqual({ benefit: '低保金发放数' });
    const blankRow = { ...draft, columns: [...draft.columns, { field: 'coveredPersons' as const, header: '  ' }] };
    expect(draftToPolicy(blankRow).columns).toEqual({ benefit: '低保金发放数' });
    expect(draftToPolicy({ ...draft, columns: [] }).columns).toEqual({});
    const storage = memoryStorage();
    const store = settingsStore(localStorageBackend(storage));
    await store.save(blankRow);
    expect(JSON.parse(storage.items.get(SETTINGS_KEY)!).columns).toEqual({ benefit: '低保金发放数' });
    expect((await store.load()).columns).toEqual(draft.columns);
  });

  it('says where a loaded value came from: the workbook, this computer’s defaults, or (standalone) neither', async () => {
    const storage = memoryStorage();
    storage.setItem(USER_DEFAULTS_KEY, JSON.stringify({ county: '城步苗族自治县' }));
    const inWorkbook = settingsStore(localStorageBackend(memoryStorage()), localUserDefaults(storage));
    expect((await inWorkbook.load()).county).toBe('城步苗族自治县');
    expect([inWorkbook.origin!('county'), inWorkbook.origin!('township')]).toEqual(['user', 'workbook']);
    await inWorkbook.save({ ...draft, county: '城步苗族自治县' });
    expect(inWorkbook.origin!('county')).toBe('workbook'); // saved into the workbook now
    // The standalone page (no Office): its settings are the browser's, not a workbook's.
    const fresh = memoryStorage();
    fresh.setItem(USER_DEFAULTS_KEY, JSON.stringify({ county: '城步苗族自治县' }));
    const standalone = settingsStore(undefined, localUserDefaults(fresh));
    await standalone.load();
    expect([standalone.origin!('county'), standalone.origin!('township')]).toEqual(['user', undefined]);
  });
});
