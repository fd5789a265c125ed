/**
 * The pane's working state: the last check result and the policy it used, what is running now
 * (with its progress), and the one message the bar shows. Every action goes through `run`, so
 * only one thing happens at a time and every failure ends up as a message, never a hang.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SelfTestReport } from '../../workbook/self-test';
import type { WorkbookGrid } from '../../domain/grid';
import type { Policy } from '../../domain/policy';
import type { Finding } from '../../domain/types';
import type { MarkOutcome, ProgressEvent } from '../../workbook/host';
import type { Lang } from '../i18n';
import {
  isWhole,
  wholeResult,
  type HeldBack,
  type PaneActions,
  type PaneResult,
  type SheetKind,
  type SheetOptions,
} from '../actions';
import { errorText, type Notice } from '../../workbook/error-text';
import type { Bilingual } from '../../domain/rules/meta';
import { downloadBlob, reportFileName } from '../model/download';
import { buildReport, reportJson } from '../../workbook/output/report';
import type { FindingsView } from '../model/findingRows';
import { heldBackHouseholds } from '../model/heldBack';
import type { LiveOptions, LiveState } from './liveRecheck';
import type { Tally } from '../model/tally';

export type Busy = 'check' | 'mark' | 'clear' | 'generate' | 'download' | 'open' | 'markAndGenerate' | 'selfTest';

export type { Notice };

export interface Session {
  /** The last check's result (on the web page without its per-household lists: PaneResult). */
  result?: PaneResult;
  /**
   * The findings list of `result` made by the host (the web page's worker), in the pane's
   * language or — until the new one arrives — the previous one; undefined: the pane makes it.
   */
  view?: FindingsView;
  /** Visible sheets of the checked workbook (for 更换). */
  sheets?: string[];
  /** The workbook as the check read it (rows shown under an opened finding). */
  grid?: WorkbookGrid;
  policy?: Policy;
  busy?: Busy;
  progress?: ProgressEvent;
  /**
   * The counts of the check under way, come ahead of its result (the web page's worker sends them
   * as soon as the engine is done, before the findings list): shown until the result is.
   */
  tally?: Tally;
  notice?: Notice;
  /** The last marking; when the host could not attach notes, 核查汇总 lists every finding instead. */
  lastMark?: MarkOutcome;
  /**
   * What the workbook holds that the web page has not saved yet (marks, the generated sheets'
   * names); empty once downloaded. Inside Excel the workbook is the clerk's to save, so unused.
   */
  unsaved: Unsaved;
  /** The result a live re-check (边改边查) produced: the pane keeps the clerk's view for it. */
  liveResult?: PaneResult;
}

export interface Unsaved {
  marks: boolean;
  sheets: string[];
}

const NOTHING_UNSAVED: Unsaved = { marks: false, sheets: [] };

function withSheet(u: Unsaved, name: string): Unsaved {
  return { ...u, sheets: u.sheets.includes(name) ? u.sheets : [...u.sheets, name] };
}

/** Timing marks the browser test and the benchmark read (performance.measure between them). */
export const RESULT_MARK = 'dibao:result';
export const LIST_PAINT_MARK = 'dibao:list-painted';
/** The findings list in another language has arrived from the worker. */
export const VIEW_MARK = 'dibao:view';

/** A User Timing mark, where the browser has them (not every webview does). */
export function timingMark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/**
 * A timing mark once what this commit shows is painted, each time `shown` changes: the frame is
 * asked for in a layout effect, before the browser paints the commit, and the mark is left just
 * after that frame (a passive effect would ask for the frame after, and mark a frame late).
 */
export function usePaintMark(name: string, shown: unknown): void {
  useLayoutEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => timingMark(name), 0));
    return () => cancelAnimationFrame(frame);
  }, [name, shown]);
}

/**
 * Progress arrives per chunk; the bar is updated at most this often. Each update re-renders the
 * pane on the page's thread while the worker reads and checks; five a second move the bar smoothly
 * enough for a clerk (twenty before; no difference in the check's time was measurable, issue 12).
 */
const PROGRESS_EVERY_MS = 200;

function throttled(set: (e: ProgressEvent) => void): (e: ProgressEvent) => void {
  let last = 0;
  return (e) => {
    const now = Date.now();
    if (now - last > PROGRESS_EVERY_MS || e.done >= e.total) {
      last = now;
      set(e);
    }
  };
}

