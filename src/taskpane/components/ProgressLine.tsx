/** The bar under 开始核查: how far reading, checking, marking or writing has come. */
import { Field, ProgressBar } from '@fluentui/react-components';
import type { ProgressEvent } from '../../workbook/host';
import { useStrings } from '../i18n';
import type { Busy } from '../state/useSession';

export function ProgressLine(props: { busy: Busy; progress?: ProgressEvent }) {
  const s = useStrings();
  const p = props.progress;
  const known = p && p.total > 0;
  return (
    <Field validationMessage={known ? s.progress[p.phase](p.done, p.total) : s.busy} validationState="none">
      <ProgressBar value={known ? Math.min(1, p.done / p.total) : undefined} thickness="large" aria-label={s.busy} />
    </Field>
  );
}
