/**
 * The one message the pane shows: a failure (Chinese, then English beside it, as the domain
 * wrote them) or a short confirmation in the pane's language.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useLang, useStrings } from '../i18n';
import type { Notice } from '../state/useSession';

export function NoticeBar(props: { notice: Notice; onDismiss: () => void }) {
  const s = useStrings();
  const lang = useLang();
  const { intent, text } = props.notice;
  const body = intent === 'error' ? (text.en ? `${text.zh}（${text.en}）` : text.zh) : text[lang];
  return (
    <MessageBar intent={intent} politeness={intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        {intent === 'error' && <strong>{s.failed}：</strong>}
        {body}
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
