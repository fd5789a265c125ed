/**
 * A small streaming XML tokenizer for the parts of an .xlsx, built for speed on sheets of
 * millions of cells: it hands the handler positions in the decoded text instead of building tag,
 * attribute or event objects, so reading a cell allocates almost nothing. Handles what OOXML
 * parts contain: namespace prefixes, attributes in either quote, empty elements, comments,
 * CDATA, processing instructions. A DOCTYPE (never in an .xlsx, and the door to entity tricks) is
 * refused.
 */
import { unreadableWorkbook } from '../file/file-error';
import { Unsupported } from './unsupported';

export interface XmlHandler {
  /** A start tag; its local name (prefix removed) is src[ns, ne), its attributes lie in [ne, end). */
  open(src: string, ns: number, ne: number, end: number): void;
  /** An end tag, or right after open() for an empty element. */
  close(src: string, ns: number, ne: number): void;
  /** Character data, entities not yet decoded (see decodeXml); may come in several pieces. CDATA is passed decoded. */
  text(src: string, start: number, end: number, cdata: boolean): void;
}

/**
 * The longest piece of markup (a tag, comment, CDATA section or processing instruction) waited
 * for across chunks, and the longest text the readers gather for one cell or shared string. Text
 * is otherwise handed on as it comes, so a streaming reader's memory does not grow with a part's
 * size. Excel writes tags of a few kilobytes and no cell holds more than 32,767 characters: an
 * unclosed tag or a value running on for megabytes is a damaged or hostile part.
 */
export const MAX_MARKUP_CHARS = 16 * 1024 * 1024;

const isNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 62 || c === 47;

export class XmlScanner {
  private carry = '';
  // TextDecoder rather than Node's StringDecoder: the web page's pre-scan uses this scanner too.
  private readonly decoder = new TextDecoder('utf-8');

  /**
   * `plainDoctype`: skip a DOCTYPE without an internal subset (no entities to expand) instead of
   * refusing the part. The pre-scan before ExcelJS takes what ExcelJS takes; the own reader
   * leaves such files to ExcelJS.
   */
  constructor(
    private readonly h: XmlHandler,
    private readonly plainDoctype = false,
  ) {}

  private started = false;

  write(chunk: Uint8Array): void {
    if (!this.started && chunk.length) {
      this.started = true;
      // A part in UTF-16 (allowed by XML, never written by Excel) would read as garbage.
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new Unsupported('UTF-16 part');
      }
    }
    this.scan(this.carry + this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.scan(this.carry + this.decoder.decode());
    if (this.carry) throw new Unsupported('unterminated XML');
  }

  async readAll(chunks: AsyncIterable<Uint8Array>): Promise<void> {
    for await (const chunk of chunks) this.write(chunk);
    this.end();
  }

