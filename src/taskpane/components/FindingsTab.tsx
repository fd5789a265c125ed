/**
 * 问题: every finding, grouped under its worksheet row, with filters (严重程度, 类别, 村) and a
 * search box, in a virtual list that fills the rest of the pane (the pane's one scroll area).
 * Clicking a finding, or Enter on it, shows its cell and opens it: the whole message with its
 * calculation, the rule and column, and the row's cells as written. Clicking it again closes it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookGrid } from '../../domain/grid';
import { FAMILY_LABELS, SEVERITY_LABELS } from '../../domain/messages';
import type { Finding, RuleFamily, Severity } from '../../domain/types';
import type { PaneResult } from '../actions';
import { useLang, useStrings } from '../i18n';
import {
  countFindings,
  groupOf,
  isGroup,
  listItems,
  listOffsets,
  FAMILIES,
  NO_FILTER,
  SEVERITIES,
  type FindingFilter,
  type FindingsView,
  type ListItem,
} from '../model/findingRows';
import { LIST_PAINT_MARK, usePaintMark } from '../state/useSession';
import { rowCells, type RowCell } from '../model/rowCells';
import { SeverityBadge } from './SeverityBadge';
import { rowClasses, useRowStateStyles } from './rowClasses';
import { VirtualList, type RowState } from './VirtualList';

export const GROUP_HEIGHT = 28;
export const FINDING_HEIGHT = 46;
const LINE = 18;

/** Lines a text takes at this width: CJK characters ~14 px, others ~7 px (estimate, rounded up). */
function linesAt(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return Math.max(1, Math.ceil((units * 7) / Math.max(80, width)));
}

