/**
 * The one message the pane shows, in the clerk's language only: at 350 px a message in both
 * languages fills the pane (a missing header was 16 lines). The other language, when there is
 * one, waits behind a small toggle.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useLang, useStrings } from '../i18n';
import type { Notice } from '../state/useSession';

const useStyles = makeStyles({
  other: { marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer' },
});

export function NoticeBar(props: { notice: Notice; onDismiss: () => void }) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const text = props.notice;
  const intent = text.ok ? 'success' : 'error';
  const mine = text[lang] || text.zh;
  const other = lang === 'zh' ? text.en : text.zh;
  return (
    <MessageBar intent={intent} politeness={intent === 'error' ? 'assertive' : 'polite'} layout="multiline">
      <MessageBarBody>
        {intent === 'error' && <strong>{s.failed}：</strong>}
        {mine}
        {other && other !== mine && (
          <details className={styles.other}>
            <summary className={styles.summary}>{s.otherLanguage}</summary>
            <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{other}</span>
          </details>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            size="small"
            appearance="transparent"
            aria-label={s.dismiss}
            title={s.dismiss}
            onClick={props.onDismiss}
          >
            <span aria-hidden="true">✕</span>
          </Button>
        }
      />
    </MessageBar>
  );
}
