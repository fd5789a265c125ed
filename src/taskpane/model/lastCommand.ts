/**
 * The ribbon's 一键标注 / 清除标注 run without the pane; they leave their result in the workbook's
 * settings. When the pane opens it shows that result once, with the time, so a failure the ribbon
 * could not display is not lost.
 */
import type { LastCommand } from '../../workbook/settings';
import type { Notice } from '../state/useSession';

/** "11月28日 16:05" in the clerk's local time. */
function when(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function lastCommandNotice(last: LastCommand | undefined): Notice | undefined {
  if (!last) return undefined;
  const t = when(last.at);
  return {
    ok: last.ok,
    zh: `上次功能区操作（${t}）：${last.zh}`,
    en: `Last ribbon command (${t}): ${last.en}`,
  };
}
