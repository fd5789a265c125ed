/**
 * The pane, in the order of the clerk's work: where the roster is → 核查参数 → 开始核查 → the
 * numbers → marks and sheets → the findings themselves. It knows nothing of Excel or files: all
 * of that arrives as `actions` from the shell (OfficeShell inside Excel, StandaloneShell on the
 * web page).
 *
 * Layout: the pane is exactly the window's height. The controls sit at the top and the findings
 * list fills the rest: the list is the one scroll area, so after a check the first findings are
 * in view at 350 × 900. (When the settings form is open and the window is short, the controls
 * scroll instead, the list keeping a few rows.)
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { isWhole, type HeldBack, type PaneActions, type SheetKind } from './actions';
import { findingsView } from './model/findingRows';
import { LangContext, STRINGS, type Lang } from './i18n';
import { draftFromSettings, draftToPolicy, type SettingsDraft } from './model/settingsDraft';
import type { SettingsOrigin, SourcedField } from '../domain/setting-sources';
import { DEFAULT_SETTINGS } from '../workbook/settings';
import { useSession, type Notice } from './state/useSession';
import { ActionBar } from './components/ActionBar';
import { AdjustmentsTab } from './components/AdjustmentsTab';
import { FindingsTab } from './components/FindingsTab';
import { Header } from './components/Header';
import { NoticeBar } from './components/NoticeBar';
import { ProgressLine } from './components/ProgressLine';
import { FilePicker, RosterLine } from './components/RosterLine';
import { SettingsForm } from './components/SettingsForm';
import { StatsTab } from './components/StatsTab';
import { SummaryCards } from './components/SummaryCards';
import { tallyOf } from './model/tally';
import { selfTestText } from './model/selfTest';
import { LiveSwitch } from './components/LiveSwitch';
import { readLivePref, writeLivePref } from './model/livePref';
import { useLiveRecheck } from './state/useLiveRecheck';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    boxSizing: 'border-box',
    height: '100vh',
    overflow: 'hidden',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  top: {
    flex: '0 1 auto',
    minHeight: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  wide: { maxWidth: '1200px', margin: '0 auto', width: '100%' },
  intro: { color: tokens.colorNeutralForeground3 },
  check: { width: '100%' },
  panel: { flex: '1 1 0', display: 'flex', flexDirection: 'column', minHeight: '200px' },
});

type TabValue = 'findings' | 'adjustments' | 'stats';

/** Settings as the pane loads and saves them (the workbook inside Excel, the browser otherwise). */
export interface SettingsStore {
  load(): Promise<SettingsDraft>;
  save(draft: SettingsDraft): Promise<void>;
  /** Where a value the settings gave came from: the workbook's own, or this computer's defaults. */
  origin?(field: SourcedField): SettingsOrigin | undefined;
}

export interface AppProps {
  actions: PaneActions;
  settings: SettingsStore;
  initialLang?: Lang;
  /** The web page (no Excel): full width, with a short line saying the file stays local. */
  standalone?: boolean;
  /** A message to show on opening, e.g. the last ribbon command's result. */
  initialNotice?: Notice;
  /** Check as soon as the settings are loaded (inside Excel the workbook is already open). */
  checkOnOpen?: boolean;
}

export const EMPTY_DRAFT: SettingsDraft = draftFromSettings(DEFAULT_SETTINGS);

/** The fields the settings line shows: while they are as checked, it shows the check's sources. */
const SHOWN = ['county', 'township', 'standardValue', 'standardUnit', 'asOf'] as const;
const sameShown = (a: SettingsDraft, b: SettingsDraft) => SHOWN.every((k) => a[k] === b[k]);

