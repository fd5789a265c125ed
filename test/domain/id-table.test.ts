import fc from 'fast-check';
import { ABSENT, IdTable } from '../../src/domain/id-table';
import { IdIndex } from '../../src/domain/context';

const digit = fc.constantFrom(...'0123456789');
const id18 = fc
  .tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789X'))
  .map(([body, check]) => body.join('') + check);
const otherKey = fc.oneof(
  fc.array(digit, { minLength: 15, maxLength: 15 }).map((d) => d.join('')),
  fc.string({ minLength: 18, maxLength: 18 }),
  fc.string(),
);
const key = fc.oneof({ weight: 4, arbitrary: id18 }, { weight: 1, arbitrary: otherKey });

describe('IdTable (the ID index behind ID-06 and the member links)', () => {
  test('answers like a Map for any mix of IDs and other keys, past its expected size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer({ min: -2147483647, max: 2147483647 })), { maxLength: 300 }),
        (ops) => {
          const table = new IdTable(4); // grows several times
          const map = new Map<string, number>();
          for (const [k, v] of ops) {
            table.set(k, v);
            map.set(k, v);
          }
          expect(table.size).toBe(map.size);
          for (const [k] of ops) expect(table.get(k)).toBe(map.get(k));
        },
      ),
    );
  });

  test('tells apart IDs that differ only in the check character or in one digit', () => {
    const t = new IdTable();
    t.set('43052919600315123X', 1);
    t.set('430529196003151230', 2);
    t.set('430529196003151231', 3);
    t.set('530529196003151231', 4);
    expect([
      t.get('43052919600315123X'),
      t.get('430529196003151230'),
      t.get('430529196003151231'),
      t.get('530529196003151231'),
    ]).toEqual([1, 2, 3, 4]);
    expect(t.get('430529196003151232')).toBe(ABSENT);
    expect(t.has('43052919600315123x')).toBe(false); // keys are normalized before they get here
  });

  test('keeps 200,000 IDs (a county roster with members) exactly', () => {
    const t = new IdTable(1000);
    const id = (i: number) => `4305291960${String(i).padStart(7, '0')}${'0123456789X'[i % 11]}`;
    for (let i = 0; i < 200_000; i++) t.set(id(i), i);
    expect(t.size).toBe(200_000);
    let wrong = 0;
    for (let i = 0; i < 200_000; i++) if (t.get(id(i)) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(t.get(id(200_000))).toBe(ABSENT);
  });
});

describe('IdIndex', () => {
  test('an ID seen once is one occurrence; a repeated one lists every place in order and marks each household', () => {
    const ids = new IdIndex(8, 2);
    ids.add('43052919600315123X', 0, 'head');
    ids.add('430529196003151230', 1, 'head');
    ids.add('43052919600315123X', 5, 'member');
    ids.add('43052919600315123X', 7, 'head');
    ids.add('4305291960031', 2, 'member'); // not an 18-digit key
    ids.add('4305291960031', 3, 'head');
    expect(ids.isRepeated('430529196003151230')).toBe(false);
    expect(ids.get('430529196003151230')).toEqual([{ household: 1, role: 'head' }]);
    expect(ids.isRepeated('43052919600315123X')).toBe(true);
    expect(ids.get('43052919600315123X')).toEqual([
      { household: 0, role: 'head' },
      { household: 5, role: 'member' },
      { household: 7, role: 'head' },
    ]);
    expect(ids.get('4305291960031')).toEqual([
      { household: 2, role: 'member' },
      { household: 3, role: 'head' },
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].filter((h) => ids.hasRepeats(h))).toEqual([0, 2, 3, 5, 7]);
    expect(ids.has('110105194912310021')).toBe(false);
    expect(ids.get('110105194912310021')).toEqual([]);
  });
});
