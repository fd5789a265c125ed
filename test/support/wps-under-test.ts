/**
 * The WPS host over the WPS double as a HostUnderTest of the host contract
 * (test/support/host-contract.ts), looking into the double's BookState as the Office host's does.
 */
import { WpsHost } from '../../src/workbook/wps/wps';
import type { EtApplication } from '../../src/workbook/wps/et';
import { ExcelDouble } from './excel-double';
import { a1Of, isDateFormat, serialToDate } from './excel-double-book';
import type { HostUnderTest, MakeHost } from './host-contract';
import { WpsDouble } from './wps-double';

export const etOf = (d: WpsDouble) => d.Application as unknown as EtApplication;

export function wpsUnderTest(double: WpsDouble): HostUnderTest & { double: WpsDouble } {
  const host = new WpsHost(etOf(double));
  const at = (sheet: string, row: number, col: number) => ({
    s: double.book.get(sheet),
    r: row - 1,
    c: col - 1,
    a: a1Of({ r0: row - 1, c0: col - 1, rows: 1, cols: 1 }),
  });
  return {
    double,
    host,
    reopen: async () => wpsUnderTest(double.reopen()),
    fillOf: (sheet, row, col) => {
      const { s, r, c } = at(sheet, row, col);
      const f = s.fill(r, c);
      if (!f) return undefined;
      return f.pattern === 'Solid' ? `FF${f.color.slice(1)}` : 'pattern';
    },
    noteOf: (sheet, row, col) => {
      const { s, a } = at(sheet, row, col);
      return s.notes.get(a);
    },
    valueOf: (sheet, row, col) => {
      const { s, r, c } = at(sheet, row, col);
      const formula = s.formula(r, c);
      if (formula) return { formula };
      const v = s.value(r, c);
      return typeof v === 'number' && isDateFormat(s.format(r, c)) ? serialToDate(v) : v;
    },
    sheetNames: () => double.book.live().map((s) => s.name),
    paint: (sheet, row, col, argb) => {
      const { s, r, c } = at(sheet, row, col);
      s.setFill(r, c, { color: `#${argb.slice(2)}`, pattern: 'Solid' });
    },
  };
}

/** The contract's workbook, built as the Excel double builds it, opened in the WPS double. */
export const makeWpsHost: MakeHost = async (spec) => wpsUnderTest(new WpsDouble(ExcelDouble.fromSpec(spec).book));
