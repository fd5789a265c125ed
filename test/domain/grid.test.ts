/**
 * The one definition of column letters (domain/grid.ts) that the hosts, the marked copy's patcher
 * and the prescan share: letters and numbers round-trip over Excel's whole width, the byte
 * variant the patcher reads cells with agrees with the string one, and partial references (whole
 * rows or columns, past the grid) read as the prescan needs them to refuse a file.
 */
import { describe, expect, test } from '@jest/globals';
import { a1, columnIndex, columnIndexAt, columnLetters, parseA1, parseRef } from '../../src/domain/grid';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('column letters', () => {
  test('letters and index round-trip over all 16,384 columns, in either case', () => {
    for (let c = 0; c < 16_384; c++) {
      const letters = columnLetters(c);
      expect(columnIndex(letters)).toBe(c);
      expect(columnIndex(letters.toLowerCase())).toBe(c);
    }
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16_383)]).toEqual([
      'A',
      'Z',
      'AA',
      'XFD',
    ]);
  });

  test('the byte variant reads the same column as the string one and stops at the row digits', () => {
    for (const c of [0, 1, 25, 26, 701, 702, 16_383]) {
      const ref = `${columnLetters(c)}123`;
      expect(columnIndexAt(bytes(`<c r="${ref}" s="1">`), 6)).toBe(c);
      expect(columnIndexAt(bytes(ref.toLowerCase()), 0)).toBe(c);
    }
    // At the end of the buffer (a reference cut by a chunk) and where no letter is written.
    expect(columnIndexAt(bytes('AB'), 0)).toBe(27);
    expect(columnIndexAt(bytes('"12"'), 1)).toBe(-1);
    expect(columnIndexAt(bytes(''), 0)).toBe(-1);
  });
});

describe('references', () => {
  test('parseA1 reads cells of the grid only; a1 is its inverse', () => {
    expect(parseA1('$B$7')).toEqual({ r: 6, c: 1 });
    expect(parseA1(a1(1_048_575, 16_383))).toEqual({ r: 1_048_575, c: 16_383 });
    for (const bad of ['XFE1', 'A1048577', 'A0', 'B7:C8', 'B', '7', '户主']) expect(parseA1(bad)).toBeUndefined();
  });

  test('parseRef reads whole rows and columns and what lies past the grid', () => {
    expect(parseRef('AB12')).toEqual({ r: 11, c: 27 });
    expect(parseRef('$c')).toEqual({ r: -1, c: 2 });
    expect(parseRef('5')).toEqual({ r: 4, c: -1 });
    expect(parseRef('XFE1')).toEqual({ r: 0, c: 16_384 });
    expect(parseRef('A2000000')).toEqual({ r: 1_999_999, c: 0 });
    expect(parseRef('A1:B2')).toBeUndefined();
    expect(parseRef('R1C1')).toBeUndefined();
  });
});
