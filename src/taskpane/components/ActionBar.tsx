/**
 * What to do with a result: 一键标注, 清除标注, 生成调整花名册, 更多 (抽查名单, 汇总, 公示名单,
 * JSON report) and, on the web page, 下载结果. Disabled while anything runs.
 */
import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SheetKind } from '../actions';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  hasResult: boolean;
  /** A workbook is there to act on (clearing needs no result). */
  ready: boolean;
  busy: boolean;
  canDownload: boolean;
  onMark: () => void;
  onClear: () => void;
  onGenerate: (kind: SheetKind) => void;
  onExportReport: () => void;
  onDownload: () => void;
}

export function ActionBar(p: ActionBarProps) {
  const s = useStrings();
  const styles = useStyles();
  const noResult = p.busy || !p.hasResult;
  return (
    <div className={styles.root} role="toolbar" aria-label={s.tabsLabel}>
      <Button appearance="primary" disabled={noResult} onClick={p.onMark}>
        {s.mark}
      </Button>
      <Button disabled={p.busy || !p.ready} onClick={p.onClear}>
        {s.clear}
      </Button>
      <Button disabled={noResult} onClick={() => p.onGenerate('adjustments')}>
        {s.generateAdjustment}
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton disabled={noResult}>{s.more}</MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => p.onGenerate('sample')}>{s.generateSample}</MenuItem>
            <MenuItem onClick={() => p.onGenerate('summary')}>{s.generateSummary}</MenuItem>
            <MenuItem onClick={() => p.onGenerate('publicity')}>{s.generatePublicity}</MenuItem>
            <MenuItem onClick={p.onExportReport}>{s.exportReport}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {p.canDownload && (
        <Button appearance="primary" disabled={p.busy || !p.ready} onClick={p.onDownload}>
          {s.download}
        </Button>
      )}
    </div>
  );
}
