/**
 * The sheets the patcher adds (the generated sheets and the two very hidden records), each as
 * worksheet XML (patch-generated.ts) with its cell formats appended to the target's styles.
 */
import type { GeneratedSheet } from '../output/generated';
import { GENERATED_RECORD_SHEET, generatedRecordRows } from '../output/generated-record';
import { MARK_RECORD_SHEET } from '../host';
import { recordRows, type RecordedCell } from '../output/record';
import { generatedSheetXml, textSheetXml } from './patch-generated';
import type { StylesPatch } from './patch-styles';

export interface GraftedSheet {
  name: string;
  veryHidden: boolean;
  /** Whole, or in pieces made as they are asked for (patch-generated.ts). */
  xml: string | Iterable<string>;
  /** Defined names local to this sheet (print titles): name and formula. */
  definedNames: { name: string; formula: string }[];
}

/**
 * `sheets` come with the names they get (free, or the name of our earlier sheet they replace);
 * `generated` is the whole record of generated sheets (kind → name) to write, if any. One sheet's
 * XML at a time, made when asked for: a county's 公示名单 alone is tens of MB of text, and it can
 * go once it is compressed.
 */
export function* graftSheets(
  sheets: { sheet: GeneratedSheet; name: string }[],
  record: RecordedCell[],
  generated: ReadonlyMap<string, string>,
  target: StylesPatch,
): Generator<GraftedSheet> {
  for (const { sheet, name } of sheets) yield { name, veryHidden: false, ...generatedSheetXml(sheet, name, target) };
  if (generated.size) {
    const xml = textSheetXml(generatedRecordRows(generated));
    yield { name: GENERATED_RECORD_SHEET, veryHidden: true, xml, definedNames: [] };
  }
  if (record.length)
    yield { name: MARK_RECORD_SHEET, veryHidden: true, xml: textSheetXml(recordRows(record)), definedNames: [] };
}
