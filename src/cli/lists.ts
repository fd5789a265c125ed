/**
 * --list KIND=FILE: a reference list from another department's file (.xlsx, or .xls/.xlsb/.ods/.et
 * through the converter). The first sheet with a recognizable ID column is used, whatever it is
 * called.
 */
import { basename } from 'node:path';
import { detectList } from '../domain/columns';
import type { ExternalList } from '../domain/engine';
import { LIST_LABELS } from '../domain/fields';
import { openAnyWorkbookFile } from '../workbook/file-node';
import type { ListArg } from './args';
import { CliError } from './errors';

export async function readExtraLists(args: readonly ListArg[]): Promise<ExternalList[]> {
  const out: ExternalList[] = [];
  for (const { kind, file } of args) {
    const grid = await (await openAnyWorkbookFile(file)).readWorkbook();
    const sheet = grid.sheets.find((s) => !s.hidden && detectList(s, kind) !== null);
    if (!sheet) {
      throw new CliError(
        `${LIST_LABELS[kind]}文件 ${basename(file)} 中找不到身份证号列`,
        `no ID number column found in the ${kind} list ${basename(file)}`,
      );
    }
    out.push({ kind, sheet, source: basename(file) });
  }
  return out;
}
