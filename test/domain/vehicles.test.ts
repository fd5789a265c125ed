/**
 * Vehicles listed one by one (#10 point 5): a vehicle cell naming several vehicles is split into
 * items and each is tested against the policy's exception words, so a motorcycle listed first no
 * longer hides the car after it.
 */
import type { Cell } from '../../src/domain/grid';
import { claimedItems } from '../../src/domain/values';
import { check, cleanRow, rowOf, workbook } from '../support/roster';

const text = (v: string): Cell => ({ v, t: 'string' });

describe('claimedItems', () => {
  test.each<[string, Cell | undefined, string[]]>([
    ['blank', undefined, []],
    ['a no word', text('无'), []],
    ['one vehicle', text('小轿车一辆'), ['小轿车一辆']],
    ['one vehicle with a bracketed note', text('有（摩托车）'), ['有(摩托车)']],
    ['two vehicles with 、', text('摩托车1辆、小轿车1辆'), ['摩托车1辆', '小轿车1辆']],
    ['full-width comma and semicolon', text('电动车，农用车；面包车'), ['电动车', '农用车', '面包车']],
    ['joined by 和', text('农用车和小货车'), ['农用车', '小货车']],
    ['a yes word in front', text('有，摩托车1辆'), ['摩托车1辆']],
    ['a count between items', text('小轿车、1辆'), ['小轿车']],
    ['a "no" item', text('摩托车、无其他车辆'), ['摩托车']],
    ['only yes words', text('是，有'), ['是,有']],
    ['a number', { v: 2, t: 'number' }, ['2']],
  ])('%s', (_label, cell, items) => {
    expect(claimedItems(cell)).toEqual(items);
  });
});

describe('ELIG-02 on a vehicle list', () => {
  const vehicleFindings = (value: string, policy = {}) =>
    check(workbook([cleanRow({ 机动车辆: value })]), policy)
      .findings.filter((f) => f.rule === 'ELIG-02')
      .map((f) => ({ row: f.row, value: f.data.value }));

  test('摩托车1辆、小轿车1辆 is ELIG-02 for the car, named in the finding', () => {
    expect(vehicleFindings('摩托车1辆、小轿车1辆')).toEqual([{ row: rowOf(0), value: '小轿车1辆' }]);
  });

  test('every vehicle excepted: no finding', () => {
    expect(vehicleFindings('摩托车1辆、电动车1辆')).toEqual([]);
    expect(vehicleFindings('有，农用车一台')).toEqual([]);
    expect(vehicleFindings('残疾人代步车（1辆）')).toEqual([]);
  });

  test('two cars are both named', () => {
    expect(vehicleFindings('小轿车、面包车')).toEqual([{ row: rowOf(0), value: '小轿车、面包车' }]);
  });

  test('the exception words come from the policy, item by item', () => {
    expect(vehicleFindings('摩托车、三轮车', { vehicleExceptions: ['摩托', '三轮'] })).toEqual([]);
    expect(vehicleFindings('摩托车、三轮车', { vehicleExceptions: ['三轮'] })).toEqual([
      { row: rowOf(0), value: '摩托车' },
    ]);
  });

  test('a household with a car in the list is stopped (停保) in the adjustment roster', () => {
    const result = check(workbook([cleanRow({ 机动车辆: '摩托车1辆、小轿车1辆' })]));
    expect(result.adjustments.map((a) => [a.row, a.type, a.rules])).toEqual([[rowOf(0), '停保', ['ELIG-02']]]);
  });
});
