/**
 * What a host contract looks at in a double's workbook state (fills, notes, values, sheets), for
 * the Excel double and the WPS double alike: both keep their cells in the same BookState.
 */
import type { HostUnderTest } from './host-contract';
import { a1Of, isDateFormat, serialToDate, type BookState, type SheetState } from './excel-double-book';

type Probes = Pick<HostUnderTest, 'fillOf' | 'noteOf' | 'valueOf' | 'sheetNames' | 'paint'>;

/** `noteOf` says where the host under test keeps a cell's annotation. */
export function bookProbes(book: () => BookState, noteOf: (s: SheetState, a1: string) => string | undefined): Probes {
  const at = (sheet: string, row: number, col: number) => ({
    s: book().get(sheet),
    r: row - 1,
    c: col - 1,
    a: a1Of({ r0: row - 1, c0: col - 1, rows: 1, cols: 1 }),
  });
  return {
    fillOf: (sheet, row, col) => {
      const { s, r, c } = at(sheet, row, col);
      const f = s.fill(r, c);
      if (!f) return undefined;
      return f.pattern === 'Solid' ? `FF${f.color.slice(1)}` : 'pattern';
    },
    noteOf: (sheet, row, col) => {
      const { s, a } = at(sheet, row, col);
      return noteOf(s, a);
    },
    valueOf: (sheet, row, col) => {
      const { s, r, c } = at(sheet, row, col);
      const formula = s.formula(r, c);
      if (formula) return { formula };
      const v = s.value(r, c);
      return typeof v === 'number' && isDateFormat(s.format(r, c)) ? serialToDate(v) : v;
    },
    sheetNames: () =>
      book()
        .live()
        .map((s) => s.name),
    paint: (sheet, row, col, argb) => {
      const { s, r, c } = at(sheet, row, col);
      s.setFill(r, c, { color: `#${argb.slice(2)}`, pattern: 'Solid' });
    },
  };
}
