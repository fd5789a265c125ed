/**
 * 停保 after a death (#10 point 6, DOMAIN §5/§7): when a covered member has died, the household's
 * income is re-spread over the persons left; at or above the standard the household no longer
 * qualifies and is stopped, instead of 减发 to 0 yuan for the persons left.
 */
import fc from 'fast-check';
import { sheetFromValues, type SheetGrid } from '../../src/domain/grid';
import { adjustmentReason } from '../../src/domain/messages';
import { check, cleanRow, makeId, rowOf, workbook, type Row } from '../support/roster';

const HEAD = makeId('19600101', '111');

/** The head and `others` members; the first other died on 2017-08-01 while covered. */
function familyWithOneDeath(others: number): SheetGrid {
  const rows: (string | null)[][] = [[HEAD, '甲', HEAD, '本人']];
  for (let i = 0; i < others; i++) {
    const id = makeId(`19${70 + i}0303`, `1${3 + i}3`);
    rows.push([HEAD, `成员${i}`, id, i === 0 ? '妻' : '子', '是', null, i === 0 ? '2017-08-01' : null]);
  }
  return sheetFromValues('家庭成员', [
    ['户主身份证号', '姓名', '身份证号', '与户主关系', '是否保障对象', '残疾证号', '死亡日期'],
    ...rows,
  ]);
}

function household(persons: number, income: number, over: Row = {}, policy = {}) {
  const benefit = Math.max(0, Math.round((3026 / 12 - income) * persons * 100) / 100);
  return check(
    workbook(
      [
        cleanRow({
          身份证号码: HEAD,
          家庭人口: persons,
          保障人数: persons,
          家庭月人均收入: income,
          月保障金: benefit,
          ...over,
        }),
      ],
      [familyWithOneDeath(persons - 1)],
    ),
    policy,
  );
}

describe('a death that lifts the income of the persons left to the standard', () => {
  test('3 persons at 200 yuan, one dies: 300 yuan each ≥ 252.17 → 停保, the reason says why', () => {
    const r = household(3, 200);
    expect(r.adjustments).toHaveLength(1);
    const a = r.adjustments[0];
    expect(a).toMatchObject({
      row: rowOf(0),
      type: '停保',
      before: { persons: 3, amount: 156.5 },
      after: { persons: 0, amount: 0 },
      rules: ['ELIG-01'],
    });
    expect(adjustmentReason(a)).toContain('已死亡');
    expect(adjustmentReason(a)).toContain('其余2名保障对象月人均收入300元，达到低保标准252.17元');
    expect(adjustmentReason(a, 'en')).toContain('the 2 persons left have a monthly income of 300 per person');
    expect(adjustmentReason(a, 'en')).toMatch(/^Member 成员0 died \(2017-08-01, source: 家庭成员\)/);
  });

  test('exactly the standard is 停保; one yuan below it is 减发', () => {
    const policy = { monthlyStandard: 300 };
    const at = check(
      workbook(
        [cleanRow({ 身份证号码: HEAD, 家庭人口: 2, 保障人数: 2, 家庭月人均收入: 150, 月保障金: 300 })],
        [familyWithOneDeath(1)],
      ),
      policy,
    );
    expect(at.adjustments.map((a) => [a.type, a.after])).toEqual([['停保', { persons: 0, amount: 0 }]]);
    const below = check(
      workbook(
        [cleanRow({ 身份证号码: HEAD, 家庭人口: 2, 保障人数: 2, 家庭月人均收入: 149.5, 月保障金: 301 })],
        [familyWithOneDeath(1)],
      ),
      policy,
    );
    expect(below.adjustments.map((a) => [a.type, a.after])).toEqual([['减发', { persons: 1, amount: 1 }]]);
  });

  test('a class supplement does not keep a household that no longer qualifies', () => {
    const r = household(3, 200, { 保障类别: 'A类', 月保障金: 306.5 }, { supplements: { A: 50 } });
    expect(r.adjustments.map((a) => a.type)).toEqual(['停保']);
  });

  test('persons in error (HH-01): no 停保 on the re-spread income, left to the clerk', () => {
    const r = household(3, 200, { 家庭人口: 3, 保障人数: 4 });
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['HH-01', 'ELIG-01']));
    expect(r.adjustments).toEqual([]);
  });

  test('for any household size and income: 停保 exactly when the re-spread income reaches the standard', () => {
    const standard = 3026 / 12;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 260 }), (persons, income) => {
        const r = household(persons, income);
        const reached = (income * persons) / (persons - 1) >= standard;
        expect(r.adjustments.map((a) => a.type)).toEqual([reached ? '停保' : '减发']);
      }),
      { numRuns: 60 },
    );
  });
});
