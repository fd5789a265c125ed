/**
 * A refusal: the command could not do its job (exit code 2). It is shown as one line on stderr,
 * Chinese first and English beside it, without a stack trace. Like every error of ours it is a
 * message id and data; the words are in the catalogue (src/domain/error-texts.ts CLI_ERRORS).
 */
import { CodedError } from '../domain/coded-error';
import { CLI_ERRORS, type CliMessageId, type DataArgs, type ErrorData } from '../domain/error-texts';
import { errorText } from '../workbook/error-text';

export class CliError<M extends CliMessageId = CliMessageId> extends CodedError<M> {
  constructor(messageId: M, ...[data]: DataArgs<typeof CLI_ERRORS, M>) {
    super('CliError', messageId, data as ErrorData | undefined);
  }
}

export type Verb = 'check' | 'clear' | 'usage';

const PREFIX: Record<Verb, { zh: string; en: string }> = {
  check: { zh: '无法核查：', en: 'Not checked: ' },
  clear: { zh: '无法清除标注：', en: 'Marks not cleared: ' },
  usage: { zh: '参数错误：', en: 'Bad arguments: ' },
};

/** Any thrown value → the Chinese and English text of a refusal (the one translator, error-text.ts). */
export function describe(e: unknown): { zh: string; en: string } {
  return errorText(e, 'cli');
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
