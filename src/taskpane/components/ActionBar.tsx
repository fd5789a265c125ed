/**
 * What to do with a result. One primary button does the usual thing in one click: 标注并生成调整花名册
 * (mark the cells at fault, write the adjustment roster). Beside it the single steps: 一键标注,
 * 清除标注, and 更多 (调整花名册 alone, 抽查名单, 汇总, 公示名单, JSON report). On the web page
 * 下载结果 follows; once there is something to save it becomes the primary button and says what
 * the file holds. Disabled while anything runs.
 */
import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { SheetKind } from '../actions';
import { useStrings } from '../i18n';
import type { Unsaved } from '../state/useSession';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  wide: { width: '100%' },
  holds: { color: tokens.colorNeutralForeground2 },
  pending: {
    padding: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
});

export interface ActionBarProps {
  hasResult: boolean;
  /** A workbook is there to act on (clearing needs no result). */
  ready: boolean;
  busy: boolean;
  canDownload: boolean;
  /** What the web page holds and has not saved (highlights 下载结果). */
  unsaved?: Unsaved;
  onMarkAndGenerate: () => void;
  onMark: () => void;
  onClear: () => void;
  onGenerate: (kind: SheetKind) => void;
  onExportReport: () => void;
  onDownload: () => void;
  /** 自检, where the host has one. */
  onSelfTest?: () => void;
}

export function ActionBar(p: ActionBarProps) {
  const s = useStrings();
  const styles = useStyles();
  const holdsId = useId();
  const noResult = p.busy || !p.hasResult;
  const pending = !!p.unsaved && (p.unsaved.marks || p.unsaved.sheets.length > 0);
  const download = p.canDownload && (
    <Button
      className={pending ? styles.wide : undefined}
      appearance={pending ? 'primary' : 'secondary'}
      size={pending ? 'large' : 'medium'}
      disabled={p.busy || !p.ready}
      aria-describedby={pending ? holdsId : undefined}
      onClick={p.onDownload}
    >
      {s.download}
    </Button>
  );
  return (
    <div className={styles.root} role="toolbar" aria-label={s.tabsLabel}>
      {!pending && (
        <Button className={styles.wide} appearance="primary" disabled={noResult} onClick={p.onMarkAndGenerate}>
          {s.markAndGenerate}
        </Button>
      )}
      {pending && (
        <div className={styles.pending} role="status">
          {download}
          <Text size={200} id={holdsId} className={styles.holds}>
            {s.downloadHolds(p.unsaved!.marks, p.unsaved!.sheets)}
          </Text>
        </div>
      )}
      <div className={styles.row}>
        <Button disabled={noResult} onClick={p.onMark}>
          {s.mark}
        </Button>
        <Button disabled={p.busy || !p.ready} onClick={p.onClear}>
          {s.clear}
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton disabled={p.busy || (!p.hasResult && !p.onSelfTest)}>{s.more}</MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem disabled={noResult} onClick={() => p.onGenerate('adjustments')}>
                {s.generateAdjustment}
              </MenuItem>
              <MenuItem disabled={noResult} onClick={() => p.onGenerate('sample')}>
                {s.generateSample}
              </MenuItem>
              <MenuItem disabled={noResult} onClick={() => p.onGenerate('summary')}>
                {s.generateSummary}
              </MenuItem>
              <MenuItem disabled={noResult} onClick={() => p.onGenerate('publicity')}>
                {s.generatePublicity}
              </MenuItem>
              <MenuItem disabled={noResult} onClick={p.onExportReport}>
                {s.exportReport}
              </MenuItem>
              {p.onSelfTest && <MenuItem onClick={p.onSelfTest}>{s.selfTest}</MenuItem>}
            </MenuList>
          </MenuPopover>
        </Menu>
        {!pending && download}
      </div>
    </div>
  );
}
