/**
 * 问题: every finding, grouped under its worksheet row, with filters (严重程度, 类别, 村) and a
 * search box, in a virtual list. Clicking a finding, or Enter on it, shows its cell.
 */
import { useEffect, useMemo, useState } from 'react';
import { Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { FAMILY_LABELS, SEVERITY_LABELS } from '../../domain/messages';
import type { CheckResult, Finding, RuleFamily, Severity } from '../../domain/types';
import { useLang, useStrings } from '../i18n';
import {
  countFindings,
  listItems,
  prepareFindings,
  villagesOf,
  NO_FILTER,
  type FindingFilter,
  type ListItem,
} from '../model/findingRows';
import { LIST_PAINT_MARK, timingMark } from '../state/useSession';
import { SeverityBadge } from './SeverityBadge';
import { VirtualList } from './VirtualList';

export const GROUP_HEIGHT = 28;
export const FINDING_HEIGHT = 46;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, height: '100%', minHeight: 0 },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(100px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  count: { color: tokens.colorNeutralForeground3 },
  list: {
    flex: '1 1 auto',
    minHeight: '240px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  group: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    height: '100%',
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalS} 2px`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  groupRow: { fontWeight: tokens.fontWeightSemibold },
  finding: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    height: '100%',
    boxSizing: 'border-box',
    padding: `4px ${tokens.spacingHorizontalS} 4px ${tokens.spacingHorizontalL}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  active: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  activeFocused: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
  message: {
    flex: '1 1 auto',
    minWidth: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: '18px',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  where: {
    flexShrink: 0,
    textAlign: 'right',
    fontSize: tokens.fontSizeBase200,
    lineHeight: '16px',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyMonospace,
  },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const FAMILIES = Object.keys(FAMILY_LABELS) as RuleFamily[];
const itemHeight = (it: ListItem) => (it.kind === 'group' ? GROUP_HEIGHT : FINDING_HEIGHT);
const itemKey = (it: ListItem) => it.key;
const selectable = (it: ListItem) => it.kind === 'finding';

export function FindingsTab(props: { result: CheckResult; onSelect: (f: Finding) => void }) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const prepared = useMemo(() => prepareFindings(props.result, lang), [props.result, lang]);
  const villages = useMemo(() => villagesOf(props.result), [props.result]);
  const items = useMemo(
    () => listItems(prepared, filter, props.result.roster.sheet),
    [prepared, filter, props.result.roster.sheet],
  );
  const shown = useMemo(() => countFindings(items), [items]);

  // A new result resets the filters (its villages may differ) and, once painted, leaves a timing mark.
  useEffect(() => {
    setFilter(NO_FILTER);
    const frame = requestAnimationFrame(() => setTimeout(() => timingMark(LIST_PAINT_MARK), 0));
    return () => cancelAnimationFrame(frame);
  }, [props.result]);

  const set = (patch: Partial<FindingFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const renderItem = (it: ListItem, st: { active: boolean; focused: boolean }) => {
    if (it.kind === 'group') {
      return (
        <div className={styles.group}>
          <span className={styles.groupRow}>{s.rowHeader(it.row)}</span>
          <span>{[it.name, it.village].filter(Boolean).join(' · ')}</span>
          {it.otherSheet && <span>{s.otherSheet(it.sheet)}</span>}
        </div>
      );
    }
    const f = it.item.finding;
    return (
      <div
        className={mergeClasses(
          styles.finding,
          st.active && styles.active,
          st.active && st.focused && styles.activeFocused,
        )}
        title={it.item.text}
      >
        <SeverityBadge severity={f.severity} />
        <span className={styles.message}>{it.item.text}</span>
        <span className={styles.where}>
          {f.rule}
          {f.cell && (
            <>
              <br />
              {f.cell}
            </>
          )}
        </span>
      </div>
    );
  };

  const itemLabel = (it: ListItem) =>
    it.kind === 'group'
      ? ''
      : [
          s.rowHeader(it.group.row),
          it.group.name,
          it.group.village,
          SEVERITY_LABELS[it.item.finding.severity][lang],
          it.item.text,
          it.item.finding.rule,
          it.item.finding.cell ?? '',
        ]
          .filter(Boolean)
          .join(' ');

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <Field label={s.severity} size="small">
          <Select
            size="small"
            value={filter.severity ?? ''}
            onChange={(_, d) => set({ severity: (d.value || undefined) as Severity | undefined })}
          >
            <option value="">{s.all}</option>
            {SEVERITIES.map((v) => (
              <option key={v} value={v}>
                {SEVERITY_LABELS[v][lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.family} size="small">
          <Select
            size="small"
            value={filter.family ?? ''}
            onChange={(_, d) => set({ family: (d.value || undefined) as RuleFamily | undefined })}
          >
            <option value="">{s.all}</option>
            {FAMILIES.map((v) => (
              <option key={v} value={v}>
                {FAMILY_LABELS[v][lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.village} size="small">
          <Select
            size="small"
            value={filter.village === undefined ? '\u0000' : filter.village}
            onChange={(_, d) => set({ village: d.value === '\u0000' ? undefined : d.value })}
          >
            <option value={'\u0000'}>{s.all}</option>
            {villages.map((v) => (
              <option key={v} value={v}>
                {v || '—'}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={s.search} size="small">
        <Input
          size="small"
          type="search"
          placeholder={s.searchPlaceholder}
          value={filter.query}
          onChange={(_, d) => set({ query: d.value })}
        />
      </Field>
      <Text size={200} className={styles.count} aria-live="polite">
        {s.shownOf(shown, props.result.findings.length)}
      </Text>
      {items.length === 0 ? (
        <div className={styles.empty}>
          {props.result.findings.length ? s.noMatch : s.noProblems(props.result.households.length)}
        </div>
      ) : (
        <VirtualList
          className={styles.list}
          items={items}
          itemHeight={itemHeight}
          getKey={itemKey}
          isSelectable={selectable}
          renderItem={renderItem}
          onActivate={(it) => it.kind === 'finding' && props.onSelect(it.item.finding)}
          itemLabel={itemLabel}
          label={s.findingsList}
        />
      )}
    </div>
  );
}
