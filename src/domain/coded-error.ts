/**
 * What RosterError and FileError share: an error that is a message id and the values it names;
 * the words come from the catalogue (error-texts.ts) and are made at the edge by errorText().
 */
import { errorWords, ERROR_TEXTS, type DataOf, type ErrorData, type ErrorMessageId } from './error-texts';

export abstract class CodedError<M extends ErrorMessageId> extends Error {
  readonly code: (typeof ERROR_TEXTS)[M]['code'];
  readonly data: DataOf<typeof ERROR_TEXTS, M>;

  protected constructor(
    name: string,
    public readonly messageId: M,
    data: ErrorData | undefined,
  ) {
    const values = data ?? {};
    // Chinese first, English beside it, for whatever prints an Error as it is.
    super(`${errorWords(messageId, values, 'zh')}（${errorWords(messageId, values, 'en')}）`);
    this.name = name;
    this.code = ERROR_TEXTS[messageId].code;
    this.data = values as DataOf<typeof ERROR_TEXTS, M>;
  }

  /** The words, for the consumers that duck-type on them (tests, the .xls converter's chunk). */
  get zh(): string {
    return errorWords(this.messageId, this.data as ErrorData, 'zh');
  }

  get en(): string {
    return errorWords(this.messageId, this.data as ErrorData, 'en');
  }
}
