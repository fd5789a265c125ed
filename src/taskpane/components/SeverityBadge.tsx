/**
 * Severity as shape, word and colour together (never colour alone): ✕ 错误, ▲ 提醒, i 提示.
 * Colours are theme tokens chosen for at least 4.5:1 text contrast in both the light and the
 * dark theme (test/taskpane/contrast.test.ts holds them to it).
 */
import { makeStyles, mergeClasses, tokens, type Theme } from '@fluentui/react-components';
import { SEVERITY_LABELS } from '../../domain/messages';
import type { Severity } from '../../domain/types';
import { useLang } from '../i18n';

/** Text and background token of each severity's badge. */
export const SEVERITY_TOKENS: Record<Severity, [keyof Theme, keyof Theme]> = {
  error: ['colorPaletteRedForeground1', 'colorPaletteRedBackground1'],
  warning: ['colorPaletteMarigoldForeground2', 'colorPaletteYellowBackground1'],
  info: ['colorNeutralForeground2', 'colorNeutralBackground3'],
};

const paint = (s: Severity) => ({
  color: tokens[SEVERITY_TOKENS[s][0]],
  backgroundColor: tokens[SEVERITY_TOKENS[s][1]],
});

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
  error: paint('error'),
  warning: paint('warning'),
  info: paint('info'),
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
