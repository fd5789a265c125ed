/**
 * Any failure → the words the clerk reads, in Chinese and English: the one translator behind the
 * pane's and the web page's message bar, the ribbon commands' dialog (Excel and WPS) and the
 * command line's refusal line.
 *
 * Every error of ours (CodedError: RosterError, FileError, CliError, PolicyError, SettingsError,
 * WpsError, OutOfTimeError, …) carries a message id and data: its words are made here, from the
 * catalogue (src/domain/error-texts.ts). A bare file-system error names the file. Anything else gets a
 * polite line for its edge, never its message or class name: an error we did not foresee may quote
 * a cell, note or record it failed on (names, ID numbers). Duck-typed, not `instanceof`: an error
 * from a chunk loaded apart (the .xls converter) or from the worker is another object with the same shape.
 */
import type { Bilingual } from '../domain/rules/meta';
import { errorWords, isErrorMessageId, type Edge, type ErrorData, type ErrorMessageId } from '../domain/error-texts';
import { fileSystemError } from './file/file-error';

/** What a command or the pane tells the clerk when it is done or has failed, in both languages. */
export interface Notice extends Bilingual {
  ok: boolean;
}

export type { Edge };

const UNEXPECTED: Record<Edge, Bilingual> = {
  pane: {
    zh: '操作未完成，请重试；如仍不行，请把文件交给技术人员查看',
    en: 'Not completed; please try again, and if it fails again, give the file to technical support',
  },
  command: {
    zh: '出现意外错误，未能完成；请打开核查面板重试',
    en: 'Unexpected error; please try again from the check pane',
  },
  cli: {
    zh: '意外错误：程序内部出错，没有写出任何结果文件；请把所用的命令告诉技术支持',
    en: 'unexpected error inside the tool; no result file was written',
  },
};

/** An error that names a catalogue message and its data (also as it crosses from the worker). */
function coded(e: unknown): { messageId: ErrorMessageId; data: ErrorData } | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { messageId, data } = e as { messageId?: unknown; data?: unknown };
  if (!isErrorMessageId(messageId) || typeof data !== 'object' || data === null) return undefined;
  return { messageId, data: data as ErrorData };
}

/** The code, message id and data of one of our coded errors, for a JSON report. */
export function errorCode(e: unknown): { code: string; messageId: ErrorMessageId; data: ErrorData } | undefined {
  const known = coded(e);
  const code = (e as { code?: unknown }).code;
  return known && typeof code === 'string' ? { code, ...known } : undefined;
}

export function errorText(e: unknown, edge: Edge): Bilingual {
  const known = coded(e);
  if (known) {
    const { messageId, data } = known;
    return { zh: errorWords(messageId, data, 'zh', edge), en: errorWords(messageId, data, 'en', edge) };
  }
  const err = e as { code?: unknown; path?: unknown } | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const file = typeof err?.path === 'string' ? fileSystemError(code, err.path) : undefined;
  if (file) return errorText(file, edge);
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有读写该文件的权限', en: 'permission denied' };
  if (code === 'ENOSPC') return { zh: '磁盘空间不足', en: 'no space left on the disk' };
  // Office.js errors carry a code such as "InvalidArgument" or "GeneralException".
  if (code && edge !== 'cli' && !/^E[A-Z]+$/.test(code)) {
    return {
      zh: `Excel 未能完成操作（${code}），请稍后重试`,
      en: `Excel could not finish (${code}); please try again.`,
    };
  }
  return UNEXPECTED[edge];
}
