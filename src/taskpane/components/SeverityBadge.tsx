/**
 * Severity as shape, word and colour together (never colour alone): ✕ 错误, ▲ 提醒, i 提示.
 * Colours are dark-on-light pairs with at least 4.5:1 contrast in the light theme.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SEVERITY_LABELS } from '../../domain/messages';
import type { Severity } from '../../domain/types';
import { useLang } from '../i18n';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    flexShrink: 0,
    padding: '0 4px',
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  error: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: {
    color: tokens.colorPaletteMarigoldForeground2,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  info: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground3 },
});

export const SEVERITY_GLYPH: Record<Severity, string> = { error: '✕', warning: '▲', info: 'i' };

/** compact: glyph only (the word is beside it already), still named for screen readers. */
export function SeverityBadge(props: { severity: Severity; compact?: boolean }) {
  const lang = useLang();
  const styles = useStyles();
  const word = SEVERITY_LABELS[props.severity][lang];
  return (
    <span className={mergeClasses(styles.badge, styles[props.severity])} title={word}>
      <span aria-hidden="true">{SEVERITY_GLYPH[props.severity]}</span>
      {props.compact ? null : <span>{word}</span>}
    </span>
  );
}
