/**
 * --list KIND=FILE: a reference list from another department's file (.xlsx, or .xls/.xlsb/.ods/.et
 * through the converter). The first sheet with a recognizable ID column is used, whatever it is
 * called.
 */
import { basename } from 'node:path';
import { detectList } from '../domain/columns';
import type { ExternalList } from '../domain/engine';
import type { ErrorData } from '../domain/error-texts';
import { FileError } from '../workbook/file/file-error';
import { legacyFormatOfFile, openAnyWorkbookFile, readWorkbookGrid } from '../workbook/file/file-node';
import type { ListArg } from './args';
import { CliError } from './errors';

export async function readExtraLists(args: readonly ListArg[]): Promise<ExternalList[]> {
  const out: ExternalList[] = [];
  for (const { kind, file } of args) {
    const grid = await readList(file, kind);
    const sheet = grid.sheets.find((s) => !s.hidden && detectList(s, kind) !== null);
    if (!sheet) {
      throw new CliError('list-without-ids', { kind, file: basename(file) });
    }
    out.push({ kind, sheet, source: basename(file) });
  }
  return out;
}

/** A list that cannot be read is named as the list, not taken for the roster. */
async function readList(file: string, kind: ListArg['kind']) {
  try {
    // .xls/.ods lists go through the converter; .xlsx through the own reader.
    if (legacyFormatOfFile(file)) return await (await openAnyWorkbookFile(file)).readWorkbook();
    return await readWorkbookGrid(file);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    throw new CliError('list-unreadable', {
      kind,
      file: basename(file),
      cause: { messageId: e.messageId, data: e.data as ErrorData },
    });
  }
}
