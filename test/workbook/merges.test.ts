import fc from 'fast-check';
import type { MergedRange, SheetGrid } from '../../src/domain/grid';
import { FileError } from '../../src/workbook/file/file-error';
import { anchorsOf, tidyMerges } from '../../src/workbook/merges';

const rowsOf = (height: number, width: number): SheetGrid['rows'] =>
  Array.from({ length: height }, () => Array.from({ length: width }, () => ({ v: 'x', t: 'string' as const })));

const overlaps = (a: MergedRange, b: MergedRange) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

const area = fc
  .tuple(fc.nat(30), fc.nat(30), fc.nat(6), fc.nat(6))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }))
  // One-cell "merges" merge nothing (dropped, never a clash).
  .filter((m) => m.bottom > m.top || m.right > m.left);

// Cell by cell, a whole-sheet merge is 17 billion cells: the test would never end.
test('a merge over the whole sheet is clipped to the used range', () => {
  const rows = rowsOf(7, 13);
  const merges = tidyMerges('花名册', [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }], rows);
  expect(merges).toEqual([{ top: 0, left: 0, bottom: 6, right: 12 }]);
});

test('merges entirely outside the used range, or of one cell, are dropped', () => {
  const merges = tidyMerges(
    'S',
    [
      { top: 10, left: 0, bottom: 20, right: 3 },
      { top: 0, left: 2, bottom: 0, right: 2 },
      { top: 0, left: 0, bottom: 2, right: 0 },
    ],
    rowsOf(5, 3),
  );
  expect(merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 0 }]);
});

test('any two overlapping merges are refused, naming the sheet and both areas; disjoint ones never', () => {
  fc.assert(
    fc.property(fc.array(area, { maxLength: 25 }), (merges) => {
      const rows = rowsOf(40, 40);
      const clash = merges.some((a, i) => merges.some((b, j) => i < j && overlaps(a, b)));
      let error: unknown;
      try {
        tidyMerges('花名册', merges, rows);
      } catch (e) {
        error = e;
      }
      if (!clash) return error === undefined;
      return (
        error instanceof FileError &&
        /工作表“花名册”的合并单元格 [A-Z]+\d+:[A-Z]+\d+ 与 [A-Z]+\d+:[A-Z]+\d+ 互相重叠/.test(error.zh)
      );
    }),
    { numRuns: 500 },
  );
});

test('3,000 overlapping whole-column merges are refused before any is laid out', () => {
  const merges = Array.from({ length: 3000 }, (_, i) => ({ top: i, left: 0, bottom: 1_048_575, right: 16_383 }));
  expect(() => tidyMerges('S', merges, rowsOf(5000, 3))).toThrow(FileError);
});

test('anchorsOf finds the area of every cell, as a brute-force search does', () => {
  fc.assert(
    fc.property(
      fc.array(area, { maxLength: 25 }),
      fc.array(fc.record({ row: fc.nat(45), col: fc.nat(45) }), { maxLength: 60 }),
      (candidates, cells) => {
        const merges: MergedRange[] = [];
        for (const m of candidates) if (!merges.some((o) => overlaps(o, m))) merges.push(m);
        const found = anchorsOf(merges, cells);
        return cells.every((c, i) => {
          const want = merges.find((m) => m.top <= c.row && c.row <= m.bottom && m.left <= c.col && c.col <= m.right);
          return found[i] === want;
        });
      },
    ),
    { numRuns: 500 },
  );
});
