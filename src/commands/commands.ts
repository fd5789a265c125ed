/**
 * The ribbon's function commands (commands.html is the manifest's FunctionFile):
 *   一键标注       markRoster     check the workbook with the saved settings and mark the cells at fault
 *   生成调整花名册 generateRoster check the same way and write the 调整花名册 sheet
 *   清除标注       clearMarks     restore every marked cell
 * Every command answers: a small dialog (message.html) says what happened in one line
 * ("发现 12 处错误、5 处提醒，已标注", or what went wrong). The line is also kept in the workbook's
 * settings under LAST_COMMAND_KEY, where the task pane shows it, for Excels without dialogs.
 * After marking the first cell at fault is selected (Excel scrolls to it; its note lists the
 * reasons). docs/ADDIN.md explains the choice.
 *
 * The handlers take their dependencies as arguments so that tests run them over the Excel double.
 */
import { parsePolicy } from '../domain/policy';
import type { CheckResult, Finding } from '../domain/types';
import { addGeneratedSheet, markResult, runCheck } from '../workbook/actions';
import type { WorkbookHost } from '../workbook/host';
import { errorText } from '../workbook/error-text';
import { OfficeHost } from '../workbook/office/office';
import { excelSettingsBackend } from '../workbook/office/office-settings';
import {
  LAST_COMMAND_KEY,
  loadSettings,
  settingsToPolicyInput,
  type DocumentSettings,
  type Settings,
} from '../workbook/settings';
import { browserUserDefaults, withUserDefaults } from '../workbook/user-defaults';
import { officeDialogs, showNotice, type Notice } from './dialog';

/** Where the last command's result is kept in the document settings. */
export { LAST_COMMAND_KEY };

export type { Notice };

export interface CommandDeps {
  host: WorkbookHost;
  loadSettings(): Promise<Settings>;
  /** Bring a cell into view (OfficeHost.selectCell); 1-based. */
  selectCell?(sheet: string, row: number, col: number): Promise<void>;
  /** Tell the clerk what happened. */
  notify(notice: Notice): Promise<void>;
}

/** The first cell at fault, errors before warnings, top to bottom. */
function firstMarked(result: CheckResult): Finding | undefined {
  const painted = result.findings.filter((f) => f.severity !== 'info' && f.col !== undefined);
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return painted.reduce<Finding | undefined>(
    (best, f) => (!best || rank(f) < rank(best) || (rank(f) === rank(best) && f.row < best.row) ? f : best),
    undefined,
  );
}

/**
 * Excel ends a ribbon command after 5 minutes ("function commands … must complete within five
 * minutes", Office add-in limits); ours stops itself this long after the button was pressed, so
 * that there is time left to tell the clerk.
 */
export const COMMAND_TIME_MS = 4 * 60 * 1000;

/** An exception → what the clerk reads (the one translator, error-text.ts). */
export function describeError(e: unknown): Notice {
  return { ok: false, ...errorText(e, 'command') };
}

/** Scroll to a cell; the work is done by then, so failing to scroll must not turn it into an error. */
async function bringIntoView(deps: CommandDeps, sheet: string, row: number, col: number): Promise<void> {
  try {
    await deps.selectCell?.(sheet, row, col);
  } catch {
    // Excel could not select (a protected or hidden sheet): the clerk still gets the result.
  }
}

async function checkWithSettings(deps: CommandDeps) {
  const policy = parsePolicy(settingsToPolicyInput(await deps.loadSettings()));
  const { result } = await runCheck(deps.host, policy);
  return { policy, result };
}

export async function markRoster(deps: CommandDeps): Promise<Notice> {
  let notice: Notice;
  try {
    const { result } = await checkWithSettings(deps);
    const outcome = await markResult(deps.host, result, 'zh');
    const { errors, warnings, households } = result.summary;
    if (errors + warnings === 0) {
      notice = {
        ok: true,
        zh: `未发现问题：${households}户全部符合要求`,
        en: `No problems found: all ${households} households meet the requirements.`,
      };
    } else {
      notice = {
        ok: true,
        zh: `发现 ${errors} 处错误、${warnings} 处提醒，已标注`,
        en: `Found ${errors} errors and ${warnings} warnings; the cells are marked.`,
      };
      if (!outcome.notes) {
        notice.zh += '；此版本 Excel 不能添加批注，原因请在核查面板或核查汇总中查看';
        notice.en += ' This Excel cannot add notes: see the reasons in the pane or the summary sheet.';
      }
      const first = firstMarked(result);
      if (first?.col !== undefined) await bringIntoView(deps, first.sheet, first.row, first.col);
    }
  } catch (e) {
    notice = describeError(e);
  }
  await deps.notify(notice);
  return notice;
}

