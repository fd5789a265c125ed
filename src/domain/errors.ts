/**
 * Errors the domain raises when a workbook cannot be checked at all. Kept apart from engine.ts so
 * that columns.ts (which the engine imports) can throw them without a runtime import cycle.
 */
import {
  errorWords,
  ROSTER_ERRORS,
  type DataArgs,
  type DataOf,
  type ErrorData,
  type RosterMessageId,
} from './error-texts';

export type RosterErrorCode = (typeof ROSTER_ERRORS)[RosterMessageId]['code'];

/**
 * A roster that cannot be checked at all: a message id and the sheets, rows and columns it names
 * (error-texts.ts has the words). `zh`/`en` render them, for the consumers that duck-type on them.
 */
export class RosterError<M extends RosterMessageId = RosterMessageId> extends Error {
  readonly code: RosterErrorCode;
  readonly data: DataOf<typeof ROSTER_ERRORS, M>;

  constructor(
    public readonly messageId: M,
    ...[data]: DataArgs<typeof ROSTER_ERRORS, M>
  ) {
    const values = (data ?? {}) as ErrorData;
    super(`${errorWords(messageId, values, 'zh')}（${errorWords(messageId, values, 'en')}）`);
    this.name = 'RosterError';
    this.code = ROSTER_ERRORS[messageId].code;
    this.data = values as DataOf<typeof ROSTER_ERRORS, M>;
  }

  get zh(): string {
    return errorWords(this.messageId, this.data as ErrorData, 'zh');
  }

  get en(): string {
    return errorWords(this.messageId, this.data as ErrorData, 'en');
  }
}
