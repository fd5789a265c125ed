/**
 * The WPS host over the WPS double as a HostUnderTest of the host contract
 * (test/support/host-contract.ts), looking into the double's BookState as the Office host's does.
 */
import { WpsHost } from '../../src/workbook/wps/wps';
import type { EtApplication } from '../../src/workbook/wps/et';
import { ExcelDouble } from './excel-double';
import { bookProbes } from './book-probes';
import type { HostUnderTest, MakeHost } from './host-contract';
import { WpsDouble } from './wps-double';

export const etOf = (d: WpsDouble) => d.Application as unknown as EtApplication;

export function wpsUnderTest(double: WpsDouble): HostUnderTest & { double: WpsDouble } {
  const host = new WpsHost(etOf(double));
  return {
    double,
    host,
    reopen: async () => wpsUnderTest(double.reopen()),
    ...bookProbes(
      () => double.book,
      (s, a1) => s.notes.get(a1),
    ),
  };
}

/** The contract's workbook, built as the Excel double builds it, opened in the WPS double. */
export const makeWpsHost: MakeHost = async (spec) => wpsUnderTest(new WpsDouble(ExcelDouble.fromSpec(spec).book));
