/**
 * The WPS host: the WorkbookHost port over WPS 表格's ET object model (window.Application inside
 * a WPS JS add-in). ET's calls are synchronous; the port's promises only keep the shells
 * unchanged. Screen updating is off while a mark, clear or new sheet is written, and back on
 * afterwards whatever happens. The work itself lives in wps-*.ts.
 */
import { a1, type WorkbookGrid } from '../../domain/grid';
import type { GeneratedSheet } from '../output/generated';
import { MARK_RECORD_SHEET, type CellMark, type MarkOutcome, type ProgressFn, type WorkbookHost } from '../host';
import type { EtApplication } from './et';
import { activeWorkbook, readWorkbookEt } from './wps-read';
import { clearEt, deleteSheet, findSheet, markEt } from './wps-marks';
import { addSheetEt } from './wps-sheet';
import { fillOfRange } from './wps-ranges';
import { NO_FILL } from '../output/record-values';

export class WpsHost implements WorkbookHost {
  constructor(private readonly app: EtApplication) {}

  /** "WPS 表格 12.1.0.xxxxx" for the self-test's report. */
  describe(): { name: string; version: string } {
    const app = this.app;
    const build = app.Build === undefined ? '' : String(app.Build);
    const version = String(app.Version ?? '');
    return {
      name: String(app.Name || 'WPS 表格'),
      version: build && !version.includes(build) ? `${version} (${build})` : version,
    };
  }

  private quietly<T>(work: () => T): T {
    const app = this.app;
    const before = app.ScreenUpdating;
    app.ScreenUpdating = false;
    try {
      return work();
    } finally {
      app.ScreenUpdating = before;
    }
  }

  async readWorkbook(onProgress?: ProgressFn): Promise<WorkbookGrid> {
    return readWorkbookEt(this.app, onProgress);
  }

  async mark(marks: CellMark[], onProgress?: ProgressFn): Promise<MarkOutcome> {
    return this.quietly(() => markEt(this.app, marks, onProgress));
  }

  async clearMarks(): Promise<number> {
    return this.quietly(() => clearEt(this.app));
  }

  async addSheet(sheet: GeneratedSheet): Promise<string> {
    return this.quietly(() => addSheetEt(this.app, sheet));
  }

  /** Whether the workbook carries marks (a record of them). */
  async hasMarks(): Promise<boolean> {
    return findSheet(activeWorkbook(this.app), MARK_RECORD_SHEET) !== undefined;
  }

  /** Delete a sheet this tool made (the self-test's temporary sheets). */
  async deleteSheet(name: string): Promise<void> {
    const ws = findSheet(activeWorkbook(this.app), name);
    if (ws) this.quietly(() => deleteSheet(this.app, ws));
  }

  /** A cell's fill and note as the self-test looks at them. 1-based. */
  async inspectCell(sheet: string, row: number, col: number): Promise<{ fill: string; note?: string }> {
    const ws = activeWorkbook(this.app).Worksheets.Item(sheet);
    const cell = ws.Range(a1(row - 1, col - 1));
    const f = fillOfRange(cell) ?? NO_FILL;
    const fill = f.pattern === 'None' ? 'none' : f.pattern === 'Solid' ? f.color : 'other';
    const comment = cell.Comment;
    return comment ? { fill, note: comment.Text() } : { fill };
  }

  /** Bring a cell into view (clicking a finding in the pane). 1-based. */
  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    const ws = activeWorkbook(this.app).Worksheets.Item(sheet);
    ws.Activate();
    ws.Range(a1(row - 1, col - 1)).Select();
  }
}
