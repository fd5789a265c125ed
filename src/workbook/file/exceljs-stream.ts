/**
 * ExcelJS's streaming reader as the command line uses it, in a module of its own so the bench's
 * bare read (bench/bare-read.ts), the yardstick for `check --no-out`, reads with exactly these
 * options without loading the rest of the tool.
 */
import type ExcelJS from 'exceljs';

/** Shared strings and styles cached: dates need the number formats; nothing else is kept. */
export const STREAMING_READER_OPTIONS: Readonly<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> = {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
};
