/**
 * The steps every shell runs (command line, task pane, ribbon), over any WorkbookHost: check,
 * mark, add a generated sheet. Keeping them here is what makes the file host and the Office host
 * produce the same marks and the same sheets.
 */
import type { ExternalIdIndex, ExternalList } from '../domain/engine';
import { checkKept } from '../domain/pipeline/recheck';
import { CodedError } from '../domain/coded-error';
import { RosterError } from '../domain/errors';
import type { WorkbookGrid } from '../domain/grid';
import type { Lang } from '../domain/messages';
import type { Policy } from '../domain/policy';
import type { CheckResult } from '../domain/types';
import type { GeneratedSheet } from './output/generated';
import type { MarkOutcome, ProgressFn, WorkbookHost } from './host';
import { marksFromResult } from './output/marks';
import { adjustmentSheet, publicitySheet, sampleSheet, summarySheet } from './output/sheets';

export interface CheckOptions {
  rosterSheet?: string;
  /** Check exactly these roster sheets (the clerk left others out, or --sheet given). */
  rosterSheets?: string[];
  /**
   * Sheets the clerk left out in the pane's sheet list: the engine does not see them. When that
   * leaves no roster at all (the workbook changed since), they are checked after all.
   */
  leaveOut?: string[];
  extraLists?: ExternalList[];
  externalIds?: ExternalIdIndex;
  onProgress?: ProgressFn;
}

/** Reads the whole workbook and checks it; RosterError (no roster found) passes through. */
export async function runCheck(
  host: WorkbookHost,
  policy: Policy,
  opts: CheckOptions = {},
): Promise<{ grid: WorkbookGrid; result: CheckResult }> {
  const grid = await host.readWorkbook(opts.onProgress);
  opts.onProgress?.({ phase: 'check', done: 0, total: 1 });
  const result = checkGrid(grid, policy, opts);
  opts.onProgress?.({ phase: 'check', done: 1, total: 1 });
  return { grid, result };
}

/**
 * Checks a workbook already read. The engine's phases are kept with the result (while the pane
 * holds it): 边改边查 re-checks an edit from them (domain/pipeline/recheck.ts).
 */
export function checkGrid(grid: WorkbookGrid, policy: Policy, opts: CheckOptions = {}): CheckResult {
  const check = (workbook: WorkbookGrid) =>
    checkKept({
      workbook,
      policy,
      rosterSheet: opts.rosterSheet,
      rosterSheets: opts.rosterSheets,
      extraLists: opts.extraLists,
      externalIds: opts.externalIds,
    });
  const left = new Set(opts.leaveOut ?? []);
  if (left.size === 0) return check(grid);
  try {
    return check({ ...grid, sheets: grid.sheets.filter((s) => !left.has(s.name)) });
  } catch (e) {
    if (!(e instanceof RosterError)) throw e;
    return check(grid);
  }
}

/** Marks every cell at fault (earlier marks are cleared first by the host). */
export async function markResult(
  host: WorkbookHost,
  result: CheckResult,
  lang: Lang = 'zh',
  onProgress?: ProgressFn,
): Promise<MarkOutcome> {
  return host.mark(marksFromResult(result, lang), onProgress);
}

export type SheetKind = 'adjustments' | 'sample' | 'summary' | 'publicity';

export const SHEET_KINDS: readonly SheetKind[] = ['adjustments', 'sample', 'summary', 'publicity'];

export interface SheetOptions {
  /** Households the clerk left out of the adjustments (indices into result.households). */
  exclude?: ReadonlySet<number>;
  /** 填报日期 of the adjustment roster, YYYY-MM-DD (default: the policy's reference date). */
  date?: string;
  /** 核查汇总 with every finding listed (where the host cannot attach notes). */
  includeFindings?: boolean;
}

export function buildSheet(
  kind: SheetKind,
  result: CheckResult,
  policy: Policy,
  opts: SheetOptions = {},
): GeneratedSheet {
  // The values the check used (county, township, date read from the roster's title lines).
  return { ...sheetContent(kind, result, result.policy ?? policy, opts), kind };
}

function sheetContent(kind: SheetKind, result: CheckResult, policy: Policy, opts: SheetOptions): GeneratedSheet {
  switch (kind) {
    case 'adjustments':
      return adjustmentSheet(result, policy, { exclude: opts.exclude, date: opts.date });
    case 'sample':
      return sampleSheet(result, policy);
    case 'summary':
      return summarySheet(result, policy, { includeFindings: opts.includeFindings });
    case 'publicity':
      return publicitySheet(result, policy, { exclude: opts.exclude });
  }
}

/**
 * Writes the sheet, replacing the one of the same kind we generated earlier (never a sheet of the
 * clerk's), and returns the name used.
 */
export async function addGeneratedSheet(
  host: WorkbookHost,
  kind: SheetKind,
  result: CheckResult,
  policy: Policy,
  opts: SheetOptions = {},
): Promise<string> {
  const sheet = buildSheet(kind, result, policy, opts);
  if (kind === 'adjustments' && sheet.body.length === 0 && result.adjustments.length > 0) throw new NothingToGenerate();
  return host.addSheet(sheet);
}

/**
 * The clerk left every proposed adjustment out: an empty roster would be a mistake, so it is
 * refused. (A check with no adjustment at all still writes its empty form, 合计 0户, as a record
 * that this review changed nothing.)
 */
export class NothingToGenerate extends CodedError<'nothing-to-generate'> {
  constructor() {
    super('NothingToGenerate', 'nothing-to-generate', undefined);
  }
}
