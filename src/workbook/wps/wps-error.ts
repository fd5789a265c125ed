import { CodedError } from '../../domain/coded-error';

/** A WPS host failure the clerk can act on: a message id (words in src/domain/error-texts.ts). */
export class WpsError<M extends 'wps-no-workbook' | 'wps-unknown-shape'> extends CodedError<M> {
  constructor(messageId: M) {
    super('WpsError', messageId, undefined);
  }
}
