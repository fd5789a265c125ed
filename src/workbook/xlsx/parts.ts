/**
 * The small parts every sheet needs before it can be read: the sheet list (workbook.xml and its
 * relationships), the number formats of the cell styles (styles.xml: dates are numbers with a
 * date format) and the shared strings. Read the way ExcelJS's in-memory reader reads them, so a
 * large file checked with this reader gives what a small file checked through ExcelJS gives.
 */
import type { Cell } from '../../domain/grid';
import { MARK_RECORD_SHEET } from '../host';
import { unreadableWorkbook } from '../file/file-error';
import { Unsupported } from './unsupported';
import { attr, decodeOoxml, decodeXml, MAX_MARKUP_CHARS, nameIs, XmlScanner, type XmlHandler } from './xml';

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** Zip part name, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

type Chunks = AsyncIterable<Uint8Array>;

async function scan(chunks: Chunks, h: XmlHandler, plainDoctype = false): Promise<void> {
  await new XmlScanner(h, plainDoctype).readAll(chunks);
}

const noText = () => {};

/** workbook.xml + its relationships → the worksheets in tab order. */
export async function readWorkbookInfo(
  workbook: Chunks,
  rels: Chunks | undefined,
  plainDoctype = false,
): Promise<WorkbookInfo> {
  const listed: { name: string; state?: string; rid?: string }[] = [];
  let date1904 = false;
  await scan(
    workbook,
    {
      open(src, ns, ne, end) {
        if (nameIs(src, ns, ne, 'sheet')) {
          listed.push({
            name: attr(src, ne, end, 'name') ?? '',
            state: attr(src, ne, end, 'state'),
            rid: attr(src, ne, end, 'id'),
          });
        } else if (nameIs(src, ns, ne, 'workbookPr')) {
          const v = attr(src, ne, end, 'date1904');
          date1904 = v === '1' || v === 'true';
        }
      },
      close: noText,
      text: noText,
    },
    plainDoctype,
  );
  const targets = new Map<string, { target: string; type: string }>();
  if (rels) {
    await scan(
      rels,
      {
        open(src, ns, ne, end) {
          if (!nameIs(src, ns, ne, 'Relationship')) return;
          const id = attr(src, ne, end, 'Id');
          if (id)
            targets.set(id, { target: attr(src, ne, end, 'Target') ?? '', type: attr(src, ne, end, 'Type') ?? '' });
        },
        close: noText,
        text: noText,
      },
      plainDoctype,
    );
  }
  const sheets: SheetEntry[] = [];
  for (const s of listed) {
    const rel = s.rid ? targets.get(s.rid) : undefined;
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    sheets.push({ name: s.name, hidden: !!s.state && s.state !== 'visible', part: partPath(rel.target) });
  }
  return { sheets, date1904 };
}

/** A relationship target of workbook.xml as a zip part name. */
function partPath(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Excel's built-in number formats that ExcelJS knows (ids it does not know read as General). */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export interface CellStyle {
  numFmt?: string;
  isDate: boolean;
}

/** ExcelJS's test: a format with y, m, d, h, s or b outside quotes and brackets shows a date. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** styles.xml → the number format of each cell style (the `s` of a cell indexes this list). */
export async function readCellStyles(styles: Chunks | undefined): Promise<CellStyle[]> {
  if (!styles) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await scan(styles, {
    open(src, ns, ne, end) {
      if (nameIs(src, ns, ne, 'numFmt')) {
        const code = attr(src, ne, end, 'formatCode');
        if (code !== undefined) custom.set(Number(attr(src, ne, end, 'numFmtId')), code.replace(/[\\](.)/g, '$1'));
      } else if (nameIs(src, ns, ne, 'cellXfs')) inCellXfs = true;
      else if (inCellXfs && nameIs(src, ns, ne, 'xf')) xfs.push(Number(attr(src, ne, end, 'numFmtId') ?? 0));
    },
    close(src, ns, ne) {
      if (nameIs(src, ns, ne, 'cellXfs')) inCellXfs = false;
    },
    text: noText,
  });
  return xfs.map((id) => {
    // As ExcelJS: format 0 is General, and a custom format wins over a built-in one of the same id.
    const numFmt = id ? (custom.get(id) ?? BUILT_IN[id]) : undefined;
    return { numFmt, isDate: isDateFormat(numFmt) };
  });
}