  private scan(src: string): void {
    const h = this.h;
    const len = src.length;
    let pos = 0;
    this.carry = '';
    while (pos < len) {
      const lt = src.indexOf('<', pos);
      if (lt < 0) {
        h.text(src, pos, len, false);
        return;
      }
      if (lt > pos) h.text(src, pos, lt, false);
      pos = lt;
      const c1 = src.charCodeAt(lt + 1);
      if (c1 === 47) {
        const gt = src.indexOf('>', lt + 2);
        if (gt < 0) break;
        let ns = lt + 2;
        let ne = ns;
        for (let c = src.charCodeAt(ne); ne < gt && !isNameEnd(c); c = src.charCodeAt(++ne)) if (c === 58) ns = ne + 1;
        h.close(src, ns, ne);
        pos = gt + 1;
      } else if (c1 === 63) {
        const end = src.indexOf('?>', lt + 2);
        if (end < 0) break;
        pos = end + 2;
      } else if (c1 === 33) {
        if (src.startsWith('<!--', lt)) {
          const end = src.indexOf('-->', lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (src.startsWith('<![CDATA[', lt)) {
          const end = src.indexOf(']]>', lt + 9);
          if (end < 0) break;
          h.text(src, lt + 9, end, true);
          pos = end + 3;
        } else if (this.plainDoctype && src.startsWith('<!DOCTYPE', lt)) {
          const gt = src.indexOf('>', lt);
          if (gt < 0) break;
          if (src.lastIndexOf('[', gt) > lt) throw new Unsupported('DOCTYPE with entities');
          pos = gt + 1;
        } else if (len - lt >= 9) {
          throw new Unsupported('DOCTYPE or unknown markup');
        } else break;
      } else if (c1 === c1) {
        // A start tag: the name, then attributes up to a '>' outside quotes.
        let ns = lt + 1;
        let ne = ns;
        while (ne < len) {
          const c = src.charCodeAt(ne);
          if (isNameEnd(c)) break;
          if (c === 58) ns = ne + 1;
          ne++;
        }
        let q = 0;
        let gt = ne;
        for (; gt < len; gt++) {
          const c = src.charCodeAt(gt);
          if (q) {
            if (c === q) q = 0;
          } else if (c === 62) break;
          else if (c === 34 || c === 39) q = c;
        }
        if (gt >= len) break;
        const empty = src.charCodeAt(gt - 1) === 47;
        h.open(src, ns, ne, empty ? gt - 1 : gt);
        if (empty) h.close(src, ns, ne);
        pos = gt + 1;
      } else break; // '<' is the last character: wait for more
    }
    if (len - pos > MAX_MARKUP_CHARS) throw unreadableWorkbook();
    if (pos < len) this.carry = src.slice(pos);
  }
}

/** True when src[ns, ne) is `name`. */
export function nameIs(src: string, ns: number, ne: number, name: string): boolean {
  return ne - ns === name.length && src.startsWith(name, ns);
}

/** Where the last findAttr() found its value: src[start, end), entities not decoded. */
export const attrValue = { start: 0, end: 0 };

/** Finds attribute `name` (local name, prefix ignored) in src[from, to); sets attrValue. */
export function findAttr(src: string, from: number, to: number, name: string): boolean {
  for (let i = nextAttr(src, from, to); i >= 0; i = nextAttr(src, i, to)) {
    if (attrName.end - attrName.start === name.length && src.startsWith(name, attrName.start)) return true;
  }
  return false;
}

/** The name (local, prefix removed) of the attribute nextAttr() found last. */
export const attrName = { start: 0, end: 0 };

/**
 * Steps to the next attribute in src[from, to): sets attrName and attrValue and returns where to
 * continue, or -1 when there are no more. One pass over a tag reads all its attributes.
 */
export function nextAttr(src: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    let c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      i++;
      continue;
    }
    let ns = i;
    while (i < to && (c = src.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      if (c === 58) ns = i + 1;
      i++;
    }
    const ne = i;
    while (i < to && src.charCodeAt(i) !== 34 && src.charCodeAt(i) !== 39) i++;
    if (i >= to) return -1;
    const quote = src.charCodeAt(i);
    const vs = i + 1;
    const ve = src.indexOf(quote === 34 ? '"' : "'", vs);
    if (ve < 0 || ve > to) return -1;
    attrName.start = ns;
    attrName.end = ne;
    attrValue.start = vs;
    attrValue.end = ve;
    return ve + 1;
  }
  return -1;
}

/** Attribute value as a decoded string, or undefined. */
export function attr(src: string, from: number, to: number, name: string): string | undefined {
  return findAttr(src, from, to, name) ? decodeXml(src.slice(attrValue.start, attrValue.end)) : undefined;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character and entity references decoded; line ends normalized to \n, as any XML parser does. */
export function decodeXml(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

const ESCAPED = /_x([0-9A-F]{4})_/g;

/** OOXML's own escape for characters XML cannot carry, e.g. "_x000D_" for a carriage return. */
export function decodeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
