/**
 * A workbook grid written as a plain .xlsx in memory, the way Excel stores one: text in the
 * shared strings, numbers in <v>, one worksheet per sheet. The web page's worker reads such a
 * workbook back through the own reader to warm its code up (taskpane/worker/warm-up.ts). Text and
 * numbers only: a date or a boolean is written as the text a clerk sees.
 */
import { a1, cellText, type WorkbookGrid } from '../../domain/grid';
import type { Codec } from './package';
import { PackageWriter } from './package';
import { MAIN_NS, REL_NS, WORKSHEET_CONTENT_TYPE } from './ooxml';
import { xmlText } from './patch-generated';
import { escapeAttr } from './patch-xml';

const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export async function gridPackage(grid: WorkbookGrid, codec: Codec): Promise<Uint8Array> {
  const strings = new Map<string, number>();
  const shared = (text: string) => {
    let at = strings.get(text);
    if (at === undefined) strings.set(text, (at = strings.size));
    return at;
  };
  const sheetXml = grid.sheets.map((sheet) => {
    const rows = sheet.rows.map((row, r) => {
      const cells = row.map((cell, c) => {
        if (!cell) return '';
        if (cell.t === 'number') return `<c r="${a1(r, c)}"><v>${cell.v as number}</v></c>`;
        return `<c r="${a1(r, c)}" t="s"><v>${shared(cellText(cell))}</v></c>`;
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    });
    return `${DECLARATION}<worksheet xmlns="${MAIN_NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  });
  const sst = [...strings.keys()].map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join('');
  const names = grid.sheets.map((s, i) => ({ name: s.name, part: `worksheets/sheet${i + 1}.xml`, id: `rId${i + 1}` }));
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        names.map((s) => `<Override PartName="/xl/${s.part}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`).join('') +
        `</Types>`,
    ],
    [
      '_rels/.rels',
      `${DECLARATION}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" ` +
        `Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        names.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="${s.id}"/>`).join('') +
        `</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
        names.map((s) => `<Relationship Id="${s.id}" Type="${REL_NS}/worksheet" Target="${s.part}"/>`).join('') +
        `<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rIdT" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        `</Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${DECLARATION}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
        `<cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`,
    ],
    [
      'xl/sharedStrings.xml',
      `${DECLARATION}<sst xmlns="${MAIN_NS}" count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`,
    ],
    ...names.map((s, i): [string, string] => [`xl/${s.part}`, sheetXml[i]]),
  ];
  const writer = new PackageWriter(codec);
  for (const [name, content] of parts) await writer.write(name, content);
  return writer.finish();
}