/** Bytes gathered to be decoded in one call: a call per string costs more than its characters. */
class ByteBatch {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  push(src: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    this.buf.set(src.subarray(start, end), this.length);
    this.length += end - start;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  text(): string {
    return utf8.decode(this.buf.subarray(0, this.length));
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }
}

const utf8 = new TextDecoder('utf-8');
const LT = 60;
const AMP = 38;
const ESCAPES: Record<number, number[]> = {
  [AMP]: [...'&amp;'].map((c) => c.charCodeAt(0)),
  [LT]: [...'&lt;'].map((c) => c.charCodeAt(0)),
};

/**
 * sharedStrings.xml → one Cell per string: every cell showing that string shares it (cells are
 * never changed once read), which keeps a county's roster of repeated 是/否/村 names small.
 * Rich text is its runs' text joined; phonetic guides (rPh) are not part of the text. The runs'
 * raw bytes are gathered with a '<' after each (raw XML text never holds one; CDATA's is escaped)
 * and decoded at once at the end.
 */
export async function readSharedStrings(sst: Chunks | undefined): Promise<Cell[]> {
  if (!sst) return [];
  const raw = new ByteBatch();
  /** How many runs (<t>) each string has. */
  const runs: number[] = [];
  let inT = false;
  let phonetic = 0;
  let runsHere = 0;
  let runStart = 0;
  await scan(sst, {
    open(src, ns, ne) {
      if (nameIs(src, ns, ne, 't')) {
        inT = phonetic === 0;
        runStart = raw.length;
      } else if (nameIs(src, ns, ne, 'rPh')) phonetic++;
      else if (nameIs(src, ns, ne, 'si')) runsHere = 0;
    },
    close(src, ns, ne) {
      if (nameIs(src, ns, ne, 't')) {
        if (inT) {
          raw.byte(LT);
          runsHere++;
        }
        inT = false;
      } else if (nameIs(src, ns, ne, 'rPh')) phonetic--;
      else if (nameIs(src, ns, ne, 'si')) runs.push(runsHere);
    },
    text(src, start, end, cdata) {
      if (!inT) return;
      if (!cdata) raw.push(src, start, end);
      else {
        // CDATA is literal text: its '&' and '<' go in as entities, which decodeXml turns back.
        for (let i = start; i < end; i++) {
          const escaped = ESCAPES[src[i]];
          if (escaped) for (const b of escaped) raw.byte(b);
          else raw.byte(src[i]);
        }
      }
      if (raw.length - runStart > MAX_MARKUP_CHARS) throw unreadableWorkbook();
    },
  });
  const pieces = raw.text().split('<');
  const cells: Cell[] = new Array(runs.length);
  for (let i = 0, p = 0; i < runs.length; i++) {
    let text = '';
    for (let r = 0; r < runs[i]; r++) text += decodeOoxml(decodeXml(pieces[p++]));
    cells[i] = { v: text, t: 'string' };
  }
  return cells;
}

/**
 * What every sheet is read with, in the order the parts are asked for: the worksheets in tab
 * order (our mark record left out), the cell styles and the shared strings.
 */
export async function readWorkbookParts(stream: (name: string) => Chunks | undefined) {
  const workbook = stream('xl/workbook.xml');
  if (!workbook) throw new Unsupported('no xl/workbook.xml');
  const info = await readWorkbookInfo(workbook, stream('xl/_rels/workbook.xml.rels'));
  const styles = await readCellStyles(stream('xl/styles.xml'));
  const sharedStrings = await readSharedStrings(stream('xl/sharedStrings.xml'));
  return {
    entries: info.sheets.filter((e) => e.name !== MARK_RECORD_SHEET),
    date1904: info.date1904,
    styles,
    sharedStrings,
  };
}
