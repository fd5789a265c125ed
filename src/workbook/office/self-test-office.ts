/**
 * The self-test's needs inside Excel, beside the Office host: the host's name and version
 * (Office.context.diagnostics), whether marks are there, deleting the temporary sheets, and one
 * cell's fill and note.
 */
import { a1 } from '../../domain/grid';
import { MARK_RECORD_SHEET } from '../host';
import { OfficeHost, type ExcelRun, type OfficeHostOptions } from './office';
import type { SelfTestHost } from '../self-test';

/** Office.context.diagnostics, or a test's. */
type Diagnostics = { platform?: unknown; version?: unknown };

export class OfficeSelfTestHost extends OfficeHost implements SelfTestHost {
  private readonly excel: ExcelRun;
  private readonly notes: boolean;

  constructor(options: OfficeHostOptions & { diagnostics?: Diagnostics } = {}) {
    super(options);
    this.excel = options.run ?? ((batch) => Excel.run(batch));
    const isSetSupported =
      options.isSetSupported ??
      ((name: string, version?: string) => Office.context.requirements.isSetSupported(name, version));
    this.notes = isSetSupported('ExcelApi', '1.18');
    this.diagnostics = options.diagnostics ?? (typeof Office !== 'undefined' ? Office.context?.diagnostics : undefined);
  }

  private readonly diagnostics?: Diagnostics;

  describe(): { name: string; version: string } {
    const d = this.diagnostics;
    return { name: `Excel${d?.platform ? ` (${String(d.platform)})` : ''}`, version: String(d?.version ?? '') };
  }

  hasMarks(): Promise<boolean> {
    return this.excel(async (ctx) => {
      const rec = ctx.workbook.worksheets.getItemOrNullObject(MARK_RECORD_SHEET);
      await ctx.sync();
      return !rec.isNullObject;
    });
  }

  deleteSheet(name: string): Promise<void> {
    return this.excel(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      await ctx.sync();
      if (ws.isNullObject) return;
      ws.delete();
      await ctx.sync();
    });
  }

  inspectCell(sheet: string, row: number, col: number): Promise<{ fill: string; note?: string }> {
    return this.excel(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const address = a1(row - 1, col - 1);
      const fill = ws.getRange(address).format.fill.load('color,pattern');
      const note = this.notes ? ws.notes.getItemOrNullObject(address).load('content') : undefined;
      await ctx.sync();
      const kind =
        fill.pattern === 'None' || fill.pattern == null
          ? 'none'
          : fill.pattern === 'Solid'
            ? fill.color.toUpperCase()
            : 'other';
      return note && !note.isNullObject ? { fill: kind, note: note.content } : { fill: kind };
    });
  }
}
