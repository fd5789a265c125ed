/**
 * The sheets the patcher adds (the generated sheets and the mark record), built small: ExcelJS
 * writes them into a fresh workbook, and their sheet parts are taken over from it with their
 * cell formats renumbered into the target's styles.xml and their shared strings made inline (the
 * target's sharedStrings.xml, often the largest part after the sheets, stays untouched).
 */
import ExcelJS from 'exceljs';
import { writeGeneratedSheet } from '../file-sheet';
import type { GeneratedSheet } from '../generated';
import { MARK_RECORD_SHEET } from '../host';
import { writeRecord, type RecordedCell } from '../record';
import { GENERATED_RECORD_SHEET, generatedRecordRows } from '../generated-record';
import { XlsxPackage, type Codec } from './package';
import { StylesPatch } from './patch-styles';
import { elements, getAttr, rootPrefix, startTag } from './patch-xml';
import { workbookSheets } from './patch-workbook';

export interface GraftedSheet {
  name: string;
  veryHidden: boolean;
  /** The sheet's XML with its formats renumbered for the target. */
  xml: string;
  /** Defined names local to this sheet (print titles): name and formula. */
  definedNames: { name: string; formula: string }[];
}

/**
 * `sheets` come with the names they get (free, or the name of our earlier sheet they replace);
 * `generated` is the whole record of generated sheets (kind → name) to write, if any.
 */
export async function graftSheets(
  sheets: { sheet: GeneratedSheet; name: string }[],
  record: RecordedCell[],
  generated: ReadonlyMap<string, string>,
  target: StylesPatch,
  codec: Codec,
): Promise<GraftedSheet[]> {
  if (!sheets.length && !record.length && !generated.size) return [];
  const wb = new ExcelJS.Workbook();
  // Without its kind the sheet is simply written (the record of kinds is written below, whole).
  for (const { sheet, name } of sheets) writeGeneratedSheet(wb, { ...sheet, name, kind: undefined });
  if (generated.size) {
    const ws = wb.addWorksheet(GENERATED_RECORD_SHEET, { state: 'veryHidden' });
    for (const row of generatedRecordRows(generated)) ws.addRow(row);
  }
  if (record.length) writeRecord(wb, record);
  const written: unknown = await wb.xlsx.writeBuffer();
  const bytes = written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
  const pkg = new XlsxPackage(bytes, codec);
  const text = async (name: string) => {
    const part = pkg.part(name);
    return part ? pkg.text(part) : '';
  };
  const workbookXml = await text('xl/workbook.xml');
  const listed = workbookSheets(workbookXml, await text('xl/_rels/workbook.xml.rels'));
  const styleMap = target.graft(new StylesPatch(await text('xl/styles.xml')));
  const sstXml = await text('xl/sharedStrings.xml');
  const sp = rootPrefix(sstXml, 'sst');
  const strings = elements(sstXml, sp, 'si').map((si) => si.xml.slice(startTag(si.xml).length, -`</${sp}si>`.length));
  const defined = elements(workbookXml, rootPrefix(workbookXml, 'workbook'), 'definedName').map((d) => ({
    name: getAttr(startTag(d.xml), 'name') ?? '',
    local: getAttr(startTag(d.xml), 'localSheetId'),
    formula: d.xml.slice(startTag(d.xml).length, d.xml.lastIndexOf('</')),
  }));
  const out: GraftedSheet[] = [];
  for (const [i, s] of listed.entries()) {
    let xml = await text(s.part);
    const p = rootPrefix(xml, 'worksheet');
    xml = xml
      .replace(
        /(<(?:[\w.-]+:)?(?:c|row)\b[^>]*?\ss=")(\d+)"/g,
        (_, head: string, n: string) => `${head}${styleMap[Number(n)] ?? 0}"`,
      )
      .replace(
        /(<(?:[\w.-]+:)?col\b[^>]*?\sstyle=")(\d+)"/g,
        (_, head: string, n: string) => `${head}${styleMap[Number(n)] ?? 0}"`,
      )
      .replace(
        new RegExp(`<${p}c\\b([^>]*?)\\st="s"([^>]*)><${p}v>(\\d+)</${p}v></${p}c>`, 'g'),
        (_, a: string, b: string, n: string) =>
          `<${p}c${a} t="inlineStr"${b}><${p}is>${strings[Number(n)] ?? ''}</${p}is></${p}c>`,
      );
    out.push({
      name: s.name,
      veryHidden: s.name === MARK_RECORD_SHEET || s.name === GENERATED_RECORD_SHEET,
      xml,
      definedNames: defined.filter((d) => d.local === String(i)).map((d) => ({ name: d.name, formula: d.formula })),
    });
  }
  return out;
}
