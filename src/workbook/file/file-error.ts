/**
 * Why a workbook file could not be opened or written: a message id and the values it names (file
 * name, sheet, cell, sizes), never a file's content (names, ID numbers). The words are in the
 * catalogue (src/domain/error-texts.ts), made at the edge by errorText().
 */
import { CodedError } from '../../domain/coded-error';
import {
  FILE_ERRORS,
  isFileSystemCause,
  type DataArgs,
  type ErrorData,
  type FileMessageId,
} from '../../domain/error-texts';

export type FileErrorCode = (typeof FILE_ERRORS)[FileMessageId]['code'];

export class FileError<M extends FileMessageId = FileMessageId> extends CodedError<M> {
  constructor(messageId: M, ...[data]: DataArgs<typeof FILE_ERRORS, M>) {
    super('FileError', messageId, data as ErrorData | undefined);
  }
}

/**
 * A file system refusal: the cause, and the path it happened on (the clerk's own path: no file
 * content). Undefined for a code that is not a file system cause.
 */
export function fileSystemError(code: string | undefined, path: string): FileError | undefined {
  return isFileSystemCause(code) ? new FileError('file-system', { cause: code, path }) : undefined;
}

/** The zip itself is cut short or inconsistent: every reader says the same. */
export function truncatedFile(): FileError {
  return new FileError('truncated');
}

/** The zip is whole but a part will not inflate or parse: every reader says the same. */
export function unreadableWorkbook(): FileError {
  return new FileError('unreadable');
}
