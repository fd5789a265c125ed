/**
 * A legacy workbook as a host: checks read the grid converted straight from the file; marks and
 * generated sheets go into an .xlsx copy of it (made on the first mark, through the same
 * FileWorkbook as an .xlsx), which is what the clerk saves as <name>.checked.xlsx. The file
 * itself is only ever read.
 */
import type { WorkbookGrid } from '../../domain/grid';
import { FileWorkbook } from '../file/file';
import type { GeneratedSheet } from '../output/generated';
import type { CellMark, MarkOutcome, ProgressFn, WorkbookHost } from '../host';
import { readLegacyBook, type LegacyBook, type LegacyNote } from './convert';
import type { LegacyFormat } from './format';

export class ConvertedWorkbook implements WorkbookHost {
  private file?: Promise<FileWorkbook>;
  private bytes?: Uint8Array;

  private constructor(private readonly book: LegacyBook) {}

  static open(bytes: Uint8Array, format: LegacyFormat): ConvertedWorkbook {
    return new ConvertedWorkbook(readLegacyBook(bytes, format));
  }

  get convertedFrom(): LegacyFormat {
    return this.book.format;
  }

  /**
   * Always the file's own content: the sheets the tool adds to the copy are outputs, not rosters
   * (and marks change no value).
   */
  async readWorkbook(onProgress?: ProgressFn): Promise<WorkbookGrid> {
    const grid = this.book.grid;
    const rows = grid.sheets.reduce((n, s) => n + s.rows.length, 0);
    onProgress?.({ phase: 'read', done: rows, total: rows });
    return grid;
  }

  /** The workbook as .xlsx, unmarked (the command line patches it: src/workbook/xlsx/patch.ts). */
  xlsx(): Uint8Array {
    this.bytes ??= this.book.toXlsx();
    return this.bytes;
  }

  /** The .xlsx copy, in ExcelJS, that receives the marks and sheets here. */
  copy(): Promise<FileWorkbook> {
    this.file ??= FileWorkbook.load(this.xlsx()).then((file) => withNotes(file, this.book.notes));
    return this.file;
  }

  async mark(marks: CellMark[], onProgress?: ProgressFn): Promise<MarkOutcome> {
    return (await this.copy()).mark(marks, onProgress);
  }

  async clearMarks(): Promise<number> {
    return (await this.copy()).clearMarks();
  }

  async addSheet(sheet: GeneratedSheet): Promise<string> {
    return (await this.copy()).addSheet(sheet);
  }

  async toBuffer(): Promise<Uint8Array> {
    return (await this.copy()).toBuffer();
  }
}

/**
 * The clerk's notes, set again: ExcelJS reads a note only as formatted runs, and SheetJS writes
 * plain text (which Excel and the patching writer read).
 */
function withNotes(file: FileWorkbook, notes: LegacyNote[]): FileWorkbook {
  for (const n of notes) {
    const ws = file.workbook.getWorksheet(n.sheet);
    if (ws) ws.getCell(n.row + 1, n.col + 1).note = n.text;
  }
  return file;
}
