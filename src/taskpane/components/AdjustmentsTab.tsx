/**
 * 调整: one line per proposed adjustment (村, 户主, 类型, 调整前 → 调整后, 原因). The checkbox
 * decides whether the household goes into the generated 调整花名册; unticked households are
 * passed to the sheet builder as `exclude`.
 */
import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Adjustment } from '../../domain/types';
import { adjustmentReason } from '../../domain/messages';
import { useLang, useStrings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { fontWeight: tokens.fontWeightSemibold },
  numbers: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  reason: { gridColumn: '2 / 4', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  type: {
    display: 'inline-block',
    marginLeft: tokens.spacingHorizontalS,
    padding: '0 4px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

export function AdjustmentsTab(props: {
  adjustments: Adjustment[];
  excluded: ReadonlySet<number>;
  onToggle: (household: number, include: boolean) => void;
  onGenerate: () => void;
  busy: boolean;
}) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adjustments, excluded } = props;
  if (adjustments.length === 0) return <div className={styles.empty}>{s.noAdjustments}</div>;
  const included = adjustments.filter((a) => !excluded.has(a.household)).length;
  const amount = (n: number) => n.toFixed(2);
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text size={200}>{s.adjIncluded(included, adjustments.length)}</Text>
        <Button size="small" disabled={props.busy || included === 0} onClick={props.onGenerate}>
          {s.generateAdjustment}
        </Button>
      </div>
      <ul className={styles.list} aria-label={s.tabs.adjustments}>
        {adjustments.map((a) => (
          <li key={`${a.household}:${a.type}`} className={styles.item}>
            <Checkbox
              checked={!excluded.has(a.household)}
              onChange={(_, d) => props.onToggle(a.household, d.checked === true)}
              aria-label={s.adjInclude(a.headName)}
            />
            <span>
              <span>{a.village} </span>
              <span className={styles.who}>{a.headName}</span>
              <span className={styles.type}>{s.adjustmentType[a.type]}</span>
            </span>
            <span className={styles.numbers}>
              {s.adjPersons(a.before.persons)} {amount(a.before.amount)} → {s.adjPersons(a.after.persons)}{' '}
              {amount(a.after.amount)}
            </span>
            <span className={styles.reason}>{adjustmentReason(a, lang)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
