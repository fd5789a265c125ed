/**
 * The words of every error the clerk can meet, in one catalogue: an error carries a message id
 * and the values it names (sheet, row, column, file name, sizes), never text. The text is made
 * from them at the edge (src/workbook/error-text.ts) in the clerk's language, Chinese first.
 *
 * An entry is a pair of functions rather than a template with {name} placeholders, because an
 * error's words depend on its values (a row or a cell, a size in GB, a list joined by 、 or ,).
 */
import { ROSTER_SPECS, type RosterField } from './fields';

export type Lang = 'zh' | 'en';

/** A value an error names: data from the workbook or the file system, never our words. */
export type ErrorValue = string | number | boolean | readonly string[] | undefined;
export type ErrorData = Readonly<Record<string, ErrorValue>>;

export interface ErrorEntry<Code extends string, D extends ErrorData> {
  /** The kind of failure callers branch on (exit code, fallback host); several messages share one. */
  code: Code;
  zh(d: D): string;
  en(d: D): string;
}

function entry<const Code extends string, D extends ErrorData = Record<never, never>>(
  code: Code,
  zh: (d: D) => string,
  en: (d: D) => string,
): ErrorEntry<Code, D> {
  return { code, zh, en };
}

const spec = (field: RosterField) => ROSTER_SPECS.find((s) => s.field === field)!;

/** A roster that cannot be checked at all (src/domain/errors.ts RosterError). */
export const ROSTER_ERRORS = {
  'no-sheets': entry(
    'no-sheets',
    () => '工作簿中没有工作表',
    () => 'The workbook has no sheets',
  ),
  'only-tool-sheets': entry(
    'no-header',
    (d: { sheets: readonly string[] }) => `工作簿中只有本工具生成的工作表（${d.sheets.join('、')}），没有花名册`,
    (d) => `The workbook holds only sheets this tool generated (${d.sheets.join(', ')}), no roster`,
  ),
  'no-header': entry(
    'no-header',
    (d: { sheets: readonly string[]; memberSheets: readonly string[] }) => {
      const [name, id] = [spec('headName'), spec('headId')];
      const members = d.memberSheets.length
        ? `（${d.memberSheets.map((s) => `“${s}”`).join('、')}是家庭成员表，不作花名册）`
        : '';
      return (
        `未找到花名册表头：请确认有“${name.header}”（或 ${name.aliases.join('、')}）` +
        `和“${id.header}”（或 ${id.aliases.join('、')}）两列。已查看的工作表：${d.sheets.join('、')}${members}`
      );
    },
    (d) => {
      const [name, id] = [spec('headName'), spec('headId')];
      const members = d.memberSheets.length ? ` (${d.memberSheets.join(', ')}: member sheet, not a roster)` : '';
      return (
        `Roster header not found: looked for ${name.header} (or ${name.aliases.join(', ')}) ` +
        `and ${id.header} (or ${id.aliases.join(', ')}) in sheets: ${d.sheets.join(', ')}${members}`
      );
    },
  ),
  'sheet-not-found': entry(
    'sheet-not-found',
    (d: { name: string; sheets: readonly string[] }) =>
      `找不到工作表“${d.name}”。本工作簿的工作表：${d.sheets.join('、')}`,
    (d) => `Sheet "${d.name}" not found. Sheets in this workbook: ${d.sheets.join(', ')}`,
  ),
  uncomputed: entry(
    'uncomputed',
    (d: { sheet: string; row: number; column: string }) =>
      `工作表“${d.sheet}”第${d.row}行“${d.column}”列的公式没有计算结果：请在 Excel 或 WPS 中打开此文件、保存后再核查`,
    (d) =>
      `sheet "${d.sheet}" row ${d.row} column "${d.column}": the formula has no calculated result; open and save the file in Excel or WPS, then check again`,
  ),
};

export type RosterMessageId = keyof typeof ROSTER_ERRORS;

/** Every error entry by message id. */
export const ERROR_TEXTS = { ...ROSTER_ERRORS };

export type ErrorMessageId = keyof typeof ERROR_TEXTS;

type Catalogue = Record<string, ErrorEntry<string, never>>;

/** The data an entry's message takes. */
export type DataOf<T extends Catalogue, M extends keyof T> = T[M] extends ErrorEntry<string, infer D> ? D : never;

/** The constructor's data argument: optional for a message that names nothing. */
export type DataArgs<T extends Catalogue, M extends keyof T> =
  Record<never, never> extends DataOf<T, M> ? [data?: DataOf<T, M>] : [data: DataOf<T, M>];

export function isErrorMessageId(id: unknown): id is ErrorMessageId {
  return typeof id === 'string' && Object.hasOwn(ERROR_TEXTS, id);
}

/** An error's words in one language, from its message id and data. */
export function errorWords(messageId: ErrorMessageId, data: ErrorData, lang: Lang): string {
  const e = ERROR_TEXTS[messageId] as ErrorEntry<string, ErrorData>;
  return e[lang](data);
}
