/**
 * The default standard is the Hunan guiding standard of the reference date's year (DOMAIN §6),
 * said so wherever the settings are shown — not one fixed figure marked "default".
 */
import { sheetFromValues, type CellValue } from '../../src/domain/grid';
import { checkWorkbook } from '../../src/domain/engine';
import { hunanDefaultStandard, parsePolicy } from '../../src/domain/policy';
import { sourceLabel } from '../../src/domain/setting-sources';
import { settingsLine } from '../../src/cli/summary';
import { cleanRow, HEADERS } from '../support/roster';

test.each([
  ['2016-06-30', 2016, 2640, 'exact'],
  ['2017-01-01', 2017, 3026, 'exact'],
  ['2018-01-15', 2018, 3200, 'exact'],
  // 2019 has no published figure: 2018's still holds.
  ['2019-07-01', 2018, 3200, 'carried'],
  ['2020-12-31', 2020, 4000, 'exact'],
  ['2021-03-01', 2021, 4300, 'exact'],
  // After 2021 counties set their own: the province's last figure, and the clerk is asked for theirs.
  ['2026-12-01', 2021, 4300, 'latest'],
  // Before the first known year: the earliest known figure.
  ['2014-05-01', 2016, 2640, 'earliest'],
])('reference date %s → the %i standard, %i yuan/year (%s)', (asOf, year, annual, basis) => {
  expect(hunanDefaultStandard(asOf)).toEqual({ year, annual, basis });
  const p = parsePolicy({ asOf });
  expect(p.monthlyStandardResolved).toBeCloseTo(annual / 12, 9);
  expect(p.sources.standard).toBe('default');
  expect(p.defaultStandard).toEqual({ year, annual, basis });
});

test('a standard in the settings is used as given, with no default beside it', () => {
  const p = parsePolicy({ asOf: '2018-01-15', annualStandard: 3026 });
  expect(p.monthlyStandardResolved).toBeCloseTo(3026 / 12, 9);
  expect(p.defaultStandard).toBeUndefined();
  expect(sourceLabel(p, 'standard')).toBe('核查参数');
  expect(parsePolicy({ asOf: '2018-01-15', monthlyStandard: 280 }).monthlyStandardResolved).toBe(280);
});

test('the words say which year’s standard, and ask for the county’s own after 2021', () => {
  expect(sourceLabel(parsePolicy({ asOf: '2018-01-15' }), 'standard')).toBe('湖南省2018年指导标准');
  expect(sourceLabel(parsePolicy({ asOf: '2019-01-15' }), 'standard')).toBe('湖南省2018年指导标准，2019年沿用');
  expect(sourceLabel(parsePolicy({ asOf: '2023-01-15' }), 'standard')).toBe(
    '湖南省2021年指导标准；2022年起各县自定，请填写本县标准',
  );
  expect(sourceLabel(parsePolicy({ asOf: '2018-01-15' }), 'standard', 'en')).toBe('Hunan guiding standard 2018');
});

function rosterFiledOn(filled: string, benefit: number) {
  // Income 100 a month, three covered persons: the benefit is (S − 100) × 3.
  const row = cleanRow({ 家庭月人均收入: 100, 月保障金: benefit });
  const values: (CellValue | null)[][] = [
    ['城步苗族自治县儒林镇农村低保对象花名册'],
    [`填报单位：儒林镇人民政府    填报日期：${filled}`],
    [...HEADERS],
    HEADERS.map((h) => (row as Record<string, CellValue | null | undefined>)[h] ?? null),
  ];
  return { sheets: [sheetFromValues('花名册', values)] };
}

test('the roster’s 填报日期 picks the year of the default standard (not today’s)', () => {
  // (3200/12 − 100) × 3 = 500.00: right under the 2018 standard, wrong under 2026's default.
  const r = checkWorkbook({
    workbook: rosterFiledOn('2018年1月10日', 500),
    policy: parsePolicy({}, '2026-12-01'),
  });
  expect(r.policy.asOf).toBe('2018-01-10');
  expect(r.policy.defaultStandard).toMatchObject({ year: 2018, annual: 3200 });
  expect(r.findings.filter((f) => f.rule === 'AMT-01')).toEqual([]);
  // The fixture has a 低保标准 column, blank in this row.
  expect(settingsLine(r.policy)).toContain('低保标准 266.67 元/月（花名册“低保标准”列，空白行按湖南省2018年指导标准）');

  // The same row filed in 2017 is 46.50 too high under 3026/yr: (3026/12 − 100) × 3 = 456.50.
  const r2017 = checkWorkbook({
    workbook: rosterFiledOn('2017年12月20日', 500),
    policy: parsePolicy({}, '2026-12-01'),
  });
  expect(r2017.policy.defaultStandard).toMatchObject({ year: 2017, annual: 3026 });
  expect(r2017.findings.filter((f) => f.rule === 'AMT-01')).toHaveLength(1);
});
