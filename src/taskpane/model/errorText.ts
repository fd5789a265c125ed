/**
 * Any failure → a short bilingual line for the message bar. Domain and host errors carry their
 * own zh/en text (RosterError, FileError); policy errors list the keys at fault; anything else
 * gets a polite generic line with the first line of its message, never a stack trace.
 */
export interface PaneMessage {
  zh: string;
  en: string;
}

function hasText(e: unknown): e is PaneMessage {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as PaneMessage).zh === 'string' &&
    typeof (e as PaneMessage).en === 'string'
  );
}

function hasIssues(e: unknown): e is { issues: string[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { issues?: unknown }).issues);
}

export function errorText(e: unknown): PaneMessage {
  if (hasText(e)) return { zh: e.zh, en: e.en };
  // Policy issues are already written "中文（English）", one per key.
  if (hasIssues(e) && e.issues.every((i) => typeof i === 'string')) {
    return { zh: '核查参数有误：' + e.issues.join('；'), en: '' };
  }
  const raw = e instanceof Error ? e.message : String(e);
  const firstLine = raw.split('\n')[0].slice(0, 200);
  return {
    zh: '操作未完成，请重试；如仍不行，请把文件交给技术人员查看',
    en: firstLine ? `Not completed: ${firstLine}` : 'Not completed',
  };
}
