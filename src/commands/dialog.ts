/**
 * How a ribbon command answers: a small dialog (message.html) with the one-line result, closed
 * by its 确定 button, by the clerk closing it, or after two minutes (a command must finish within
 * five). The text travels in the URL's fragment, which never reaches a server; it holds counts and
 * sheet names only, never a name or an ID number from the roster.
 */
import type { Notice } from '../workbook/error-text';

/** A command's one-line result, in both languages. */
export type { Notice };

/** What the message page reads from its URL fragment. */
export interface DialogMessage extends Notice {
  /** The clerk's language: the other one goes behind a details toggle. */
  lang: 'zh' | 'en';
}

export interface Dialogs {
  /** Open the page; resolves once it has been closed, or rejects when no dialog can open. */
  show(url: string, closeAfterMs: number): Promise<void>;
  /** Where message.html is, and the clerk's language. */
  base: string;
  lang: 'zh' | 'en';
}

export const DIALOG_CLOSE_AFTER_MS = 120_000;

export function messageUrl(base: string, message: DialogMessage): string {
  return new URL('message.html', base).href + '#' + encodeURIComponent(JSON.stringify(message));
}

export function readMessage(hash: string): DialogMessage | undefined {
  try {
    const m = JSON.parse(decodeURIComponent(hash.replace(/^#/, ''))) as Partial<DialogMessage>;
    if (typeof m.zh !== 'string' || typeof m.en !== 'string') return undefined;
    return { ok: m.ok === true, zh: m.zh, en: m.en, lang: m.lang === 'en' ? 'en' : 'zh' };
  } catch {
    return undefined;
  }
}

/** Show the notice; a host without dialogs leaves it to the pane (it was kept in the workbook). */
export async function showNotice(dialogs: Dialogs | undefined, notice: Notice): Promise<void> {
  if (!dialogs) return;
  try {
    await dialogs.show(messageUrl(dialogs.base, { ...notice, lang: dialogs.lang }), DIALOG_CLOSE_AFTER_MS);
  } catch {
    // No dialog (blocked, unsupported): the pane shows the kept notice when it opens.
  }
}

/** Office's dialog API, where this Excel has it (DialogApi 1.1). */
export function officeDialogs(): Dialogs | undefined {
  if (typeof Office === 'undefined' || !Office.context?.ui?.displayDialogAsync) return undefined;
  const display = Office.context.displayLanguage ?? '';
  return {
    base: location.href,
    lang: !display || display.toLowerCase().startsWith('zh') ? 'zh' : 'en',
    show: (url, closeAfterMs) =>
      new Promise<void>((resolve, reject) => {
        Office.context.ui.displayDialogAsync(url, { height: 24, width: 30, displayInIframe: true }, (r) => {
          if (r.status !== Office.AsyncResultStatus.Succeeded) {
            reject(new Error(r.error?.message ?? 'dialog'));
            return;
          }
          const dialog = r.value;
          let open = true;
          const close = () => {
            if (!open) return;
            open = false;
            clearTimeout(timer);
            try {
              dialog.close();
            } catch {
              // already closed by the clerk
            }
            resolve();
          };
          const timer = setTimeout(close, closeAfterMs);
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, close);
        });
      }),
  };
}
