/**
 * Opening a workbook chosen on the web page: an .xlsx as it is; an .xls, .xlsb, .ods or .et
 * through the converter, whose code (SheetJS) is fetched from the page's own folder only then.
 */
import { FileWorkbook } from './file';
import type { WorkbookHost } from '../host';
import { legacyFormatOf, type LegacyFormat } from '../legacy/format';
import { openLegacyWorkbook } from '../legacy/open';
import { bufferSource } from './zip-guard';

export interface OpenedWorkbook {
  host: WorkbookHost & { toBuffer(): Promise<Uint8Array> };
  /** Set when the file was converted: its marked copy is an .xlsx all the same. */
  convertedFrom?: LegacyFormat;
}

export async function openWorkbookBytes(bytes: Uint8Array, name: string): Promise<OpenedWorkbook> {
  const format = legacyFormatOf(bufferSource(bytes), name, FileWorkbook.limits);
  if (!format) return { host: await FileWorkbook.load(bytes) };
  return { host: await openLegacyWorkbook(bytes, format), convertedFrom: format };
}
