/**
 * What the web page's worker does with the clerk's file, the way the command line does it: an
 * .xlsx is read by the own reader and its marked copy made by the patching writer; an .xls, .xlsb,
 * .ods or .et is converted (SheetJS) and its .xlsx patched the same way. Only a package the own
 * reader or the patcher does not handle goes to ExcelJS (after its pre-scan, which refuses what
 * ExcelJS would expand), as on the command line. Runs in the worker, or in-process in tests.
 */
import type { WorkbookGrid } from '../../domain/grid';
import type { Lang } from '../../domain/messages';
import type { Policy } from '../../domain/policy';
import type { CheckResult } from '../../domain/types';
import { addGeneratedSheet, markResult, runCheck, type SheetKind, type SheetOptions } from '../../workbook/actions';
import { errorCode } from '../../workbook/error-text';
import { FileError } from '../../workbook/file/file-error';
import type { GeneratedSheet } from '../../workbook/output/generated';
import type { CellMark, MarkOutcome, ProgressFn, WorkbookHost } from '../../workbook/host';
import { legacyFormatOf, type LegacyFormat } from '../../workbook/legacy/format';
import { openLegacyWorkbook } from '../../workbook/legacy/open';
import { cellBudgetFor } from '../../workbook/limits';
import type { Codec } from '../../workbook/xlsx/package';
import { PatchedWorkbook } from '../../workbook/xlsx/patched-workbook';
import { bufferSource, DEFAULT_ZIP_LIMITS, inspectWorkbookBytes } from '../../workbook/file/zip-guard';
import { buildReport, reportJson } from '../../workbook/output/report';
import type { HeldBack } from '../actions';
import { findingsView, type FindingsView } from '../model/findingRows';
import { heldBackHouseholds } from '../model/heldBack';
import { rowCells, type RowCell } from '../model/rowCells';

/** A host that can also save itself. */
type SavingHost = WorkbookHost & { toBuffer(): Promise<Uint8Array> };

/**
 * The heap a page's worker can count on (Chrome allows a tab's V8 heap about 4 GB on 64-bit
 * machines; a clerk's office PC has less memory to spare): the grid's cell budget follows from it.
 */
export const WORKER_HEAP_BYTES = 2 * 1024 ** 3;

export interface CheckSummary {
  result: CheckResult;
  /** Visible sheets (for 更换). */
  sheets: string[];
  /** The findings list's text and keys in the language asked for (the page does no per-finding work). */
  view?: FindingsView;
}

/** ExcelJS's host, loaded only when a file needs it (webpack: its own chunk). */
type FileModule = typeof import('../../workbook/file/file');

declare const __webpack_require__: unknown;

function loadFileHost(): Promise<FileModule> {
  return typeof __webpack_require__ === 'function'
    ? import(/* webpackChunkName: "filehost" */ '../../workbook/file/file.js')
    : // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
      Promise.resolve(require('../../workbook/file/file') as FileModule);
}

export class WebSession {
  private bytes?: Uint8Array;
  private name = '';
  private host?: SavingHost;
  private grid?: WorkbookGrid;
  private result?: CheckResult;

  constructor(private readonly codec: Codec) {}

  /** Checks the file's kind and size (nothing is inflated yet); a refused file throws FileError. */
  async open(bytes: Uint8Array, name: string): Promise<{ convertedFrom?: LegacyFormat }> {
    this.bytes = undefined;
    this.host = this.grid = this.result = undefined;
    const format = legacyFormatOf(bufferSource(bytes), name, DEFAULT_ZIP_LIMITS);
    if (format) {
      const converted = await openLegacyWorkbook(bytes, format);
      const grid = await converted.readWorkbook();
      this.host = withFallback(
        new PatchedWorkbook(() => converted.xlsx(), { codec: this.codec, limits: this.limits(name), grid }),
        async () => converted,
      );
    } else {
      inspectWorkbookBytes(bufferSource(bytes), DEFAULT_ZIP_LIMITS);
      this.host = withFallback(new PatchedWorkbook(() => bytes, { codec: this.codec, limits: this.limits(name) }), () =>
        excelJsHost(bytes, name),
      );
    }
    this.bytes = bytes;
    this.name = name;
    return { convertedFrom: format };
  }

