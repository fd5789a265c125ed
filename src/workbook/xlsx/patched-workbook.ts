/**
 * A workbook host over an .xlsx package in memory, for the web page's worker: read by the own
 * reader (read-package.ts), and written only when the clerk saves (下载结果), by the patching
 * writer (patch.ts) — the same marked copy the command line makes, and nothing of the file is
 * ever expanded into cell objects. Marks and generated sheets are kept as requests until then.
 * No Node API here.
 */
import type { WorkbookGrid } from '../../domain/grid';
import type { GeneratedSheet } from '../output/generated';
import { GENERATED_RECORD_SHEET, readGeneratedRecord } from '../output/generated-record';
import { MARK_RECORD_SHEET, type CellMark, type MarkOutcome, type ProgressFn, type WorkbookHost } from '../host';
import { XlsxPackage, type Codec } from './package';
import { nameSheets, patchWorkbook } from './patch';
import { readRecordPart, readSheetRows } from './patch-record';
import { WORKSHEET_TYPE, workbookSheets, type ListedSheet } from './patch-workbook';
import { readPackageGrid, type PackageReadOptions } from './read-package';

export interface PatchedWorkbookOptions {
  codec: Codec;
  /** The reader's limits (bytes inflated, cells kept) and the file's name for its messages. */
  limits: Omit<PackageReadOptions, 'onProgress'>;
  /** The grid when it comes from elsewhere (a converted .xls: the converter's own grid). */
  grid?: WorkbookGrid;
}

interface Listing {
  /** The workbook's own sheets (the tool's two records left out). */
  own: ListedSheet[];
  /** Kind → name of the sheets generated earlier. */
  generated: Map<string, string>;
  /** Cells in the earlier mark record. */
  recorded: number;
}

export class PatchedWorkbook implements WorkbookHost {
  private pkg?: XlsxPackage;
  private listing?: Promise<Listing>;
  /** undefined: the clerk has not marked or cleared; the earlier marks stay as they are. */
  private marks?: CellMark[];
  private readonly sheets: GeneratedSheet[] = [];

  /** `source` gives the .xlsx bytes (called once; a converted file is converted on first need). */
  constructor(
    private readonly source: () => Uint8Array,
    private readonly opts: PatchedWorkbookOptions,
  ) {}

  private get package(): XlsxPackage {
    this.pkg ??= new XlsxPackage(this.source(), this.opts.codec);
    return this.pkg;
  }

  async readWorkbook(onProgress?: ProgressFn): Promise<WorkbookGrid> {
    if (this.opts.grid) {
      const rows = this.opts.grid.sheets.reduce((n, s) => n + s.rows.length, 0);
      onProgress?.({ phase: 'read', done: rows, total: rows });
      return this.opts.grid;
    }
    return readPackageGrid(this.package, { ...this.opts.limits, onProgress });
  }

  async mark(marks: CellMark[], onProgress?: ProgressFn): Promise<MarkOutcome> {
    const sheets = new Set((await this.list()).own.filter((s) => s.type === WORKSHEET_TYPE).map((s) => s.name));
    const seen = new Set<string>();
    const kept: CellMark[] = [];
    for (const m of marks) {
      const key = `${m.sheet}\u0000${m.row}\u0000${m.col}`;
      if (!sheets.has(m.sheet) || seen.has(key)) continue;
      seen.add(key);
      kept.push(m);
    }
    this.marks = kept;
    onProgress?.({ phase: 'mark', done: kept.length, total: kept.length });
    return { cells: kept.length, notes: true };
  }

  /** The cells whose marks go: the ones marked here, or else the earlier record's. */
  async clearMarks(): Promise<number> {
    const n = this.marks ? this.marks.length : (await this.list()).recorded;
    this.marks = [];
    return n;
  }

  /** A sheet of the same kind asked for earlier is replaced; the name is the one the copy will have. */
  async addSheet(sheet: GeneratedSheet): Promise<string> {
    const at = sheet.kind ? this.sheets.findIndex((s) => s.kind === sheet.kind) : -1;
    if (at >= 0) this.sheets[at] = sheet;
    else this.sheets.push(sheet);
    const { own, generated } = await this.list();
    const { named } = nameSheets(own, new Map(generated), this.sheets);
    return named.find((n) => n.sheet === sheet)!.name;
  }

  /** The marked copy; throws Unpatchable for a package the patcher does not take. */
  async toBuffer(): Promise<Uint8Array> {
    return (await patchWorkbook(this.package, { marks: this.marks, sheets: this.sheets })).bytes;
  }

  /** What was asked of this workbook, for making the same copy another way (ExcelJS). */
  requests(): { marks?: CellMark[]; sheets: GeneratedSheet[] } {
    return { marks: this.marks, sheets: [...this.sheets] };
  }

  private list(): Promise<Listing> {
    this.listing ??= (async () => {
      const pkg = this.package;
      const text = async (name: string) => {
        const part = pkg.part(name);
        return part ? pkg.text(part) : '';
      };
      const listed = workbookSheets(await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels'));
      const record = listed.find((s) => s.name === MARK_RECORD_SHEET);
      const generatedSheet = listed.find((s) => s.name === GENERATED_RECORD_SHEET);
      return {
        own: listed.filter((s) => s !== record && s !== generatedSheet),
        generated: readGeneratedRecord(generatedSheet ? await readSheetRows(pkg, generatedSheet.part) : []),
        recorded: record ? (await readRecordPart(pkg, record.part)).length : 0,
      };
    })();
    return this.listing;
  }
}
