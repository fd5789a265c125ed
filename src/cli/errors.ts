/**
 * A refusal: the command could not do its job (exit code 2). It is shown as one line on stderr,
 * Chinese first and English beside it, without a stack trace.
 */
import { FileError, fileSystemError } from '../workbook/file-error';
import { RosterError } from '../domain/errors';
import { PolicyError } from '../domain/policy';

export class CliError extends Error {
  constructor(
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(`${zh}（${en}）`);
    this.name = 'CliError';
  }
}

export type Verb = 'check' | 'clear' | 'usage';

const PREFIX: Record<Verb, { zh: string; en: string }> = {
  check: { zh: '无法核查：', en: 'Not checked: ' },
  clear: { zh: '无法清除标注：', en: 'Marks not cleared: ' },
  usage: { zh: '参数错误：', en: 'Bad arguments: ' },
};

/** Any thrown value → the Chinese and English text of a refusal. */
export function describe(e: unknown): { zh: string; en: string } {
  if (e instanceof CliError || e instanceof FileError || e instanceof RosterError) return { zh: e.zh, en: e.en };
  if (e instanceof PolicyError) {
    return { zh: `核查参数有误：${e.issues.join('；')}`, en: 'bad policy' };
  }
  const err = e as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const words = typeof err?.path === 'string' ? fileSystemError(code, err.path) : undefined;
  if (words) return { zh: words.zh, en: words.en };
  if (code === 'EACCES' || code === 'EPERM') {
    return { zh: '没有读写该文件的权限', en: 'permission denied' };
  }
  if (code === 'ENOSPC') return { zh: '磁盘空间不足', en: 'no space left on the disk' };
  // An error we did not foresee may quote the cell, note or record it failed on (names, ID
  // numbers), and its class name (RangeError, ZodError) means nothing to a clerk: neither is shown.
  return {
    zh: '意外错误：程序内部出错，没有写出任何结果文件；请把所用的命令告诉技术支持',
    en: 'unexpected error inside the tool; no result file was written',
  };
}

/** The one stderr line of a refusal, e.g. "无法核查：未找到花名册表头…（Not checked: roster header not found…）". */
export function refusalLine(verb: Verb, e: unknown): string {
  const { zh, en } = describe(e);
  const p = PREFIX[verb];
  return `${p.zh}${oneLine(zh)}（${p.en}${oneLine(en)}）\n`;
}

/** Folder mode: one file could not be checked (the others go on). */
export function fileRefusalLine(file: string, e: unknown): string {
  const { zh, en } = describe(e);
  return `无法核查 ${file}：${oneLine(zh)}（Not checked: ${file}: ${oneLine(en)}）\n`;
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
