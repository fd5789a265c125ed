/**
 * Errors the domain raises when a workbook cannot be checked at all. Kept apart from engine.ts so
 * that columns.ts (which the engine imports) can throw them without a runtime import cycle.
 */
import { CodedError } from './coded-error';
import { ROSTER_ERRORS, type DataArgs, type ErrorData, type RosterMessageId } from './error-texts';

export type RosterErrorCode = (typeof ROSTER_ERRORS)[RosterMessageId]['code'];

/** A roster that cannot be checked at all: a message id and the sheets, rows and columns it names. */
export class RosterError<M extends RosterMessageId = RosterMessageId> extends CodedError<M> {
  constructor(messageId: M, ...[data]: DataArgs<typeof ROSTER_ERRORS, M>) {
    super('RosterError', messageId, data as ErrorData | undefined);
  }
}
