/**
 * What the pane can ask of a workbook. The components only ever call these; the shells build
 * them: OfficeShell over the live workbook in Excel, StandaloneShell over an .xlsx file opened in
 * the browser. This is what lets the same pane run unchanged in both places.
 */
import type { WorkbookGrid } from '../domain/grid';
import type { Lang } from '../domain/messages';
import type { Policy } from '../domain/policy';
import type { CheckResult, Finding, HouseholdSummary, SampleEntry } from '../domain/types';
import type { SheetKind, SheetOptions } from '../workbook/actions';
import type { MarkOutcome, ProgressFn } from '../workbook/host';
import type { SelfTestReport } from '../workbook/self-test';
import type { LegacyFormat } from '../workbook/legacy/format';
import type { LiveHost } from '../workbook/live';
import type { FindingsView } from './model/findingRows';
import type { RowCell } from './model/rowCells';

/** The sheets the pane can add: adjustments 调整花名册, sample 抽查名单, summary 核查汇总, publicity 公示名单. */
export type { SheetKind, SheetOptions };

/**
 * A check's result as the pane holds it: inside Excel the whole result (the check ran here); on the
 * web page without its per-household lists (households, sample), which stay in the worker with the
 * grid — the pane shows them only through the worker's answers (heldBack, report), and cloning
 * 20,000 households' objects across was the larger part of the time from result to counts (#12).
 */
export type PaneResult = Omit<CheckResult, 'households' | 'sample'> & {
  households?: HouseholdSummary[];
  sample?: SampleEntry[];
};

/** Whether the pane holds the whole result (it ran in-process). */
export function isWhole(result: PaneResult): result is CheckResult {
  return result.households !== undefined && result.sample !== undefined;
}

/** The whole result, for work done where the check ran in-process. */
export function wholeResult(result: PaneResult): CheckResult {
  if (!isWhole(result)) throw new Error('the check result is kept where the check ran');
  return result;
}

/** A household 公示名单 leaves out (unresolved errors), as the pane names it. */
export interface HeldBack {
  row: number;
  headName: string;
}

export interface CheckOutcome {
  result: PaneResult;
  /** The visible sheets, for choosing another roster sheet (更换). */
  sheets: string[];
  /** What was read, so an opened finding can show its row's cells. */
  grid?: WorkbookGrid;
  /** The findings list made where the check ran (the web page's worker), in the language asked for. */
  view?: FindingsView;
}

export interface PaneActions {
  /**
   * Read the workbook and check it; `rosterSheet` overrides the sheet the engine would pick;
   * `leaveOut` names roster sheets the clerk unticked in the sheet list; `lang` is the language of
   * the findings list, where the host makes it (findingsView).
   */
  check(
    policy: Policy,
    onProgress: ProgressFn,
    rosterSheet?: string,
    leaveOut?: string[],
    lang?: Lang,
  ): Promise<CheckOutcome>;
  /** Mark the cells at fault (earlier marks are replaced). */
  mark(result: PaneResult, lang: Lang, onProgress: ProgressFn): Promise<MarkOutcome>;
  /** Restore every marked cell; returns how many. */
  clear(): Promise<number>;
  /** Add a generated sheet (options: households left out, findings listed); returns the name used. */
  generate(kind: SheetKind, result: PaneResult, policy: Policy, opts: SheetOptions): Promise<string>;
  /**
   * Standalone: the cells of the row of finding `index` (of the last result). The web page's grid
   * stays in its worker; without this the pane reads the row from CheckOutcome.grid.
   */
  rowCells?(index: number): Promise<RowCell[]>;
  /**
   * Standalone: the findings list of the last result in another language, made in the worker (the
   * pane makes its own where this is missing: inside Excel there is no other thread).
   */
  findingsView?(lang: Lang): Promise<FindingsView>;
  /**
   * Standalone: the households 公示名单 leaves out (publicityHeldBack), from the worker's result;
   * without this the pane finds them in its own.
   */
  heldBack?(exclude: ReadonlySet<number>): Promise<HeldBack[]>;
  /** Standalone: the JSON report of the last result (as --report writes it), made in the worker. */
  report?(policy: Policy): Promise<Uint8Array>;
  /** Show the finding's cell in the workbook (inside Excel: activate the sheet, select the cell). */
  select?(finding: Finding): Promise<void>;
  /** Standalone only: open a workbook chosen by the clerk; resolves when it is ready to check. */
  open?(file: File): Promise<void>;
  /** Standalone only: save the workbook (with marks and generated sheets); returns the file name. */
  download?(): Promise<string>;
  /** 自检: exercise the host on a temporary sheet and report each capability (Excel and WPS). */
  selfTest?(): Promise<SelfTestReport>;
  /** Inside Excel: the workbook's edits can be watched, for 边改边查. */
  live?: LiveHost;
  /** Whether there is a workbook to act on (inside Excel always; standalone after a file is opened). */
  ready: boolean;
  /** Name of the opened file (standalone). */
  fileName?: string;
  /** Standalone: the opened file was an .xls/.xlsb/.ods/.et, converted (the download is .xlsx). */
  convertedFrom?: LegacyFormat;
}

/** A check's result with the sheets the clerk may pick as the roster instead. */
export function outcome(run: { grid: WorkbookGrid; result: CheckResult }): CheckOutcome {
  return { result: run.result, sheets: run.grid.sheets.filter((s) => !s.hidden).map((s) => s.name), grid: run.grid };
}
