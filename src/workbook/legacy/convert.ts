/**
 * The converter: SheetJS (the maintained 0.20 line, republished as @e965/xlsx: see
 * docs/DECISIONS.md) parses the legacy workbook once; the engine gets its grid straight from
 * SheetJS's cells, and the marked copy starts from SheetJS's .xlsx of the same workbook. This
 * module is only ever loaded through ./open.ts, so SheetJS stays out of every main bundle.
 */
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel';
import type { WorkbookGrid } from '../../domain/grid';
import { FileError } from '../file/file-error';
import type { LegacyFormat } from './format';
import { gridOfBook } from './sheetjs-grid';

// Text in pre-97 .xls (BIFF5) is in the file's code page, GBK for a Chinese office.
XLSX.set_cptable(cptable);

/** A note (comment) of the file, 0-based. */
export interface LegacyNote {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

export interface LegacyBook {
  format: LegacyFormat;
  grid: WorkbookGrid;
  notes: LegacyNote[];
  /** The same workbook as .xlsx: values, number formats, formulas, merges, widths, hidden rows. */
  toXlsx(): Uint8Array;
}

export function readLegacyBook(bytes: Uint8Array, format: LegacyFormat): LegacyBook {
  const wb = parse(bytes, format);
  const notes = cleanNotes(wb);
  return { format, grid: gridOfBook(wb), notes, toXlsx: () => writeXlsx(wb, format) };
}

function parse(bytes: Uint8Array, format: LegacyFormat): XLSX.WorkBook {
  try {
    return quietly(() =>
      XLSX.read(bytes, {
        type: 'array',
        dense: true,
        cellFormula: true,
        cellNF: true,
        cellStyles: true,
        cellDates: false,
        cellText: false,
      }),
    );
  } catch (e) {
    if (e instanceof Error && /password|encrypt/i.test(e.message))
      throw new FileError('converted-password', { format });
    throw new FileError('converted-unreadable', { format });
  }
}

/** Excel's rule for sheet names, which an .ods need not follow and SheetJS's writer does not check. */
const EXCEL_SHEET_NAME = /^(?!')[^\\/?*:[\]]{1,31}(?<!')$/;

function writeXlsx(wb: XLSX.WorkBook, format: LegacyFormat): Uint8Array {
  if (!wb.SheetNames.every((name) => EXCEL_SHEET_NAME.test(name)))
    throw new FileError('converted-sheet-name', { format });
  // SheetJS's writer expects a row array for every row of a dense sheet; the readers leave holes.
  for (const name of wb.SheetNames) {
    const data = wb.Sheets[name]['!data'];
    if (data) for (let r = 0; r < data.length; r++) data[r] ??= [];
  }
  try {
    return new Uint8Array(
      quietly(
        () => XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true, cellStyles: true }) as ArrayBuffer,
      ),
    );
  } catch {
    throw new FileError('converted-unwritable', { format });
  }
}

/**
 * The notes, cleaned: SheetJS reads an .xls note's text with the bytes after it up to the
 * record's end (NUL and formatting runs), so a note ends at the first NUL; other control
 * characters XML cannot hold go.
 */
function cleanNotes(wb: XLSX.WorkBook): LegacyNote[] {
  const found: LegacyNote[] = [];
  for (const sheet of wb.SheetNames) {
    (wb.Sheets[sheet]['!data'] ?? []).forEach((cells, row) =>
      (cells ?? []).forEach((cell, col) => {
        for (const note of cell?.c ?? []) {
          if (typeof note.t !== 'string') continue;
          // eslint-disable-next-line no-control-regex -- control characters are what is removed
          note.t = note.t.split('\u0000')[0].replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f]/g, '');
          found.push({ sheet, row, col, text: note.t });
        }
      }),
    );
  }
  return found;
}

/** SheetJS reports details it approximates on the console; the clerk's terminal is no place for them. */
function quietly<T>(run: () => T): T {
  const { error, warn } = console;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}