/** Height of an opened finding: its whole message, the detail line, then one line per row cell. */
export function openedHeight(text: string, cells: RowCell[], width: number): number {
  const messageWidth = width - 110; // badge, padding and the rule column
  const cellLines = cells.reduce((n, c) => n + linesAt(`${c.header}：${c.text}`, width - 40), 0);
  return 10 + linesAt(text, messageWidth) * LINE + LINE + (cells.length ? 6 + cellLines * LINE : 0) + 6;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, height: '100%', minHeight: 0 },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalXS,
  },
  searchLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  search: { flex: '1 1 auto', minWidth: 0 },
  count: { color: tokens.colorNeutralForeground3 },
  list: {
    flex: '1 1 0',
    minHeight: '160px',
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
  opened: { flexDirection: 'column', gap: '2px', cursor: 'default' },
  openedHead: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, width: '100%' },
  full: { flex: '1 1 auto', minWidth: 0, fontSize: tokens.fontSizeBase300, lineHeight: `${LINE}px` },
  detail: { fontSize: tokens.fontSizeBase200, lineHeight: `${LINE}px`, color: tokens.colorNeutralForeground2 },
  cells: {
    margin: '4px 0 0',
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${LINE}px`,
  },
  cellHeader: { color: tokens.colorNeutralForeground3 },
  cellAtFault: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

const selectable = (it: ListItem) => !isGroup(it);

export function FindingsTab(props: {
  result: PaneResult;
  /**
   * The list's text and keys: made in the web page's worker (possibly still in the previous
   * language while the new one is on its way), or by the pane from the whole result (App.tsx).
   */
  view: FindingsView;
  grid?: WorkbookGrid;
  /** The row of an opened finding from where the grid is (the web page's worker), instead of `grid`. */
  rowsOf?: (index: number) => Promise<RowCell[]>;
  onSelect: (f: Finding) => void;
}) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const rowStyles = useRowStateStyles();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  /** The opened finding (index into result.findings). */
  const [opened, setOpened] = useState<number>();
  const root = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(330);
  useEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => el.clientWidth > 0 && setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const { rowsOf } = props;
  const [fetched, setFetched] = useState<{ index: number; cells: RowCell[] }>();
  useEffect(() => {
    if (opened === undefined || !rowsOf) return;
    let live = true;
    rowsOf(opened).then(
      (cells) => live && setFetched({ index: opened, cells }),
      () => undefined, // the row is a convenience: the finding's own text is shown regardless
    );
    return () => {
      live = false;
    };
  }, [opened, rowsOf, props.result]);
  const openedCells = useMemo(() => {
    if (opened === undefined) return [];
    if (rowsOf) return fetched?.index === opened ? fetched.cells : [];
    return rowCells(props.grid, props.result, props.result.findings[opened]);
  }, [opened, rowsOf, fetched, props.grid, props.result]);
  const view = props.view;
  const items = useMemo(() => listItems(view, filter), [view, filter]);
  const shown = useMemo(() => countFindings(items), [items]);
  const findingAt = (p: number) => props.result.findings[view.finding[p]];

  const offsets = useMemo(() => {
    const at = opened === undefined ? -1 : view.finding.indexOf(opened);
    const height = at < 0 ? 0 : Math.max(FINDING_HEIGHT, openedHeight(view.text[at], openedCells, width));
    return listOffsets(items, { group: GROUP_HEIGHT, finding: FINDING_HEIGHT }, at, height);
  }, [items, view, opened, openedCells, width]);
  const itemKey = useCallback((it: ListItem) => (isGroup(it) ? `g:${groupOf(it)}` : `f:${view.finding[it]}`), [view]);

  // A new result resets the filters (its villages may differ).
  useEffect(() => {
    setFilter(NO_FILTER);
    setOpened(undefined);
  }, [props.result]);
  // A timing mark once the new list is painted.
  usePaintMark(LIST_PAINT_MARK, props.result);

  const set = (patch: Partial<FindingFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const renderItem = (it: ListItem, st: RowState) => {
    if (isGroup(it)) {
      const g = groupOf(it);
      return (
        <div className={styles.group}>
          <span className={styles.groupRow}>{s.rowHeader(view.groupRow[g])}</span>
          <span>{[view.groupName[g], view.groupVillage[g]].filter(Boolean).join(' · ')}</span>
          {view.groupSheet[g] && <span>{s.otherSheet(view.groupSheet[g])}</span>}
        </div>
      );
    }
    const f = findingAt(it);
    const text = view.text[it];
    if (view.finding[it] === opened) {
      return (
        <div className={rowClasses(rowStyles, st, styles.finding, styles.opened)}>
          <div className={styles.openedHead}>
            <SeverityBadge severity={f.severity} />
            <span className={styles.full}>{text}</span>
          </div>
          <span className={styles.detail}>{s.findingDetail(f.rule, f.column, f.cell)}</span>
          {openedCells.length > 0 && (
            <ul className={styles.cells} aria-label={s.rowCells(f.row)}>
              {openedCells.map((c, i) => (
                <li key={i} className={c.atFault ? styles.cellAtFault : undefined}>
                  <span className={styles.cellHeader}>{c.header}：</span>
                  {c.text || '（空）'}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    }
    return (
      <div className={rowClasses(rowStyles, st, styles.finding)} title={text}>
        <SeverityBadge severity={f.severity} />
        <span className={styles.message}>{text}</span>
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

  const itemLabel = (it: ListItem) => {
    if (isGroup(it)) return '';
    const f = findingAt(it);
    const g = view.group[it];
    return [
      s.rowHeader(view.groupRow[g]),
      view.groupName[g],
      view.groupVillage[g],
      SEVERITY_LABELS[f.severity][lang],
      view.text[it],
      f.rule,
      f.cell ?? '',
    ]
      .filter(Boolean)
      .join(' ');
  };

  return (
    <div className={styles.root} ref={root}>
      <div className={styles.filters}>
        <Select
          size="small"
          aria-label={s.severity}
          title={s.severity}
          value={filter.severity ?? ''}
          onChange={(_, d) => set({ severity: (d.value || undefined) as Severity | undefined })}
        >
          <option value="">{`${s.severity}：${s.all}`}</option>
          {SEVERITIES.map((v) => (
            <option key={v} value={v}>
              {SEVERITY_LABELS[v][lang]}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          aria-label={s.family}
          title={s.family}
          value={filter.family ?? ''}
          onChange={(_, d) => set({ family: (d.value || undefined) as RuleFamily | undefined })}
        >
          <option value="">{`${s.family}：${s.all}`}</option>
          {FAMILIES.map((v) => (
            <option key={v} value={v}>
              {FAMILY_LABELS[v][lang]}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          aria-label={s.village}
          title={s.village}
          value={filter.village === undefined ? '\u0000' : filter.village}
          onChange={(_, d) => set({ village: d.value === '\u0000' ? undefined : d.value })}
        >
          <option value={'\u0000'}>{`${s.village}：${s.all}`}</option>
          {view.villages.map((v) => (
            <option key={v} value={v}>
              {v || '—'}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.searchLine}>
        <Input
          className={styles.search}
          size="small"
          type="search"
          aria-label={s.search}
          placeholder={`${s.search}：${s.searchPlaceholder}`}
          value={filter.query}
          onChange={(_, d) => set({ query: d.value })}
        />
        <Text size={200} className={styles.count} aria-live="polite">
          {s.shownOf(shown, view.finding.length)}
        </Text>
      </div>
      {items.length === 0 ? (
        <div className={styles.empty}>
          {props.result.findings.length ? s.noMatch : s.noProblems(props.result.summary.households)}
        </div>
      ) : (
        <VirtualList
          className={styles.list}
          items={items}
          offsets={offsets}
          getKey={itemKey}
          isSelectable={selectable}
          renderItem={renderItem}
          onActivate={(it) => {
            if (isGroup(it)) return;
            const index = view.finding[it];
            setOpened((o) => (o === index ? undefined : index));
            props.onSelect(props.result.findings[index]);
          }}
          itemLabel={itemLabel}
          label={s.findingsList}
        />
      )}
    </div>
  );
}
