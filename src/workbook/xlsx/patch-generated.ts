/**
 * The sheets the patcher adds, written straight as worksheet XML: the generated sheets in the
 * shared layout (sheet-layout.ts) that file-sheet.ts writes through ExcelJS (title, 填报单位 line,
 * bordered table, 合计 row, signature line; A4 fit to width, header row repeated and frozen, a
 * page per form), and the two very hidden record sheets (record.ts, generated-record.ts).
 * Building them through ExcelJS took longer than the whole rest of a 100,000-household copy;
 * strings are written inline, so the workbook's shared strings stay untouched.
 */
import { a1, columnLetters } from '../../domain/grid';
import type { GeneratedSheet } from '../output/generated';
import { HEADER_FILL_ARGB, SHEET_FONT, sheetLayout, type CellLook, type SheetLayout } from '../output/sheet-layout';
import { MAIN_NS, REL_NS } from './ooxml';
import type { StylesPatch } from './patch-styles';

export interface WrittenSheet {
  /** The worksheet XML in pieces, made as they are asked for. */
  xml: Iterable<string>;
  /** Defined names local to the sheet (print titles): name and formula. */
  definedNames: { name: string; formula: string }[];
}

const font = (size: number, bold: boolean) =>
  `<font>${bold ? '<b/>' : ''}<sz val="${size}"/><name val="${SHEET_FONT}"/><family val="3"/><charset val="134"/></font>`;
const HEADER_FILL = `<fill><patternFill patternType="solid"><fgColor rgb="${HEADER_FILL_ARGB}"/><bgColor indexed="64"/></patternFill></fill>`;
const edge = (side: string) => `<${side} style="thin"><color rgb="FF000000"/></${side}>`;
const BORDER = `<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`;
const align = (horizontal: string, wrap: boolean, indent = 0) =>
  `<alignment horizontal="${horizontal}" vertical="center"${wrap ? ' wrapText="1"' : ''}${indent ? ` indent="${indent}"` : ''}/>`;

// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// eslint-disable-next-line no-control-regex -- what xmlText changes: _xHHHH_, the characters above, & < >
const NEEDS_ESCAPE = /[_&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Text as XML character data: characters XML cannot carry are written as Excel's _xHHHH_. */
export function xmlText(s: string): string {
  // Most names and reasons need none of it (a million cells in a county's 公示名单).
  if (!NEEDS_ESCAPE.test(s)) return s;
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

/** Characters of a generated sheet's rows handed on at a time (the whole 公示名单 is ~30 million). */
const PIECE_CHARS = 1 << 20;

/**
 * The shared layout (sheet-layout.ts) as worksheet XML: the ExcelJS writer writes the same. The
 * XML comes in pieces of about a million characters, each made when the writer asks for it, so a
 * county's sheet is never one string and its compression can run while the next piece is made.
 */
export function generatedSheetXml(sheet: GeneratedSheet, name: string, styles: StylesPatch): WrittenSheet {
  const layout = sheetLayout(sheet);
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const t = layout.page.printTitleRow;
  return {
    xml: sheetPieces(layout, styles),
    definedNames: t ? [{ name: '_xlnm.Print_Titles', formula: xmlText(`${quoted}!$${t}:$${t}`) }] : [],
  };
}

function* sheetPieces(layout: SheetLayout, styles: StylesPatch): Generator<string> {
  const { page } = layout;
  const letters = layout.widths.map((_, c) => columnLetters(c));
  const last = letters[letters.length - 1] ?? 'A';
  const merges: string[] = [];
  // Looks are shared objects (sheet-layout.ts): known by identity, a key made only for a new one.
  const byLook = new Map<CellLook, number>();
  const byKey = new Map<string, number>();
  const formatOf = (look: CellLook) => {
    let s = byLook.get(look);
    if (s !== undefined) return s;
    // Made once per look object, not per cell: every field of the look, however many it has.
    const key = JSON.stringify(look);
    s = byKey.get(key);
    if (s === undefined) {
      s = styles.format({
        font: font(look.size, look.bold),
        fill: look.header ? HEADER_FILL : undefined,
        border: look.table ? BORDER : undefined,
        numFmt: look.numFmt,
        alignment: align(look.horizontal, look.wrap, look.indent),
      });
      byKey.set(key, s);
    }
    byLook.set(look, s);
    return s;
  };
  const cols = layout.widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const frozen = `A${page.frozenRows + 1}`;
  let piece =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${page.frozenRows}" topLeftCell="${frozen}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${frozen}" sqref="${frozen}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>`;
  for (const laid of layout.rows) {
    if (laid.merged) merges.push(`A${laid.row}:${last}${laid.row}`);
    let cells = '';
    for (const c of laid.cells)
      cells += cell(`${letters[c.col - 1] ?? columnLetters(c.col - 1)}${laid.row}`, c.value, formatOf(c.look));
    piece += row(laid.row, cells, laid.height);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  const m = page.margins;
  const breaks = page.breaksBefore.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('');
  yield (
    piece +
    `</sheetData>` +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`
      : '') +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="${page.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${xmlText(page.footer)}</oddFooter></headerFooter>` +
    (breaks
      ? `<rowBreaks count="${page.breaksBefore.length}" manualBreakCount="${page.breaksBefore.length}">${breaks}</rowBreaks>`
      : '') +
    `</worksheet>`
  );
}

/** A very hidden record sheet: rows of text from column A, every cell a string (never a formula). */
export function textSheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((values, r) => `<row r="${r + 1}">${values.map((v, c) => (v === '' ? '' : cell(a1(r, c), v))).join('')}</row>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}"><sheetData>${body}</sheetData></worksheet>`
  );
}
