/**
 * The 边改边查 switch (inside Excel only): when on, an edit of the roster re-checks its household
 * and re-marks it (see state/liveRecheck.ts). Its words live here, not in i18n.ts: one switch.
 */
import { Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLang } from '../i18n';

const WORDS = {
  zh: { label: '边改边查', hint: '改动花名册后，自动重查该户并更新标注' },
  en: { label: 'Check as I edit', hint: 'Editing the roster re-checks that household and its marks' },
};

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function LiveSwitch(p: { on: boolean; onChange: (on: boolean) => void }) {
  const styles = useStyles();
  const w = WORDS[useLang()];
  return (
    <div className={styles.root}>
      <Switch checked={p.on} onChange={(_, d) => p.onChange(d.checked)} label={w.label} />
      <Text size={200} className={styles.hint}>
        {w.hint}
      </Text>
    </div>
  );
}
