/**
 * The pane, in the order of the clerk's work: where the roster is → 核查参数 → 开始核查 → the
 * numbers → marks and sheets → the findings themselves. It knows nothing of Excel or files: all
 * of that arrives as `actions` from the shell (OfficeShell inside Excel, StandaloneShell on the
 * web page).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneActions, SheetKind } from './actions';
import { LangContext, STRINGS, type Lang } from './i18n';
import { draftFromSettings, draftToPolicy, type SettingsDraft } from './model/settingsDraft';
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

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  wide: { maxWidth: '1200px', margin: '0 auto', width: '100%' },
  intro: { color: tokens.colorNeutralForeground3 },
  check: { width: '100%' },
  panel: { flex: '1 0 360px', display: 'flex', flexDirection: 'column', minHeight: 0 },
});

type TabValue = 'findings' | 'adjustments' | 'stats';

/** Settings as the pane loads and saves them (document settings inside Excel, the browser otherwise). */
export interface SettingsStore {
  load(): Promise<SettingsDraft>;
  save(draft: SettingsDraft): Promise<void>;
}

export interface AppProps {
  actions: PaneActions;
  settings: SettingsStore;
  initialLang?: Lang;
  /** The web page (no Excel): full width, with a short line saying the file stays local. */
  standalone?: boolean;
  /** A message to show on opening, e.g. the last ribbon command's result. */
  initialNotice?: Notice;
}

export const EMPTY_DRAFT: SettingsDraft = draftFromSettings(DEFAULT_SETTINGS);

export function App({ actions, settings, initialLang = 'zh', standalone, initialNotice }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const s = STRINGS[lang];
  const [draft, setDraft] = useState<SettingsDraft>(EMPTY_DRAFT);
  const [saved, setSaved] = useState(false);
  const [tab, setTab] = useState<TabValue>('findings');
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  /** The clerk's choice of roster sheet (更换); undefined = let the engine find it. */
  const [rosterSheet, setRosterSheet] = useState<string>();
  const session = useSession(actions, initialNotice);
  const { result, sheets, busy, progress, notice } = session.state;

  useEffect(() => {
    let live = true;
    settings
      .load()
      .then((d) => live && setDraft(d))
      .catch(() => undefined); // unreadable settings: start from the defaults
    return () => {
      live = false;
    };
  }, [settings]);

  // A new result starts with every adjustment included and the findings in view.
  useEffect(() => {
    setExcluded(new Set());
    setTab('findings');
  }, [result]);

  const bilingual = useCallback(
    <A extends unknown[]>(pick: (t: typeof s) => (...args: A) => string) =>
      (...args: A) => ({ zh: pick(STRINGS.zh)(...args), en: pick(STRINGS.en)(...args) }),
    [],
  );

  const policy = useCallback(() => draftToPolicy(draft), [draft]);
  const notesMissing = session.state.lastMark?.notes === false;

  const onCheck = () => {
    settings.save(draft).catch(() => undefined); // saving is a convenience; the check does not need it
    void session.check(policy, rosterSheet);
  };
  const onFile = (file: File) => {
    setRosterSheet(undefined);
    void session.open(file, policy);
  };
  const onRosterSheet = (sheet: string) => {
    setRosterSheet(sheet);
    void session.check(policy, sheet);
  };
  // Households unticked in 调整 stay out of the adjustment roster and the public notice alike.
  const onGenerate = (kind: SheetKind) =>
    void session.generate(
      kind,
      { exclude: excluded, includeFindings: notesMissing },
      bilingual((t) => t.sheetAdded),
    );
  const onToggle = (household: number, include: boolean) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (include) next.delete(household);
      else next.add(household);
      return next;
    });

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
        <Header lang={lang} onLang={setLang} />
        {standalone && (
          <Text size={200} className={styles.intro}>
            {s.standalone}
          </Text>
        )}
        {actions.open && <FilePicker fileName={actions.fileName} disabled={!!busy} onFile={onFile} />}
        {(!actions.open || result) && (
          <RosterLine result={result} sheets={sheets} disabled={!!busy} onRosterSheet={onRosterSheet} />
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
        />
        <Button
          className={styles.check}
          appearance="primary"
          size="large"
          disabled={!!busy || !actions.ready}
          onClick={onCheck}
        >
          {busy === 'check' ? s.checking : result ? s.recheck : s.check}
        </Button>
        {busy && <ProgressLine busy={busy} progress={progress} />}
        {notice && <NoticeBar notice={notice} onDismiss={session.dismiss} />}
        {result && (
          <>
            <SummaryCards result={result} />
            <ActionBar
              hasResult
              ready={actions.ready}
              busy={!!busy}
              canDownload={!!actions.download}
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
            />
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
              {tab === 'findings' && <FindingsTab result={result} onSelect={session.select} />}
              {tab === 'adjustments' && (
                <AdjustmentsTab
                  adjustments={result.adjustments}
                  excluded={excluded}
                  onToggle={onToggle}
                  onGenerate={() => onGenerate('adjustments')}
                  busy={!!busy}
                />
              )}
              {tab === 'stats' && <StatsTab result={result} />}
            </div>
          </>
        )}
        {!result && !actions.open && (
          <ActionBar
            hasResult={false}
            ready={actions.ready}
            busy={!!busy}
            canDownload={false}
            onMark={() => undefined}
            onClear={() => void session.clear(bilingual((t) => t.cleared))}
            onGenerate={() => undefined}
            onExportReport={() => undefined}
            onDownload={() => undefined}
          />
        )}
      </main>
    </LangContext.Provider>
  );
}