export function useSession(actions: PaneActions, initialNotice?: Notice, lang: Lang = 'zh') {
  const [state, setState] = useState<Session>({ notice: initialNotice, unsaved: NOTHING_UNSAVED });
  const langRef = useRef(lang);
  langRef.current = lang;
  const busyRef = useRef(false);
  /** A live re-check in flight: a command clicked meanwhile waits for it instead of being dropped. */
  const liveRef = useRef<Promise<void>>(undefined);
  /** What the last check (or live re-check) worked on, readable at once by the live re-check. */
  const lastRef = useRef<LiveState>(undefined);

  const run = useCallback(async <T>(busy: Busy, work: () => Promise<T>, done?: (value: T) => Notice | undefined) => {
    if (busyRef.current && liveRef.current) await liveRef.current.catch(() => undefined);
    if (busyRef.current) return undefined;
    busyRef.current = true;
    setState((s) => ({ ...s, busy, progress: undefined, tally: undefined, notice: undefined }));
    try {
      const value = await work();
      setState((s) => ({ ...s, busy: undefined, progress: undefined, tally: undefined, notice: done?.(value) }));
      return value;
    } catch (e) {
      setState((s) => ({
        ...s,
        busy: undefined,
        progress: undefined,
        tally: undefined,
        notice: { ok: false, ...errorText(e, 'pane') },
      }));
      return undefined;
    } finally {
      busyRef.current = false;
    }
  }, []);

  const onProgress = useCallback(() => {
    const bar = throttled((progress: ProgressEvent) => setState((s) => ({ ...s, progress })));
    return (progress: ProgressEvent & { tally?: Tally }) => {
      // The counts come once, ahead of the result: shown at once, never throttled.
      const { tally } = progress;
      if (tally) setState((s) => ({ ...s, tally }));
      else bar(progress);
    };
  }, []);

  /** `policy` is a thunk so that an invalid setting fails inside `run` and shows in the bar. */
  const check = useCallback(
    (policy: () => Policy, rosterSheet?: string, leaveOut?: string[]) =>
      run('check', async () => {
        const p = policy();
        const { result, sheets, grid, view } = await actions.check(
          p,
          onProgress(),
          rosterSheet,
          leaveOut,
          langRef.current,
        );
        timingMark(RESULT_MARK);
        if (grid && isWhole(result)) lastRef.current = { result, grid, policy: p, rosterSheet, leaveOut };
        setState((s) => ({ ...s, result, view, sheets, grid, policy: p, tally: undefined }));
        return result;
      }),
    [actions, run, onProgress],
  );

  const open = useCallback(
    (file: File, policy: () => Policy) =>
      run('open', async () => {
        if (!actions.open) return false;
        setState((s) => ({
          ...s,
          result: undefined,
          view: undefined,
          sheets: undefined,
          grid: undefined,
          policy: undefined,
        }));
        await actions.open(file);
        setState((s) => ({ ...s, unsaved: NOTHING_UNSAVED }));
        return true;
      }).then((opened) => (opened ? check(policy) : undefined)),
    [actions, run, check],
  );

  const mark = useCallback(
    (lang: Lang, text: (cells: number, notes: boolean) => Bilingual) =>
      run(
        'mark',
        async () => {
          if (!state.result) throw new Error('no result');
          const outcome = await actions.mark(state.result, lang, onProgress());
          setState((s) => ({ ...s, lastMark: outcome, unsaved: { ...s.unsaved, marks: outcome.cells > 0 } }));
          return outcome;
        },
        (o) => ({ ok: true, ...text(o.cells, o.notes) }),
      ),
    [actions, run, onProgress, state.result],
  );

  const clear = useCallback(
    (text: (cells: number) => Bilingual) =>
      run(
        'clear',
        async () => {
          const n = await actions.clear();
          if (n > 0) setState((s) => ({ ...s, unsaved: { ...s.unsaved, marks: true } }));
          return n;
        },
        (n) => ({ ok: true, ...text(n) }),
      ),
    [actions, run],
  );

  /** `text` gets, for 公示名单, the households it leaves out (unresolved errors). */
  const generate = useCallback(
    (kind: SheetKind, opts: SheetOptions, text: (name: string, held: HeldBack[]) => Bilingual) =>
      run(
        'generate',
        async () => {
          const result = state.result;
          if (!result || !state.policy) throw new Error('no result');
          const held =
            kind !== 'publicity'
              ? []
              : actions.heldBack
                ? await actions.heldBack(opts.exclude ?? new Set())
                : heldBackHouseholds(wholeResult(result), opts.exclude);
          const name = await actions.generate(kind, result, state.policy, opts);
          setState((s) => ({ ...s, unsaved: withSheet(s.unsaved, name) }));
          return { name, held };
        },
        ({ name, held }) => ({ ok: true, ...text(name, held) }),
      ),
    [actions, run, state.result, state.policy],
  );

  /**
   * The one primary action after a check: mark the cells at fault and write the 调整花名册 (when
   * any household is to be adjusted), in one click.
   */
  const markAndGenerate = useCallback(
    (lang: Lang, opts: SheetOptions, text: (cells: number, sheet: string | undefined) => Bilingual) =>
      run(
        'markAndGenerate',
        async () => {
          if (!state.result || !state.policy) throw new Error('no result');
          const outcome = await actions.mark(state.result, lang, onProgress());
          setState((s) => ({ ...s, lastMark: outcome, unsaved: { ...s.unsaved, marks: outcome.cells > 0 } }));
          if (state.result.adjustments.length === 0) return { cells: outcome.cells, sheet: undefined };
          const sheet = await actions.generate('adjustments', state.result, state.policy, {
            ...opts,
            includeFindings: opts.includeFindings || !outcome.notes,
          });
          setState((s) => ({ ...s, unsaved: withSheet(s.unsaved, sheet) }));
          return { cells: outcome.cells, sheet };
        },
        (o) => ({ ok: true, ...text(o.cells, o.sheet) }),
      ),
    [actions, run, onProgress, state.result, state.policy],
  );

  const download = useCallback(
    (text: (name: string) => Bilingual) =>
      run(
        'download',
        async () => {
          if (!actions.download) throw new Error('no download');
          const name = await actions.download();
          setState((s) => ({ ...s, unsaved: NOTHING_UNSAVED }));
          return name;
        },
        (name) => ({ ok: true, ...text(name) }),
      ),
    [actions, run],
  );

  /** The JSON report, in exactly the shape the command line's --report writes, saved as a file. */
  const exportReport = useCallback(
    (text: (name: string) => Bilingual) => {
      const result = state.result;
      const policy = state.policy;
      if (!result || !policy) return;
      const name = reportFileName(actions.fileName);
      // The web page's worker holds the whole result and makes the report there.
      const made = actions.report
        ? actions.report(policy)
        : Promise.resolve().then(() => reportJson(buildReport(wholeResult(result), policy, { maskIds: false })));
      return made.then(
        (json) => {
          downloadBlob(new Blob([json as Uint8Array<ArrayBuffer>], { type: 'application/json' }), name);
          setState((s) => ({ ...s, notice: { ok: true, ...text(name) } }));
        },
        (e: unknown) => setState((s) => ({ ...s, notice: { ok: false, ...errorText(e, 'pane') } })),
      );
    },
    [actions, state.result, state.policy],
  );

  const select = useCallback(
    (finding: Finding) => {
      if (!actions.select || busyRef.current) return;
      actions.select(finding).catch((e: unknown) => {
        setState((s) => ({ ...s, notice: { ok: false, ...errorText(e, 'pane') } }));
      });
    },
    [actions],
  );

  /** What 边改边查 needs of the session (state/liveRecheck.ts); stable for the pane's lifetime. */
  const live = useMemo(
    (): Omit<LiveOptions, 'host' | 'lang'> => ({
      state: () => lastRef.current,
      apply: ({ result, grid }) => {
        if (lastRef.current) lastRef.current = { ...lastRef.current, result, grid };
        setState((s) => ({ ...s, result, view: undefined, grid, liveResult: result }));
      },
      checkAll: async () => {
        const last = lastRef.current;
        if (!last) return;
        const { result, sheets, grid } = await actions.check(
          last.policy,
          () => undefined,
          last.rosterSheet,
          last.leaveOut,
        );
        if (grid && isWhole(result)) lastRef.current = { ...last, result, grid };
        setState((s) => ({ ...s, result, view: undefined, sheets, grid, liveResult: result }));
      },
      exclusive: async (work) => {
        if (busyRef.current) return false;
        busyRef.current = true;
        const p = work();
        liveRef.current = p;
        try {
          await p;
        } finally {
          busyRef.current = false;
          liveRef.current = undefined;
        }
        return true;
      },
      onError: (e) => setState((s) => ({ ...s, notice: { ok: false, ...errorText(e, 'pane') } })),
    }),
    [actions],
  );

  // Another language: the host that made the list makes it again (the old one stays until then).
  const { result, view } = state;
  useEffect(() => {
    if (!result || !view || view.lang === lang || !actions.findingsView) return;
    let live = true;
    actions.findingsView(lang).then(
      (next) => {
        if (!live) return;
        timingMark(VIEW_MARK);
        setState((s) => (s.result === result ? { ...s, view: next } : s));
      },
      (e: unknown) => live && setState((s) => ({ ...s, notice: { ok: false, ...errorText(e, 'pane') } })),
    );
    return () => {
      live = false;
    };
  }, [actions, lang, result, view]);

  const dismiss = useCallback(() => setState((s) => ({ ...s, notice: undefined })), []);

  const selfTest = useCallback(
    (text: (report: SelfTestReport) => Bilingual) =>
      run(
        'selfTest',
        async () => {
          if (!actions.selfTest) throw new Error('no self-test in this host');
          return actions.selfTest();
        },
        (report) => ({ ok: report.ok, ...text(report) }),
      ),
    [actions, run],
  );

  return {
    state,
    check,
    open,
    mark,
    clear,
    generate,
    markAndGenerate,
    download,
    exportReport,
    select,
    dismiss,
    selfTest,
    live,
  };
}
