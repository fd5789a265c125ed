/**
 * 统计: findings by rule family and by village as plain bars (divs: no chart library), each bar
 * labelled with its number, then the per-village totals and the checks that were skipped.
 */
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { FAMILY_LABELS, RULE_INFO, skippedReason } from '../../domain/messages';
import type { RuleFamily } from '../../domain/types';
import type { PaneResult } from '../actions';
import type { FindingsView } from '../model/findingRows';
import { useLang, useStrings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  chart: {
    display: 'grid',
    gridTemplateColumns: 'minmax(56px, max-content) 1fr',
    gap: '4px 8px',
    alignItems: 'center',
  },
  label: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  track: { display: 'flex', alignItems: 'center', gap: '6px' },
  bar: { height: '14px', display: 'flex', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', minWidth: '2px' },
  errorPart: { backgroundColor: tokens.colorPaletteRedBorder2 },
  warningPart: { backgroundColor: tokens.colorPaletteMarigoldBorder2 },
  infoPart: { backgroundColor: tokens.colorNeutralStroke1 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: '2px 4px',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'right',
  },
  first: { textAlign: 'left' },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface Counts {
  error: number;
  warning: number;
  info: number;
}
const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
const total = (c: Counts) => c.error + c.warning + c.info;

/**
 * Findings by family and by village. A finding's village is its household's, as the findings
 * list's view holds it (the web page's result crosses without its households).
 */
export function statsOf(result: PaneResult, view: FindingsView) {
  const byFamily = new Map<RuleFamily, Counts>((Object.keys(FAMILY_LABELS) as RuleFamily[]).map((f) => [f, zero()]));
  const byVillage = new Map<string, Counts>(result.summary.villages.map((v) => [v.village, zero()]));
  const at = new Int32Array(view.finding.length);
  view.finding.forEach((finding, p) => (at[finding] = p));
  for (let i = 0; i < result.findings.length; i++) {
    const f = result.findings[i];
    byFamily.get(RULE_INFO[f.rule].family)![f.severity]++;
    const village = f.household !== undefined ? view.villageKeys[view.village[at[i]]] : undefined;
    if (village !== undefined) {
      if (!byVillage.has(village)) byVillage.set(village, zero());
      byVillage.get(village)![f.severity]++;
    }
  }
  return { byFamily, byVillage };
}

function Bars(props: { rows: [string, Counts][]; title: string }) {
  const s = useStrings();
  const styles = useStyles();
  const max = Math.max(1, ...props.rows.map(([, c]) => total(c)));
  return (
    <section>
      <Text as="h3" weight="semibold" size={300}>
        {props.title}
      </Text>
      <div className={styles.chart} role="list">
        {props.rows.map(([label, c]) => (
          <div
            key={label}
            role="listitem"
            aria-label={s.chartBar(label, c.error, c.warning, c.info)}
            style={{ display: 'contents' }}
          >
            <span className={styles.label} title={label}>
              {label}
            </span>
            <span className={styles.track} title={s.chartBar(label, c.error, c.warning, c.info)}>
              {total(c) > 0 && (
                <span className={styles.bar} style={{ width: `${(total(c) / max) * 80}%` }} aria-hidden="true">
                  <span className={styles.errorPart} style={{ flexGrow: c.error }} />
                  <span className={styles.warningPart} style={{ flexGrow: c.warning }} />
                  <span className={styles.infoPart} style={{ flexGrow: c.info }} />
                </span>
              )}
              <span>{total(c)}</span>
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}

export function StatsTab(props: { result: PaneResult; view: FindingsView }) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const { byFamily, byVillage } = statsOf(props.result, props.view);
  const { summary, skipped } = props.result;
  const money = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className={styles.root}>
      <div className={styles.legend} aria-hidden="true">
        <span>
          <span className={mergeClasses(styles.swatch, styles.errorPart)} />
          {s.errors}
        </span>
        <span>
          <span className={mergeClasses(styles.swatch, styles.warningPart)} />
          {s.warnings}
        </span>
        <span>
          <span className={mergeClasses(styles.swatch, styles.infoPart)} />
          {s.infos}
        </span>
      </div>
      <Bars title={s.byFamily} rows={[...byFamily].map(([f, c]) => [FAMILY_LABELS[f][lang], c])} />
      <Bars title={s.byVillage} rows={[...byVillage].map(([v, c]) => [v || '—', c])} />
      <section>
        <Text as="h3" weight="semibold" size={300}>
          {s.villageTotals}
        </Text>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.cell, styles.first)}>{s.village}</th>
              <th className={styles.cell}>{s.households}</th>
              <th className={styles.cell}>{s.coveredPersons}</th>
              <th className={styles.cell}>{s.monthlyTotal}</th>
              <th className={styles.cell}>{s.errors}</th>
              <th className={styles.cell}>{s.warnings}</th>
            </tr>
          </thead>
          <tbody>
            {summary.villages.map((v) => (
              <tr key={v.village}>
                <td className={mergeClasses(styles.cell, styles.first)}>{v.village || '—'}</td>
                <td className={styles.cell}>{v.households}</td>
                <td className={styles.cell}>{v.coveredPersons}</td>
                <td className={styles.cell}>{money(v.monthlyTotal)}</td>
                <td className={styles.cell}>{v.errors}</td>
                <td className={styles.cell}>{v.warnings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {summary.missingBottomLine.length > 0 && <Text>{s.missingBottomLine(summary.missingBottomLine.length)}</Text>}
      {skipped.length > 0 && (
        <section>
          <Text as="h3" weight="semibold" size={300}>
            {s.skipped}
          </Text>
          <ul className={styles.muted}>
            {skipped.map((k) => (
              <li key={k.rule}>
                {k.rule} {RULE_INFO[k.rule].title[lang]}：{skippedReason(k, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
