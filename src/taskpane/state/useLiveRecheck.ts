/** 边改边查 in the pane: a LiveRecheck while the switch is on and the host can watch the workbook. */
import { useEffect, useRef } from 'react';
import type { Lang } from '../../domain/messages';
import type { LiveHost } from '../../workbook/live';
import { LiveRecheck, type LiveOptions } from './liveRecheck';

export function useLiveRecheck(
  host: LiveHost | undefined,
  on: boolean,
  live: Omit<LiveOptions, 'host' | 'lang'>,
  lang: Lang,
): void {
  const langRef = useRef(lang);
  langRef.current = lang;
  useEffect(() => {
    if (!host || !on) return;
    const controller = new LiveRecheck({ ...live, host, lang: () => langRef.current });
    controller.start().catch((e: unknown) => live.onError(e));
    return () => void controller.stop().catch(() => undefined);
  }, [host, on, live]);
}
