/**
 * The pane's settings are the policy's (SETTING_FIELDS) as a form gives them: a value the policy
 * refuses is refused when saved, and settings survive storing and reach the policy unchanged.
 */
import { parsePolicy } from '../../src/domain/policy';
import { parseSettings, readStoredSettings, settingsToPolicyInput, SettingsError } from '../../src/workbook/settings';
import { settingsFromProperties, settingsToProperties } from '../../src/workbook/office/office-settings';

const TYPED = {
  county: ' 城步县 ',
  township: '儒林镇',
  standard: '3026',
  standardUnit: 'year',
  asOf: '2018-01-15',
  tolerance: '0.5',
  areaCode: '430529',
  preparer: '李四',
  leftOut: ['草稿'],
  columns: { benefit: '发放金额', village: ' ' },
};

test('typed settings round-trip through storage and the workbook properties, and reach the policy', () => {
  const s = parseSettings(TYPED);
  expect(s).toMatchObject({ county: '城步县', standard: 3026, tolerance: 0.5, columns: { benefit: '发放金额' } });
  expect(readStoredSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
  expect(readStoredSettings(settingsFromProperties(settingsToProperties(s, '2018-01-15T00:00:00Z')))).toEqual(s);
  const policy = parsePolicy(settingsToPolicyInput(s));
  expect(policy).toMatchObject({
    county: '城步县',
    township: '儒林镇',
    annualStandard: 3026,
    asOf: '2018-01-15',
    tolerance: 0.5,
    areaCode: '430529',
    preparer: '李四',
    columns: { benefit: '发放金额' },
  });
});

test.each([
  ['tolerance', '200000000'],
  ['asOf', '2018-02-30'],
  ['areaCode', '4305x'],
  ['county', '县'.repeat(101)],
])('%s %j is refused by the settings as by the policy', (key, value) => {
  expect(() => parseSettings({ [key]: value })).toThrow(SettingsError);
  const asPolicy = key === 'tolerance' ? Number(value) : value;
  expect(() => parsePolicy({ [key]: asPolicy })).toThrow(new RegExp(key));
});
