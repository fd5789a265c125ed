/**
 * How a line of a VirtualList shows that it is the active one (and, while the list has the
 * keyboard focus, where the focus is): the same in every list, so the findings and the
 * adjustments cannot drift apart.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RowState } from './VirtualList';

export const useRowStateStyles = makeStyles({
  active: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  activeFocused: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
});

/** The line's own classes, then the active look over them (later classes win in mergeClasses). */
export function rowClasses(
  styles: ReturnType<typeof useRowStateStyles>,
  state: RowState,
  ...own: (string | false | undefined)[]
): string {
  return mergeClasses(...own, state.active && styles.active, state.active && state.focused && styles.activeFocused);
}
