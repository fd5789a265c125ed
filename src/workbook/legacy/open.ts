/**
 * The one way into the converter: callers (command line, web page) learn the format with
 * ./format.ts, which loads nothing, and come here only for a legacy file. SheetJS (~1 MB) is
 * loaded on that first use: on the web page as its own chunk (never in the add-in), on the
 * command line and in tests by require() at that moment.
 */
import type { ConvertedWorkbook } from './converted';
import type { LegacyFormat } from './format';

export type { ConvertedWorkbook } from './converted';

type Converter = typeof import('./converted');

/** Defined in webpack's bundles only. */
declare const __webpack_require__: unknown;

export async function openLegacyWorkbook(bytes: Uint8Array, format: LegacyFormat): Promise<ConvertedWorkbook> {
  const { ConvertedWorkbook } = await loadConverter();
  return ConvertedWorkbook.open(bytes, format);
}

/**
 * webpack decides the condition while building (and drops the require), so the page gets a
 * split point; Node and jest, where import() of a .ts file from CommonJS does not work, require.
 */
function loadConverter(): Promise<Converter> {
  return typeof __webpack_require__ === 'function'
    ? import(/* webpackChunkName: "legacy" */ './converted.js')
    : // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
      Promise.resolve(require('./converted') as Converter);
}
