/**
 * The Office.js host: the WorkbookHost port over Excel.run, used by the task pane and the ribbon
 * commands inside Excel. Batched and chunked (a handful of syncs whatever the roster's size) and
 * restorable (marks are recorded in the workbook). The work itself lives in office-*.ts.
 *
 * Requirement sets: ExcelApi 1.9 is the minimum (manifest); merged areas (1.13), notes (1.18) and
 * comments (1.10) are used only where Office.context.requirements.isSetSupported says so.
 */
import { CodedError } from '../../domain/coded-error';
import type { WorkbookGrid } from '../../domain/grid';
import type { GeneratedSheet } from '../output/generated';
import type { CellMark, MarkOutcome, ProgressFn, WorkbookHost } from '../host';
import { clearIn, markIn, markRowsIn, renameMarksIn, shiftMarksIn } from './office-marks';
import type { LiveHost, RowMarkOutcome, RowSet, WorkbookChange } from '../live';
import type { CellShift } from '../cell-shift';
import { readRowsIn, watchIn, type RunIn } from './office-live';
import { readWorkbookIn, type Supports } from './office-read';
import { addSheetIn } from './office-sheet';
import { a1 } from '../../domain/grid';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  /** Excel.run, or a test double's. */
  run?: ExcelRun;
  /** Excel.run(context, batch): going on in an existing context (removing event handlers). */
  runIn?: RunIn;
  /** Office.context.requirements.isSetSupported, or a test double's. */
  isSetSupported?: (name: string, version?: string) => boolean;
  /**
   * Send nothing more to Excel after this time (ms by `now`, default Date.now): a ribbon command
   * is ended by Excel after 5 minutes, and must stop on its own first to tell the clerk.
   */
  deadline?: { at: number; now?: () => number };
}

/** What the host was doing when its time ran out. */
export type HostStep = 'read' | 'mark' | 'clear' | 'sheet' | 'watch';

/** The host stopped before its deadline (OfficeHostOptions.deadline); nothing more was sent. */
export class OutOfTimeError extends CodedError<'out-of-time'> {
  constructor(public readonly step: HostStep) {
    // The words say whether the step may have done part of its work (error-texts.ts).
    super('OutOfTimeError', 'out-of-time', { step });
  }
}

export class OfficeHost implements WorkbookHost, LiveHost {
  private readonly excelRun: ExcelRun;
  private readonly excelRunIn: RunIn;
  private readonly supports: Supports;
  private readonly deadline?: { at: number; now: () => number };

  constructor(options: OfficeHostOptions = {}) {
    this.excelRun = options.run ?? ((batch) => Excel.run(batch));
    this.excelRunIn = options.runIn ?? ((context, batch) => Excel.run(context, batch));
    if (options.deadline) this.deadline = { now: Date.now, ...options.deadline };
    const isSetSupported =
      options.isSetSupported ??
      ((name: string, version?: string) => Office.context.requirements.isSetSupported(name, version));
    this.supports = (version) => isSetSupported('ExcelApi', version);
  }

  /** Excel.run, with every sync checked against the deadline first. */
  private run<T>(step: HostStep, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const deadline = this.deadline;
    if (!deadline) return this.excelRun(batch);
    return this.excelRun((ctx) => {
      const sync = ctx.sync.bind(ctx);
      ctx.sync = (<V>(value?: V) => {
        if (deadline.now() > deadline.at) return Promise.reject(new OutOfTimeError(step));
        return sync(value);
      }) as typeof ctx.sync;
      return batch(ctx);
    });
  }

  readWorkbook(onProgress?: ProgressFn): Promise<WorkbookGrid> {
    return this.run('read', (ctx) => readWorkbookIn(ctx, this.supports, onProgress));
  }

  mark(marks: CellMark[], onProgress?: ProgressFn): Promise<MarkOutcome> {
    return this.run('mark', (ctx) => markIn(ctx, this.supports, marks, onProgress));
  }

  clearMarks(): Promise<number> {
    return this.run('clear', (ctx) => clearIn(ctx, this.supports));
  }

  addSheet(sheet: GeneratedSheet): Promise<string> {
    return this.run('sheet', (ctx) => addSheetIn(ctx, sheet));
  }

  watchChanges(onChange: (c: WorkbookChange) => void): Promise<() => Promise<void>> {
    return watchIn(this.excelRun, this.excelRunIn, this.supports, onChange);
  }

  readRows(requests: { sheetId: string; rows: [number, number][] }[], only?: (sheet: string) => boolean) {
    return this.run('read', (ctx) => readRowsIn(ctx, requests, only));
  }

  markRows(marks: CellMark[], rows: RowSet): Promise<RowMarkOutcome> {
    return this.run('mark', (ctx) => markRowsIn(ctx, this.supports, marks, rows));
  }

  renameMarks(from: string, to: string): Promise<void> {
    return this.run('mark', (ctx) => renameMarksIn(ctx, from, to));
  }

  shiftMarks(sheetId: string, shift: CellShift): Promise<void> {
    return this.run('mark', (ctx) => shiftMarksIn(ctx, sheetId, shift));
  }

  sheets(): Promise<{ id: string; name: string }[]> {
    return this.run('read', async (ctx) => {
      const ws = ctx.workbook.worksheets.load('items/id,items/name');
      await ctx.sync();
      return ws.items.map((w) => ({ id: w.id, name: w.name }));
    });
  }

  /** Select a cell and bring its sheet to the front (clicking a finding in the pane). 1-based. */
  selectCell(sheet: string, row: number, col: number): Promise<void> {
    return this.run('read', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1(row - 1, col - 1)).select();
      await ctx.sync();
    });
  }
}
