/**
 * Settings read from the roster itself (#10 point 7): county, township, period and reference date
 * from the title row and the 填报单位/填报日期 line; the clerk's settings win; no county is a default.
 */
import { sheetFromValues, type CellValue } from '../../src/domain/grid';
import { checkWorkbook } from '../../src/domain/engine';
import { parsePolicy } from '../../src/domain/policy';
import { adjustmentSheet } from '../../src/workbook/output/sheets';
import { summaryText } from '../../src/cli/summary';
import { cleanRow, HEADERS } from '../support/roster';

function titled(title: string, unitLine: string) {
  const row = cleanRow({ 家庭月人均收入: 300, 月保障金: 0 }); // AMT-02 → an adjustment (停保)
  const values: (CellValue | null)[][] = [
    [title],
    [unitLine],
    [...HEADERS],
    HEADERS.map((h) => (row as Record<string, CellValue | null | undefined>)[h] ?? null),
  ];
  return { sheets: [sheetFromValues('花名册', values)] };
}

const run = (wb: ReturnType<typeof titled>, input: Record<string, unknown> = {}) =>
  checkWorkbook({ workbook: wb, policy: parsePolicy({ annualStandard: 3026, ...input }, '2026-12-01') });

test('a roster titled for another county gets that county, township and 填报日期', () => {
  const r = run(
    titled('新宁县黄龙镇农村低保对象花名册（2018年1月）', '填报单位：黄龙镇人民政府    填报日期：2018年1月10日'),
  );
  expect(r.policy).toMatchObject({ county: '新宁县', township: '黄龙镇', asOf: '2018-01-10', period: '2018年1月' });
  expect(r.policy.sources).toMatchObject({ county: 'title', township: 'title', asOf: 'filled' });
  expect(r.asOf).toBe('2018-01-10');
  expect(adjustmentSheet(r, r.policy).title).toBe('新宁县黄龙镇农村低保调整花名册');
});

test('the clerk’s settings win over the title', () => {
  const r = run(titled('新宁县黄龙镇农村低保对象花名册', '填报日期：2018-01-10'), {
    county: '城步苗族自治县',
    township: '儒林镇',
    asOf: '2018-01-15',
  });
  expect(r.policy).toMatchObject({ county: '城步苗族自治县', township: '儒林镇', asOf: '2018-01-15' });
  expect(r.policy.sources).toMatchObject({ county: 'settings', township: 'settings', asOf: 'settings' });
});

test('no county anywhere: the check runs, titles leave the county out, and the summary says how to set it', () => {
  const r = run(titled('农村低保对象花名册', '填报单位：黄龙镇人民政府'), { asOf: '2018-01-15' });
  expect(r.policy.county).toBe('');
  expect(r.policy.sources.county).toBe('unknown');
  expect(r.findings.some((f) => f.rule === 'AMT-02')).toBe(true);
  expect(adjustmentSheet(r, r.policy).title).toBe('黄龙镇农村低保调整花名册');
  const text = summaryText(r, { file: 'x.xlsx' });
  expect(text).toContain('县名未知');
  expect(text).toContain('"county"');
});

test('with no settings and no 填报日期 the reference date is today, said so', () => {
  const r = run(titled('城步苗族自治县儒林镇农村低保对象花名册', ''));
  expect(r.policy).toMatchObject({ county: '城步苗族自治县', township: '儒林镇', asOf: '2026-12-01' });
  expect(r.policy.sources.asOf).toBe('today');
  expect(summaryText(r, { file: 'x.xlsx' })).toContain('基准日 2026-12-01（今天）');
});
