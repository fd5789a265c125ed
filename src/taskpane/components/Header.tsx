/** Title line with the 中文 | EN switch (two toggle buttons, the pressed one is the language). */
import { Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings, type Lang } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  switch: { display: 'flex', gap: tokens.spacingHorizontalXXS },
});

export function Header(props: { lang: Lang; onLang: (lang: Lang) => void }) {
  const s = useStrings();
  const styles = useStyles();
  const option = (lang: Lang, label: string, full: string) => (
    <ToggleButton
      size="small"
      appearance="subtle"
      checked={props.lang === lang}
      aria-label={full}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      onClick={() => props.onLang(lang)}
    >
      {label}
    </ToggleButton>
  );
  return (
    <header className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {s.title}
      </Text>
      <div role="group" aria-label={s.langSwitch} className={styles.switch}>
        {option('zh', '中文', '中文')}
        {option('en', 'EN', 'English')}
      </div>
    </header>
  );
}