/** The adjustments by type, e.g. "停保4户、增发1户". */
function adjustmentBreakdown(result: CheckResult): { zh: string; en: string } {
  const counts = new Map<string, number>();
  for (const a of result.adjustments) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  const en: Record<string, string> = { 新增: 'new', 停保: 'stopped', 增发: 'raised', 减发: 'lowered' };
  return {
    zh: [...counts].map(([t, n]) => `${t}${n}户`).join('、'),
    en: [...counts].map(([t, n]) => `${n} ${en[t] ?? t}`).join(', '),
  };
}

/** 生成调整花名册: check with the saved settings, then write (or replace) the adjustment roster. */
export async function generateRoster(deps: CommandDeps): Promise<Notice> {
  let notice: Notice;
  try {
    const { result, policy } = await checkWithSettings(deps);
    const { errors, warnings } = result.summary;
    const found = {
      zh: errors + warnings ? `（核查发现 ${errors} 处错误、${warnings} 处提醒，可点“一键标注”标出）` : '',
      en: errors + warnings ? ` (the check found ${errors} errors and ${warnings} warnings.)` : '',
    };
    if (result.adjustments.length === 0) {
      notice = {
        ok: true,
        zh: `没有拟调整的户，未生成调整花名册${found.zh}`,
        en: `No household needs an adjustment; no adjustment roster was written.${found.en}`,
      };
    } else {
      const name = await addGeneratedSheet(deps.host, 'adjustments', result, policy);
      const parts = adjustmentBreakdown(result);
      notice = {
        ok: true,
        zh: `已生成“${name}”：${result.adjustments.length}户（${parts.zh}）${found.zh}`,
        en: `Wrote “${name}”: ${result.adjustments.length} households (${parts.en}).${found.en}`,
      };
      await bringIntoView(deps, name, 1, 1);
    }
  } catch (e) {
    notice = describeError(e);
  }
  await deps.notify(notice);
  return notice;
}

export async function clearMarks(deps: CommandDeps): Promise<Notice> {
  let notice: Notice;
  try {
    const n = await deps.host.clearMarks();
    notice = n
      ? { ok: true, zh: `已清除 ${n} 个单元格的标注`, en: `Marks removed from ${n} cells.` }
      : { ok: true, zh: '没有需要清除的标注', en: 'There were no marks to remove.' };
  } catch (e) {
    notice = describeError(e);
  }
  await deps.notify(notice);
  return notice;
}

/** What Office passes to a function command; completed() must always be called. */
export interface CommandEvent {
  completed(): void;
}

export interface CommandRegistry {
  associate(name: string, handler: (event: CommandEvent) => void): void;
}

/** Register the handlers under the FunctionName values of manifest.xml. */
export function registerCommands(registry: CommandRegistry, makeDeps: () => CommandDeps): void {
  const command = (run: (deps: CommandDeps) => Promise<Notice>) => (event: CommandEvent) => {
    void (async () => {
      try {
        await run(makeDeps());
      } catch {
        // run() reports its own failures; this guards only the notification itself failing.
      } finally {
        event.completed();
      }
    })();
  };
  registry.associate('markRoster', command(markRoster));
  registry.associate('generateRoster', command(generateRoster));
  registry.associate('clearMarks', command(clearMarks));
}

/** Keep the notice in the workbook, where the task pane finds it. */
export function rememberNotice(settings: DocumentSettings, notice: Notice, now = new Date()): Promise<void> {
  return new Promise((resolve) => {
    settings.set(LAST_COMMAND_KEY, { ...notice, at: now.toISOString() });
    // Failing to keep the message must not turn a finished command into an error.
    settings.saveAsync(() => resolve());
  });
}

function officeDeps(): CommandDeps {
  const host = new OfficeHost({ deadline: { at: Date.now() + COMMAND_TIME_MS } });
  const settings = Office.context.document.settings;
  return {
    host,
    // The clerk's own defaults under the workbook's settings, as in the pane.
    loadSettings: () => loadSettings(withUserDefaults(excelSettingsBackend(settings), browserUserDefaults())),
    selectCell: (sheet, row, col) => host.selectCell(sheet, row, col),
    // Kept first (the pane shows it even where no dialog can open), then shown.
    notify: async (notice) => {
      await rememberNotice(settings, notice);
      await showNotice(officeDialogs(), notice);
    },
  };
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    // Office.actions arrived with the 2020s office.js; older hosts call global functions.
    const registry: CommandRegistry = Office.actions ?? {
      associate: (name, handler) => Object.assign(globalThis, { [name]: handler }),
    };
    registerCommands(registry, officeDeps);
  });
}
