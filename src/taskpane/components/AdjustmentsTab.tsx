/**
 * 调整: one line per proposed adjustment (村, 户主, 类型, 调整前 → 调整后, 原因). The checkbox
 * decides whether the household goes into the generated 调整花名册; unticked households are
 * passed to the sheet builder as `exclude`.
 *
 * The lines are a virtual list (as the findings are): a line of controls per adjustment, drawn at
 * once, froze the page when a county's tab was opened. The list is one tab stop; ↑/↓, PgUp/PgDn, Home/End
 * move, Space or Enter ticks or unticks the line, and a click anywhere on the line does too.
 */
import { useCallback, useMemo } from 'react';
import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Adjustment } from '../../domain/types';
import { adjustmentReason } from '../../domain/messages';
import { useLang, useStrings } from '../i18n';
import { rowClasses, useRowStateStyles } from './rowClasses';
import { VirtualList } from './VirtualList';

/** Every line has this height: who, the before → after figures, then the reason in at most two lines. */
export const ADJUSTMENT_HEIGHT = 76;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, height: '100%', minHeight: 0 },
  bar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: {
    flex: '1 1 0',
    minHeight: '160px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    // Fixed lines, so every line of the list has the one height the list places it by.
    gridTemplateRows: '20px 16px 32px',
    columnGap: tokens.spacingHorizontalXS,
    height: '100%',
    boxSizing: 'border-box',
    padding: `4px ${tokens.spacingHorizontalS} 4px 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  box: { gridRow: '1 / 4', alignSelf: 'start', marginTop: '-6px' },
  line: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', lineHeight: '20px' },
  who: { fontWeight: tokens.fontWeightSemibold },
  numbers: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: '16px',
    fontVariantNumeric: 'tabular-nums',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  reason: {
    gridColumn: 2,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: '16px',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  type: {
    display: 'inline-block',
    marginLeft: tokens.spacingHorizontalS,
    padding: '0 4px',
    lineHeight: '16px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

const keyOf = (a: Adjustment) => `${a.household}:${a.type}`;
const always = () => true;

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
  const rowStyles = useRowStateStyles();
  const { adjustments, excluded, onToggle } = props;
  const offsets = useMemo(
    () => Float64Array.from({ length: adjustments.length + 1 }, (_, i) => i * ADJUSTMENT_HEIGHT),
    [adjustments],
  );
  const toggle = useCallback((a: Adjustment) => onToggle(a.household, excluded.has(a.household)), [onToggle, excluded]);
  if (adjustments.length === 0) return <div className={styles.empty}>{s.noAdjustments}</div>;
  let included = 0;
  for (const a of adjustments) if (!excluded.has(a.household)) included++;
  const amount = (n: number) => n.toFixed(2);
  const numbers = (a: Adjustment) =>
    `${s.adjPersons(a.before.persons)} ${amount(a.before.amount)} → ${s.adjPersons(a.after.persons)} ${amount(a.after.amount)}`;
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text size={200}>{s.adjIncluded(included, adjustments.length)}</Text>
        <Button size="small" disabled={props.busy || included === 0} onClick={props.onGenerate}>
          {s.generateAdjustment}
        </Button>
      </div>
      <VirtualList
        className={styles.list}
        items={adjustments}
        offsets={offsets}
        getKey={keyOf}
        isSelectable={always}
        onActivate={toggle}
        label={s.tabs.adjustments}
        itemLabel={(a) =>
          [
            s.adjInclude(a.headName),
            excluded.has(a.household) ? s.adjLeftOut : s.adjKept,
            a.village,
            s.adjustmentType[a.type],
            numbers(a),
            adjustmentReason(a, lang),
          ].join(' ')
        }
        renderItem={(a, st) => {
          const reason = adjustmentReason(a, lang);
          return (
            <div className={rowClasses(rowStyles, st, styles.item)} title={reason}>
              {/* The line is the control (a click on the box reaches the line); the box only shows the state. */}
              <Checkbox
                className={styles.box}
                checked={!excluded.has(a.household)}
                tabIndex={-1}
                aria-hidden
                onChange={() => undefined}
              />
              <span className={styles.line}>
                <span>{a.village} </span>
                <span className={styles.who}>{a.headName}</span>
                <span className={styles.type}>{s.adjustmentType[a.type]}</span>
              </span>
              <span className={styles.numbers}>{numbers(a)}</span>
              <span className={styles.reason}>{reason}</span>
            </div>
          );
        }}
      />
    </div>
  );
}
