/**
 * The sheets the patcher adds, written straight as worksheet XML: the generated sheets in the
 * layout file-sheet.ts gives them through ExcelJS (title, 填报单位 line, bordered table, 合计 row,
 * signature line; A4 fit to width, header row repeated and frozen), and the two very hidden record
 * sheets (record.ts, generated-record.ts). Building them through ExcelJS took longer than the
 * whole rest of a 100,000-household copy; strings are written inline, so the workbook's shared
 * strings stay untouched.
 */
import { alignmentOf, cellValue, LINE_HEIGHT, linesOf, rowHeight, shownText, SHEET_FONT } from '../file-sheet';
import { layoutOf, type GeneratedColumn, type GeneratedSheet, type GeneratedValue } from '../generated';
import { columnLetters } from './patch-sheet';
import type { StylesPatch } from './patch-styles';

export interface WrittenSheet {
  xml: string;
  /** Defined names local to the sheet (print titles): name and formula. */
  definedNames: { name: string; formula: string }[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const font = (size: number, bold: boolean) =>
  `<font>${bold ? '<b/>' : ''}<sz val="${size}"/><name val="${SHEET_FONT}"/><family val="3"/><charset val="134"/></font>`;
const HEADER_FILL =
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill>';
const edge = (side: string) => `<${side} style="thin"><color rgb="FF000000"/></${side}>`;
const BORDER = `<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`;
const align = (horizontal: string, wrap: boolean, indent = 0) =>
  `<alignment horizontal="${horizontal}" vertical="center"${wrap ? ' wrapText="1"' : ''}${indent ? ` indent="${indent}"` : ''}/>`;

// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data: characters XML cannot carry are written as Excel's _xHHHH_. */
export function xmlText(s: string): string {
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m.slice(1)}`)
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function cell(ref: string, v: string | number | null, s?: number): string {
  const style = s ? ` s="${s}"` : '';
  if (v === null) return `<c r="${ref}"${style}/>`;
  if (typeof v === 'number')
    return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style}/>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

function row(r: number, cells: string, height?: number): string {
  return `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`;
}

export function generatedSheetXml(sheet: GeneratedSheet, name: string, styles: StylesPatch): WrittenSheet {
  const layout = layoutOf(sheet);
  const n = sheet.columns.length;
  const last = columnLetters(n);
  const tableWidth = sheet.columns.reduce((w, c) => w + c.width, 0);
  const merges: string[] = [];
  const rows: string[] = [];
  const title = styles.format({ font: font(16, true), alignment: align('center', false) });
  const line = styles.format({ font: font(11, false), alignment: align('left', true) });
  const header = styles.format({
    font: font(11, true),
    fill: HEADER_FILL,
    border: BORDER,
    alignment: align('center', true),
  });

  const mergedLine = (r: number, text: string, s: number, height: number) => {
    if (n > 1) merges.push(`A${r}:${last}${r}`);
    rows.push(row(r, cell(`A${r}`, text, s), height));
  };
  mergedLine(layout.titleRow, sheet.title, title, 36);
  sheet.subtitle.forEach((text, i) =>
    mergedLine(layout.subtitleRows[i], text, line, Math.max(24, linesOf(text, tableWidth) * LINE_HEIGHT + 6)),
  );
  rows.push(
    row(
      layout.headerRow,
      sheet.columns.map((c, i) => cell(`${columnLetters(i + 1)}${layout.headerRow}`, c.header, header)).join(''),
      rowHeight(
        sheet.columns.map((c) => c.header),
        sheet.columns,
        24,
      ),
    ),
  );
  const tableRow = (r: number, values: GeneratedValue[], bold: boolean) => {
    const cells = sheet.columns
      .map((col, c) => {
        const v = values[c] ?? null;
        return cell(`${columnLetters(c + 1)}${r}`, cellValue(col, v), bodyFormat(styles, col, v, bold));
      })
      .join('');
    const height = rowHeight(
      sheet.columns.map((col, c) => shownText(col, values[c] ?? null)),
      sheet.columns,
      22,
    );
    rows.push(row(r, cells, height));
  };
  sheet.body.forEach((values, i) => tableRow(layout.firstBodyRow + i, values, false));
  if (sheet.totals && layout.totalsRow !== undefined) tableRow(layout.totalsRow, sheet.totals, true);
  sheet.footer.forEach((text, i) =>
    mergedLine(layout.footerRows[i], text, line, Math.max(24, linesOf(text, tableWidth) * LINE_HEIGHT + 6)),
  );

  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  const frozen = `A${layout.headerRow + 1}`;
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${layout.headerRow}" topLeftCell="${frozen}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${frozen}" sqref="${frozen}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '') +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.25" footer="0.25"/>` +
    `<pageSetup paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${xmlText('&C第 &P 页，共 &N 页')}</oddFooter></headerFooter>` +
    `</worksheet>`;
  const quoted = `'${name.replace(/'/g, "''")}'`;
  return {
    xml,
    definedNames: [
      { name: '_xlnm.Print_Titles', formula: xmlText(`${quoted}!$${layout.headerRow}:$${layout.headerRow}`) },
    ],
  };
}

function bodyFormat(styles: StylesPatch, col: GeneratedColumn, v: GeneratedValue, bold: boolean): number {
  const horizontal = alignmentOf(col, v);
  const numFmt = col.asText ? '@' : col.numFmt && typeof v === 'number' ? col.numFmt : undefined;
  return styles.format({
    font: font(11, bold),
    border: BORDER,
    numFmt,
    alignment: align(horizontal, true, horizontal === 'center' ? 0 : 1),
  });
}

/** A very hidden record sheet: rows of text from column A, every cell a string (never a formula). */
export function textSheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map(
      (values, r) =>
        `<row r="${r + 1}">${values.map((v, c) => (v === '' ? '' : cell(`${columnLetters(c + 1)}${r + 1}`, v))).join('')}</row>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}"><sheetData>${body}</sheetData></worksheet>`
  );
}
