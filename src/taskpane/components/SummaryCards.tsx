/**
 * The numbers a clerk reads first, in two short lines so the findings stay in view at 350 px:
 * households · persons · monthly total, then errors, warnings and the proposed adjustments by
 * type (a Tally: counted from the findings and adjustments themselves). error-count /
 * warning-count hold the bare number (tests and outside tools read them). The section takes the
 * focus after a check (ref), so a screen reader starts from the counts. On the web page the
 * counts come ahead of the findings list and are shown as soon as they come; once painted, a
 * timing mark is left (COUNTS_PAINT_MARK).
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import { useStrings } from '../i18n';
import type { Tally } from '../model/tally';
import { usePaintMark } from '../state/useSession';
import { SeverityBadge } from './SeverityBadge';

/** Left once new counts are painted (the bench's "file chosen → counts shown"). */
export const COUNTS_PAINT_MARK = 'dibao:counts-painted';

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

export function SummaryCards(props: { tally: Tally; focusRef?: Ref<HTMLElement> }) {
  const s = useStrings();
  const styles = useStyles();
  const summary = props.tally;
  const { counts } = props.tally;
  const byType = props.tally.adjustmentsByType.map(([t, n]): [string, number] => [s.adjustmentType[t], n]);
  usePaintMark(COUNTS_PAINT_MARK, props.tally);
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
          {s.adjustments} <strong>{props.tally.adjustments}</strong>
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