export function App({ actions, settings, initialLang = 'zh', standalone, initialNotice, checkOnOpen }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const s = STRINGS[lang];
  const [draft, setDraft] = useState<SettingsDraft>(EMPTY_DRAFT);
  const [saved, setSaved] = useState(false);
  const [tab, setTab] = useState<TabValue>('findings');
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  /** The clerk's choice of roster sheet (更换); undefined = let the engine find it. */
  const [rosterSheet, setRosterSheet] = useState<string>();
  const session = useSession(actions, initialNotice, lang);
  const { result, sheets, busy, progress, notice, unsaved } = session.state;
  /** The settings as loaded; set once, so checking on opening waits for them. */
  const [loaded, setLoaded] = useState<SettingsDraft>();
  /** The settings the last check started from (the settings line shows its sources while unchanged). */
  const [checkedWith, setCheckedWith] = useState<SettingsDraft>();
  const summaryRef = useRef<HTMLElement>(null);
  const [liveOn, setLiveOn] = useState(readLivePref);
  useLiveRecheck(actions.live, liveOn, session.live, lang);

  useEffect(() => {
    let live = true;
    settings
      .load()
      .catch(() => EMPTY_DRAFT) // unreadable settings: start from the defaults
      .then((d) => {
        if (!live) return;
        setDraft(d);
        setLoaded(d);
      });
    return () => {
      live = false;
    };
  }, [settings]);

  // Inside Excel the pane checks on opening: one click (核查面板) from the roster to the findings.
  const checkedOnOpen = useRef(false);
  useEffect(() => {
    if (!checkOnOpen || !loaded || checkedOnOpen.current || !actions.ready) return;
    checkedOnOpen.current = true;
    setCheckedWith(loaded);
    void session.check(() => draftToPolicy(loaded), undefined, loaded.leftOut);
  }, [checkOnOpen, loaded, actions.ready, session]);

  // A new result starts with every adjustment included and the findings in view; the focus
  // moves to the counts, so the keyboard and the screen reader start from the results.
  // A live re-check's result (边改边查) keeps all that: the clerk is typing in Excel, not here.
  const { liveResult } = session.state;
  useEffect(() => {
    if (result && result === liveResult) return;
    setExcluded(new Set());
    setTab('findings');
    if (result) summaryRef.current?.focus();
    // A sheet left out but checked after all (nothing else was a roster) is ticked again.
    if (result) {
      const checked = new Set(result.rosterSheets?.map((r) => r.sheet));
      setDraft((d) => {
        const kept = d.leftOut.filter((n) => !checked.has(n));
        return kept.length === d.leftOut.length ? d : { ...d, leftOut: kept };
      });
    }
  }, [result, liveResult]);

  // The web page holds results only in memory: closing the tab before 下载结果 asks first.
  const pending = unsaved.marks || unsaved.sheets.length > 0;
  useEffect(() => {
    if (!standalone || !pending) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older browsers show the prompt only when returnValue is set
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [standalone, pending]);

  const bilingual = useCallback(
    <A extends unknown[]>(pick: (t: typeof s) => (...args: A) => string) =>
      (...args: A) => ({ zh: pick(STRINGS.zh)(...args), en: pick(STRINGS.en)(...args) }),
    [],
  );

  const policy = useCallback(() => draftToPolicy(draft), [draft]);
  const notesMissing = session.state.lastMark?.notes === false;

  const onCheck = () => {
    settings.save(draft).catch(() => undefined); // saving is a convenience; the check does not need it
    setCheckedWith(draft);
    void session.check(policy, rosterSheet, rosterSheet ? undefined : draft.leftOut);
  };
  const onFile = (file: File) => {
    setRosterSheet(undefined);
    setCheckedWith(draft);
    void session.open(file, policy);
  };
  const onRosterSheet = (sheet: string) => {
    setRosterSheet(sheet);
    setCheckedWith(draft);
    void session.check(policy, sheet);
  };
  // Unticking a sheet in the list: remembered in the workbook's settings, and checked again without it.
  const onLeaveOut = (sheet: string, leave: boolean) => {
    const next = {
      ...draft,
      leftOut: leave ? [...draft.leftOut.filter((n) => n !== sheet), sheet] : draft.leftOut.filter((n) => n !== sheet),
    };
    setDraft(next);
    setCheckedWith(next);
    settings.save(next).catch(() => undefined);
    void session.check(() => draftToPolicy(next), undefined, next.leftOut);
  };
  // Households unticked in 调整 stay out of the adjustment roster and the public notice alike.
  const onMarkAndGenerate = () =>
    void session.markAndGenerate(
      lang,
      { exclude: excluded, includeFindings: notesMissing },
      bilingual((t) => t.markedAndGenerated),
    );
  const onGenerate = (kind: SheetKind) => {
    const added = bilingual((t) => t.sheetAdded);
    // 公示名单 leaves out households with unresolved errors: say which, so the clerk can fix them.
    const text = (name: string, held: HeldBack[]) => {
      const m = added(name);
      if (!held.length) return m;
      const who =
        held
          .slice(0, 10)
          .map((h) => `${STRINGS[lang].rowHeader(h.row)} ${h.headName}`)
          .join('、') + (held.length > 10 ? '…' : '');
      return { zh: m.zh + STRINGS.zh.heldBack(held.length, who), en: m.en + STRINGS.en.heldBack(held.length, who) };
    };
    void session.generate(kind, { exclude: excluded, includeFindings: notesMissing }, text);
  };
  const onToggle = (household: number, include: boolean) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (include) next.delete(household);
      else next.add(household);
      return next;
    });

  // The findings list's view: the host's (the web page's worker makes it), else made here from the
  // whole result (inside Excel). The 问题 list and the 统计 tab both read it.
  const hostView = session.state.view;
  // The counts shown: those of a check under way once come (session.state.tally), else the result's.
  const resultTally = useMemo(() => (result ? tallyOf(result) : undefined), [result]);
  const view = useMemo(
    () => hostView ?? (result && isWhole(result) ? findingsView(result, lang) : undefined),
    [hostView, result, lang],
  );

  const onSelfTest = actions.selfTest ? () => void session.selfTest(selfTestText) : undefined;

  const tabs = useMemo(
    () => [
      { value: 'findings' as const, label: s.tabs.findings },
      { value: 'adjustments' as const, label: s.tabs.adjustments },
      { value: 'stats' as const, label: s.tabs.stats },
    ],
    [s],
  );

  return (
    <LangContext.Provider value={lang}>
      <main className={mergeClasses(styles.root, standalone && styles.wide)} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <div className={styles.top}>
          <Header lang={lang} onLang={setLang} />
          {standalone && (
            <Text size={200} className={styles.intro}>
              {s.standalone}
            </Text>
          )}
          {actions.open && (
            <FilePicker
              fileName={actions.fileName}
              convertedFrom={actions.convertedFrom}
              disabled={!!busy}
              onFile={onFile}
            />
          )}
          {(!actions.open || result) && (
            <RosterLine
              result={result}
              sheets={sheets}
              disabled={!!busy}
              onRosterSheet={onRosterSheet}
              leftOut={draft.leftOut}
              onLeaveOut={rosterSheet ? undefined : onLeaveOut}
            />
          )}
          <SettingsForm
            draft={draft}
            onChange={(d) => {
              setDraft(d);
              setSaved(false);
            }}
            onSave={() =>
              settings.save(draft).then(
                () => setSaved(true),
                () => setSaved(false),
              )
            }
            saved={saved}
            disabled={!!busy}
            onSubmit={onCheck}
            used={result && checkedWith && sameShown(draft, checkedWith) ? result.policy : undefined}
            origin={settings.origin ? (f) => settings.origin!(f) : undefined}
          />
          <Button
            className={styles.check}
            appearance={result ? 'secondary' : 'primary'}
            size={result ? 'medium' : 'large'}
            disabled={!!busy || !actions.ready}
            onClick={onCheck}
          >
            {busy === 'check' ? s.checking : result ? s.recheck : s.check}
          </Button>
          {busy && <ProgressLine busy={busy} progress={progress} />}
          {notice && <NoticeBar notice={notice} onDismiss={session.dismiss} />}
          {/* The counts of a first check, come ahead of its result (the web page's worker). */}
          {!result && session.state.tally && <SummaryCards tally={session.state.tally} />}
          {result && (
            <>
              <SummaryCards tally={session.state.tally ?? resultTally!} focusRef={summaryRef} />
              <ActionBar
                hasResult
                ready={actions.ready}
                busy={!!busy}
                canDownload={!!actions.download}
                unsaved={actions.download ? unsaved : undefined}
                onMarkAndGenerate={onMarkAndGenerate}
                onMark={() =>
                  void session.mark(
                    lang,
                    bilingual((t) => t.marked),
                  )
                }
                onClear={() => void session.clear(bilingual((t) => t.cleared))}
                onGenerate={onGenerate}
                onExportReport={() => session.exportReport(bilingual((t) => t.reportExported))}
                onDownload={() => void session.download(bilingual((t) => t.downloaded))}
                onSelfTest={onSelfTest}
              />
              {actions.live && (
                <LiveSwitch
                  on={liveOn}
                  onChange={(on) => {
                    setLiveOn(on);
                    writeLivePref(on);
                  }}
                />
              )}
            </>
          )}
          {!result && !actions.open && (
            <ActionBar
              hasResult={false}
              ready={actions.ready}
              busy={!!busy}
              canDownload={false}
              onMarkAndGenerate={() => undefined}
              onMark={() => undefined}
              onClear={() => void session.clear(bilingual((t) => t.cleared))}
              onGenerate={() => undefined}
              onExportReport={() => undefined}
              onDownload={() => undefined}
              onSelfTest={onSelfTest}
            />
          )}
        </div>
        {result && (
          <>
            <TabList
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as TabValue)}
              aria-label={s.tabsLabel}
              size="small"
            >
              {tabs.map((t) => (
                <Tab key={t.value} value={t.value}>
                  {t.label}
                </Tab>
              ))}
            </TabList>
            <div className={styles.panel} role="tabpanel" aria-label={tabs.find((t) => t.value === tab)?.label}>
              {tab === 'findings' && view && (
                <FindingsTab
                  result={result}
                  view={view}
                  grid={session.state.grid}
                  rowsOf={actions.rowCells}
                  onSelect={session.select}
                />
              )}
              {tab === 'adjustments' && (
                <AdjustmentsTab
                  adjustments={result.adjustments}
                  excluded={excluded}
                  onToggle={onToggle}
                  onGenerate={() => onGenerate('adjustments')}
                  busy={!!busy}
                />
              )}
              {tab === 'stats' && view && <StatsTab result={result} view={view} />}
            </div>
          </>
        )}
      </main>
    </LangContext.Provider>
  );
}
