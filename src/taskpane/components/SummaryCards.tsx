/**
 * The numbers a clerk reads first, in two short lines so the findings stay in view at 350 px:
 * households · persons · monthly total, then errors, warnings and the proposed adjustments by
 * type. error-count / warning-count hold the bare number (tests and outside tools read them),
 * counted from the findings themselves. The section takes the focus after a check (ref), so a
 * screen reader starts from the counts.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import { ADJUSTMENT_TYPES, type Severity } from '../../domain/types';
import type { PaneResult } from '../actions';
import { useStrings } from '../i18n';
import { SeverityBadge } from './SeverityBadge';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    fontVariantNumeric: 'tabular-nums',
  },
  count: { display: 'inline-flex', alignItems: 'center', gap: '4px', whiteSpace: 'nowrap' },
  detail: { color: tokens.colorNeutralForeground2 },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

const ADJUSTMENT_ORDER = ADJUSTMENT_TYPES;

export function countBySeverity(result: PaneResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return counts;
}

export function SummaryCards(props: { result: PaneResult; focusRef?: Ref<HTMLElement> }) {
  const s = useStrings();
  const styles = useStyles();
  const { summary, adjustments } = props.result;
  const counts = countBySeverity(props.result);
  const byType: [string, number][] = ADJUSTMENT_ORDER.map((t): [string, number] => [
    s.adjustmentType[t],
    adjustments.filter((a) => a.type === t).length,
  ]).filter(([, n]) => n > 0);
  return (
    <section className={styles.root} aria-label={s.tabsLabel} tabIndex={-1} ref={props.focusRef}>
      <Text className={styles.line}>
        <span title={s.households}>{s.hu(summary.households)}</span>
        <span title={s.coveredPersons}>{s.ren(summary.coveredPersons)}</span>
        <span>
          <span className={styles.detail}>{s.monthlyTotal} </span>
          {s.yuan(summary.monthlyTotal)}
        </span>
      </Text>
      <Text className={styles.line}>
        <span className={styles.count}>
          <SeverityBadge severity="error" compact /> {s.errors}{' '}
          <strong data-testid="error-count">{counts.error}</strong>
        </span>
        <span className={styles.count}>
          <SeverityBadge severity="warning" compact /> {s.warnings}{' '}
          <strong data-testid="warning-count">{counts.warning}</strong>
        </span>
        {counts.info > 0 && (
          <span className={styles.count}>
            {s.infos} {counts.info}
          </span>
        )}
        <span className={styles.count}>
          {s.adjustments} <strong>{adjustments.length}</strong>
          {byType.length > 0 && <span className={styles.detail}>（{s.adjustmentsBreakdown(byType)}）</span>}
        </span>
      </Text>
      {counts.error + counts.warning + counts.info === 0 && (
        <div role="status" className={styles.ok}>
          ✓ {s.noProblems(summary.households)}
        </div>
      )}
    </section>
  );
}
