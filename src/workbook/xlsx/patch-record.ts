/**
 * The hidden record sheets (the mark record of output/record.ts, the generated sheets' record)
 * read straight from a package's XML, for the patching writer: clearing, and marking a copy that
 * was marked before.
 */
import { columnIndex } from '../../domain/grid';
import { parseRecordRows, type RecordEntry } from '../output/record';
import type { XlsxPackage } from './package';
import { elements, getAttr, rootPrefix, startTag, unescapeOoxml, unescapeXml } from './patch-xml';

export async function readRecordPart(pkg: XlsxPackage, sheetPart: string): Promise<RecordEntry[]> {
  return parseRecordRows(await readSheetRows(pkg, sheetPart));
}

/** A small sheet's rows as text (a hidden record sheet), each row from column A; rows in order, empty rows left out. */
export async function readSheetRows(pkg: XlsxPackage, sheetPart: string): Promise<string[][]> {
  const part = pkg.part(sheetPart);
  if (!part) return [];
  const xml = await pkg.text(part);
  const p = rootPrefix(xml, 'worksheet');
  const rows: Map<number, string>[] = [];
  const shared = new Set<number>();
  for (const row of elements(xml, p, 'row')) {
    const cells = new Map<number, string>();
    for (const c of elements(row.xml, p, 'c')) {
      const tag = startTag(c.xml);
      const col = columnIndex((getAttr(tag, 'r') ?? 'A').replace(/\d+/g, '')) + 1;
      const t = getAttr(tag, 't');
      let value: string;
      if (t === 'inlineStr') value = textOf(c.xml, p);
      else {
        const v = elements(c.xml, p, 'v')[0];
        value = v ? unescapeXml(v.xml.slice(startTag(v.xml).length, -`</${p}v>`.length)) : '';
        if (t === 's') shared.add(Number(value));
        if (t === 's') value = `\u0000${value}`;
      }
      cells.set(col, value);
    }
    rows.push(cells);
  }
  const strings = shared.size ? await sharedStrings(pkg, shared) : new Map<number, string>();
  const text = (v: string | undefined) =>
    v === undefined ? '' : v.startsWith('\u0000') ? (strings.get(Number(v.slice(1))) ?? '') : v;
  return rows.map((cells) => {
    const last = Math.max(0, ...cells.keys());
    const row: string[] = [];
    for (let c = 1; c <= last; c++) row.push(text(cells.get(c)));
    return row;
  });
}

function textOf(el: string, p: string): string {
  return elements(el.replace(/<([\w.-]+:)?rPh\b[\s\S]*?<\/([\w.-]+:)?rPh>/g, ''), p, 't')
    .map((t) =>
      t.xml.endsWith('/>') ? '' : unescapeOoxml(unescapeXml(t.xml.slice(startTag(t.xml).length, -`</${p}t>`.length))),
    )
    .join('');
}

/** Only the shared strings the record uses. */
async function sharedStrings(pkg: XlsxPackage, wanted: Set<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const part = pkg.part('xl/sharedStrings.xml');
  if (!part) return out;
  const xml = await pkg.text(part);
  const p = rootPrefix(xml, 'sst');
  elements(xml, p, 'si').forEach((si, i) => {
    if (wanted.has(i)) out.set(i, textOf(si.xml, p));
  });
  return out;
}
