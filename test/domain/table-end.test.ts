/**
 * Where the households end (#10 point 4): nothing after the 合计 / 总计 row under the records is
 * a household, and the signature lines are recognized by their leading word with or without 人,
 * in any of a row's first non-empty cells. Rosters are built the way townships print them.
 */
import type { CellValue } from '../../src/domain/grid';
import { sheetFromValues } from '../../src/domain/grid';
import { check, cleanRow, HEADERS, makeId, type Row } from '../support/roster';

const TITLE = ['城步苗族自治县儒林镇农村低保对象花名册'];
const UNIT = ['填报单位：儒林镇人民政府'];

function line(r: Row): (CellValue | null)[] {
  return HEADERS.map((h) => r[h] ?? null);
}

/** Title, unit line, header, three clean households, then `tail` rows exactly as given. */
function roster(tail: (CellValue | null)[][]) {
  const rows = [cleanRow(), cleanRow(), cleanRow()];
  const sheet = sheetFromValues('花名册', [TITLE, UNIT, [...HEADERS], ...rows.map(line), ...tail]);
  return check({ sheets: [sheet] });
}

/** A row under the table that a clerk wrote in the ID column: it would be an ID-01 if read. */
const stray = (over: Row = {}) => line({ 户主姓名: '王五', 身份证号码: '见附表', ...over });

describe('the end of the household rows', () => {
  test.each<[string, (CellValue | null)[]]>([
    ['制表：… 审核：… (no 人)', ['制表：张三', null, null, '审核：李四', null, '日期：2018年1月10日']],
    ['审核 in the first cell', ['审核：李四']],
    ['经办 after a blank cell', [null, '经办：王会计']],
    ['日期 alone', ['日期：2018年1月10日']],
    ['the footer word in the second non-empty cell', ['儒林镇人民政府', '（盖章）']],
    ['the footer word in the third non-empty cell', ['儒林镇', '民政办', '负责人：赵某']],
    ['full-width spaces inside the word', ['制\u3000表\u3000人：']],
    ['分管领导 with a mark', ['★分管领导：']],
    ['填报 and 审批', ['填报：民政办', null, '审批：']],
  ])('a footer row: %s — nothing from there on is a household', (_label, footer) => {
    const result = roster([footer, stray()]);
    expect(result.households).toHaveLength(3);
    expect(result.findings).toEqual([]);
  });

  test('nothing after the 合计 row is a household, even a row with a name and an ID', () => {
    const totals = line({ 序号: '合计', 家庭人口: 9, 保障人数: 9, 月保障金: 1369.5 });
    const after = line(cleanRow({ 户主姓名: '赵六', 身份证号码: makeId('19550505', '661') }));
    const result = roster([totals, [], after, stray()]);
    expect(result.households).toHaveLength(3);
    expect(result.summary.monthlyTotal).toBeCloseTo(3 * 456.5, 2);
    expect(result.findings).toEqual([]);
  });

  test('总计 in the village column ends the records too', () => {
    const result = roster([line({ 村: '总 计', 保障人数: 9 }), stray()]);
    expect(result.households).toHaveLength(3);
  });

  test('小计 rows between villages are skipped and the records go on', () => {
    const more = cleanRow({ 村: '龙潭村' });
    const result = roster([line({ 村: '白云村小计', 保障人数: 9 }), line(more), line({ 序号: '合计' })]);
    expect(result.households.map((h) => h.village)).toEqual(['白云村', '白云村', '白云村', '龙潭村']);
  });

  test('a 合计 row above the first household (totals printed on top) does not end the records', () => {
    const rows = [cleanRow(), cleanRow()];
    const sheet = sheetFromValues('花名册', [
      TITLE,
      [...HEADERS],
      line({ 序号: '合计', 家庭人口: 6, 保障人数: 6, 月保障金: 913 }),
      ...rows.map(line),
    ]);
    expect(check({ sheets: [sheet] }).households).toHaveLength(2);
  });

  test("a footer word in a household's own later cells (备注) is data, not a footer", () => {
    // 日期 / 审核 inside a household's own cells (备注) are data, not a footer: only the first cells count.
    const result = roster([line(cleanRow({ 备注: '审核：2018年1月' }))]);
    expect(result.households).toHaveLength(4);
  });
});
