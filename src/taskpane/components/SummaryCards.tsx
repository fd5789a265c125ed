/**
 * The numbers a clerk reads first: households, covered persons, monthly total, errors, warnings,
 * proposed adjustments by type. error-count / warning-count hold the bare number (tests and
 * outside tools read them), counted from the findings themselves.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AdjustmentType, CheckResult, Severity } from '../../domain/types';
import { useStrings } from '../i18n';
import { SeverityBadge } from './SeverityBadge';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(104px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  label: { color: tokens.colorNeutralForeground2, display: 'flex', alignItems: 'center', gap: '4px' },
  value: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  detail: { color: tokens.colorNeutralForeground3 },
  ok: {
    padding: tokens.spacingVerticalS,
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const ADJUSTMENT_ORDER: AdjustmentType[] = ['新增', '停保', '增发', '减发'];

export function countBySeverity(result: CheckResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return counts;
}

export function SummaryCards(props: { result: CheckResult }) {
  const s = useStrings();
  const styles = useStyles();
  const { summary, adjustments } = props.result;
  const counts = countBySeverity(props.result);
  const byType: [string, number][] = ADJUSTMENT_ORDER.map((t): [string, number] => [
    s.adjustmentType[t],
    adjustments.filter((a) => a.type === t).length,
  ]).filter(([, n]) => n > 0);
  const card = (label: ReactNode, value: ReactNode, detail?: string) => (
    <div className={styles.card}>
      <Text size={200} className={styles.label}>
        {label}
      </Text>
      <Text size={500} weight="semibold" className={styles.value}>
        {value}
      </Text>
      {detail && (
        <Text size={200} className={styles.detail}>
          {detail}
        </Text>
      )}
    </div>
  );
  return (
    <section aria-label={s.tabsLabel}>
      <div className={styles.grid}>
        {card(s.households, s.hu(summary.households))}
        {card(s.coveredPersons, s.ren(summary.coveredPersons))}
        {card(s.monthlyTotal, s.yuan(summary.monthlyTotal))}
        {card(
          <>
            <SeverityBadge severity="error" compact /> {s.errors}
          </>,
          <span data-testid="error-count">{counts.error}</span>,
        )}
        {card(
          <>
            <SeverityBadge severity="warning" compact /> {s.warnings}
          </>,
          <span data-testid="warning-count">{counts.warning}</span>,
          counts.info ? `${s.infos} ${counts.info}` : undefined,
        )}
        {card(s.adjustments, adjustments.length, s.adjustmentsBreakdown(byType))}
      </div>
      {counts.error + counts.warning + counts.info === 0 && (
        <div role="status" className={styles.ok}>
          ✓ {s.noProblems(summary.households)}
        </div>
      )}
    </section>
  );
}