  async check(
    policy: Policy,
    rosterSheet: string | undefined,
    onProgress?: ProgressFn,
    leaveOut?: string[],
    lang?: Lang,
  ): Promise<CheckSummary> {
    const { grid, result } = await runCheck(this.opened(), policy, { rosterSheet, onProgress, leaveOut });
    this.grid = grid;
    this.result = result;
    const sheets = grid.sheets.filter((s) => !s.hidden).map((s) => s.name);
    return { result, sheets, view: lang ? findingsView(result, lang) : undefined };
  }

  /** The findings list of the last result in another language. */
  view(lang: Lang): FindingsView {
    return findingsView(this.checked(), lang);
  }

  mark(lang: Lang, onProgress?: ProgressFn): Promise<MarkOutcome> {
    return markResult(this.opened(), this.checked(), lang, onProgress);
  }

  clear(): Promise<number> {
    return this.opened().clearMarks();
  }

  generate(kind: SheetKind, policy: Policy, opts: SheetOptions): Promise<string> {
    return addGeneratedSheet(this.opened(), kind, this.checked(), policy, opts);
  }

  /** The workbook with its marks and generated sheets, as .xlsx bytes. */
  save(): Promise<Uint8Array> {
    return this.opened().toBuffer();
  }

  /** The households 公示名单 leaves out with these households left out of the adjustments. */
  heldBack(exclude: ReadonlySet<number>): HeldBack[] {
    return heldBackHouseholds(this.checked(), exclude);
  }

  /** The JSON report of the last result, as the command line's --report writes it. */
  report(policy: Policy): Uint8Array {
    return reportJson(buildReport(this.checked(), policy, { maskIds: false }));
  }

  /** The cells of a finding's row, for the opened finding (the grid stays here, in the worker). */
  rowCells(finding: number): RowCell[] {
    const result = this.checked();
    const f = result.findings[finding];
    return f ? rowCells(this.grid, result, f) : [];
  }

  get fileName(): string {
    return this.name;
  }

  private limits(file: string) {
    return { maxBytes: DEFAULT_ZIP_LIMITS.maxTotalBytes, maxCells: cellBudgetFor(WORKER_HEAP_BYTES), file };
  }

  private opened(): SavingHost {
    if (!this.host || !this.bytes) throw new Error('no workbook opened');
    return this.host;
  }

  private checked(): CheckResult {
    if (!this.result) throw new Error('no result');
    return this.result;
  }
}

async function excelJsHost(bytes: Uint8Array, name: string): Promise<SavingHost> {
  const { FileWorkbook } = await loadFileHost();
  return FileWorkbook.load(bytes, name);
}

/**
 * The patched host, or — where the own reader or the patcher meets a package it does not handle
 * (not a refusal: those are FileErrors and stand) — the ExcelJS host, given the same requests.
 */
function withFallback(patched: PatchedWorkbook, other: () => Promise<SavingHost>): SavingHost {
  let fallback: SavingHost | undefined;
  const viaOther = async (): Promise<SavingHost> => {
    if (!fallback) {
      const host = await other();
      await replay(host, patched.requests());
      fallback = host;
    }
    return fallback;
  };
  const either = async <T>(work: (h: SavingHost) => Promise<T>): Promise<T> => {
    if (fallback) return work(fallback);
    try {
      return await work(patched);
    } catch (e) {
      if (e instanceof FileError || isDomainError(e)) throw e;
      return work(await viaOther());
    }
  };
  return {
    readWorkbook: (onProgress) => either((h) => h.readWorkbook(onProgress)),
    mark: (marks, onProgress) => either((h) => h.mark(marks, onProgress)),
    clearMarks: () => either((h) => h.clearMarks()),
    addSheet: (sheet) => either((h) => h.addSheet(sheet)),
    toBuffer: () => either((h) => h.toBuffer()),
  };
}

/** Errors with words for the clerk (no roster, nothing to generate): not a reason to switch hosts. */
function isDomainError(e: unknown): boolean {
  return errorCode(e) !== undefined;
}

async function replay(host: SavingHost, asked: { marks?: CellMark[]; sheets: GeneratedSheet[] }): Promise<void> {
  if (asked.marks?.length) await host.mark(asked.marks);
  else if (asked.marks) await host.clearMarks();
  for (const sheet of asked.sheets) await host.addSheet(sheet);
}
