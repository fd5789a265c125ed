/**
 * A small streaming XML tokenizer for the parts of an .xlsx, built for speed on sheets of
 * millions of cells. It scans the UTF-8 bytes as they come out of the inflater, without decoding
 * them: OOXML's markup (names, references, style and string indices, numbers) is ASCII, so the
 * handler gets positions in the bytes and decodes only the text it keeps (textOf, attr). Reading a
 * cell allocates almost nothing. Handles what OOXML parts contain: namespace prefixes, attributes
 * in either quote, empty elements, comments, CDATA, processing instructions. A DOCTYPE (never in
 * an .xlsx, and the door to entity tricks) is refused.
 */
import { unreadableWorkbook } from '../file/file-error';
import { Unsupported } from './unsupported';

export interface XmlHandler {
  /** A start tag; its local name (prefix removed) is src[ns, ne), its attributes lie in [ne, end). */
  open(src: Uint8Array, ns: number, ne: number, end: number): void;
  /** An end tag, or right after open() for an empty element. */
  close(src: Uint8Array, ns: number, ne: number): void;
  /**
   * Character data, entities not yet decoded (see decodeXml); may come in several pieces, each
   * of whole characters (textOf decodes one). CDATA is passed decoded.
   */
  text(src: Uint8Array, start: number, end: number, cdata: boolean): void;
}

/**
 * The longest piece of markup (a tag, comment, CDATA section or processing instruction) waited
 * for across chunks, and the longest text the readers gather for one cell or shared string. Text
 * is otherwise handed on as it comes, so a streaming reader's memory does not grow with a part's
 * size. Excel writes tags of a few kilobytes and no cell holds more than 32,767 characters: an
 * unclosed tag or a value running on for megabytes is a damaged or hostile part.
 */
export const MAX_MARKUP_CHARS = 16 * 1024 * 1024;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;

/** XML's white space: space, tab, line feed, carriage return. */
export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

const isNameEnd = (c: number) => isSpace(c) || c === GT || c === SLASH;

const utf8 = new TextDecoder('utf-8');

/**
 * src[start, end) as a string. Most texts a sheet keeps are short and ASCII (numbers, codes):
 * those are built without the decoder's call, which costs more than the characters.
 */
export function textOf(src: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = src[i];
      if (c >= 0x80) return utf8.decode(src.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(src.subarray(start, end));
}

/** True when src[start, end) is `text` (ASCII). */
export function bytesAre(src: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (src[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** True when src at `at` begins with `text` (ASCII). */
function startsWith(src: Uint8Array, at: number, text: string): boolean {
  return at + text.length <= src.length && bytesAre(src, at, at + text.length, text);
}

/** Where `text` (ASCII) next occurs in src from `from`, or -1. */
function find(src: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let i = src.indexOf(first, from); i >= 0; i = src.indexOf(first, i + 1)) {
    if (startsWith(src, i, text)) return i;
  }
  return -1;
}

/**
 * Where the text before `end` may be cut without splitting a UTF-8 character: a character whose
 * lead byte lies in the last three bytes and whose continuation bytes have not all come yet is
 * left for the next chunk.
 */
function wholeCharsEnd(src: Uint8Array, start: number, end: number): number {
  for (let i = end - 1; i >= start && i >= end - 3; i--) {
    const c = src[i];
    if (c < 0x80) return end;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return end - i < need ? i : end;
    }
  }
  return end;
}

export class XmlScanner {
  /** The unfinished markup (or character) at the end of the last chunk, scanned again with the next. */
  private carry: Uint8Array | undefined;
  private started = false;

  /**
   * `plainDoctype`: skip a DOCTYPE without an internal subset (no entities to expand) instead of
   * refusing the part. The pre-scan before ExcelJS takes what ExcelJS takes; the own reader
   * leaves such files to ExcelJS.
   */
  constructor(
    private readonly h: XmlHandler,
    private readonly plainDoctype = false,
  ) {}

  write(chunk: Uint8Array): void {
    if (!chunk.length) return;
    let src = chunk;
    let from = 0;
    const carry = this.carry;
    this.carry = undefined;
    if (!this.started) {
      if (carry) src = joined(carry, chunk);
      // The first bytes decide the encoding: wait for three of them.
      if (src.length < 3) {
        this.carry = src;
        return;
      }
      this.started = true;
      // A part in UTF-16 (allowed by XML, never written by Excel) would read as garbage.
      if ((src[0] === 0xff && src[1] === 0xfe) || (src[0] === 0xfe && src[1] === 0xff)) {
        throw new Unsupported('UTF-16 part');
      }
      // A UTF-8 byte order mark is no text.
      if (src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf) from = 3;
    } else if (carry) {
      // The markup cut at the last chunk's end is finished with this chunk's first bytes, up to
      // its first '>', without copying the whole chunk (an inflater hands out chunks of 16-64 kB).
      const gt = chunk.indexOf(GT);
      const k = gt < 0 ? chunk.length : gt + 1;
      const head = joined(carry, chunk.subarray(0, k));
      const stop = this.scan(head, 0, false);
      if (stop >= carry.length) from = stop - carry.length;
      else src = joined(head.subarray(stop), chunk.subarray(k)); // a '>' in quotes or a comment: wait on
    }
    this.rest(src, this.scan(src, from, false));
  }

  end(): void {
    const carry = this.carry;
    this.carry = undefined;
    if (carry) {
      const bom = !this.started && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf;
      this.started = true;
      this.rest(carry, this.scan(carry, bom ? 3 : 0, true));
    }
    if (this.carry) throw new Unsupported('unterminated XML');
  }

  /** Keeps what was left unscanned for the next chunk; a tag or text never ending is refused. */
  private rest(src: Uint8Array, stop: number): void {
    if (src.length - stop > MAX_MARKUP_CHARS) throw unreadableWorkbook();
    if (stop < src.length) this.carry = src.slice(stop);
  }

  async readAll(chunks: AsyncIterable<Uint8Array>): Promise<void> {
    for await (const chunk of chunks) this.write(chunk);
    this.end();
  }

  /** Scans src from `pos`; returns where the unfinished markup (or character) begins, or src.length. */
  private scan(src: Uint8Array, pos: number, last: boolean): number {
    const h = this.h;
    const len = src.length;
    while (pos < len) {
      let lt = pos;
      while (lt < len && src[lt] !== LT) lt++;
      if (lt === len) {
        // Text up to the chunk's end: whole characters now, a character cut in two with the next chunk.
        const end = last ? len : wholeCharsEnd(src, pos, len);
        if (end > pos) h.text(src, pos, end, false);
        pos = end;
        break;
      }
      if (lt > pos) h.text(src, pos, lt, false);
      pos = lt;
      if (lt + 1 >= len) break; // '<' is the last byte: wait for more
      const c1 = src[lt + 1];
      if (c1 === SLASH) {
        let gt = lt + 2;
        while (gt < len && src[gt] !== GT) gt++;
        if (gt >= len) break;
        let ns = lt + 2;
        let ne = ns;
        while (ne < gt && !isNameEnd(src[ne])) {
          if (src[ne] === COLON) ns = ne + 1;
          ne++;
        }
        h.close(src, ns, ne);
        pos = gt + 1;
      } else if (c1 === QUESTION) {
        const end = find(src, '?>', lt + 2);
        if (end < 0) break;
        pos = end + 2;
      } else if (c1 === BANG) {
        if (startsWith(src, lt, '<!--')) {
          const end = find(src, '-->', lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (startsWith(src, lt, '<![CDATA[')) {
          const end = find(src, ']]>', lt + 9);
          if (end < 0) break;
          h.text(src, lt + 9, end, true);
          pos = end + 3;
        } else if (this.plainDoctype && startsWith(src, lt, '<!DOCTYPE')) {
          const gt = src.indexOf(GT, lt);
          if (gt < 0) break;
          if (src.subarray(lt, gt).includes(91 /* [ */)) throw new Unsupported('DOCTYPE with entities');
          pos = gt + 1;
        } else if (len - lt >= 9) {
          throw new Unsupported('DOCTYPE or unknown markup');
        } else break;
      } else {
        // A start tag: the name, then attributes up to a '>' outside quotes.
        let ns = lt + 1;
        let ne = ns;
        while (ne < len) {
          const c = src[ne];
          if (isNameEnd(c)) break;
          if (c === COLON) ns = ne + 1;
          ne++;
        }
        let q = 0;
        let gt = ne;
        for (; gt < len; gt++) {
          const c = src[gt];
          if (q) {
            if (c === q) q = 0;
          } else if (c === GT) break;
          else if (c === 34 || c === 39) q = c;
        }
        if (gt >= len) break;
        const empty = src[gt - 1] === SLASH;
        h.open(src, ns, ne, empty ? gt - 1 : gt);
        if (empty) h.close(src, ns, ne);
        pos = gt + 1;
      }
    }
    return pos;
  }
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** True when src[ns, ne) is `name`. */
export const nameIs = bytesAre;

/** Where the last findAttr() found its value: src[start, end), entities not decoded. */
export const attrValue = { start: 0, end: 0 };

/** Finds attribute `name` (local name, prefix ignored) in src[from, to); sets attrValue. */
export function findAttr(src: Uint8Array, from: number, to: number, name: string): boolean {
  for (let i = nextAttr(src, from, to); i >= 0; i = nextAttr(src, i, to)) {
    if (bytesAre(src, attrName.start, attrName.end, name)) return true;
  }
  return false;
}

/** The name (local, prefix removed) of the attribute nextAttr() found last. */
export const attrName = { start: 0, end: 0 };

/**
 * Steps to the next attribute in src[from, to): sets attrName and attrValue and returns where to
 * continue, or -1 when there are no more. One pass over a tag reads all its attributes.
 */
export function nextAttr(src: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    let c = src[i];
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH) {
      i++;
      continue;
    }
    let ns = i;
    while (i < to && (c = src[i]) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      if (c === COLON) ns = i + 1;
      i++;
    }
    const ne = i;
    while (i < to && src[i] !== 34 && src[i] !== 39) i++;
    if (i >= to) return -1;
    const quote = src[i];
    const vs = i + 1;
    let ve = vs;
    while (ve < to && src[ve] !== quote) ve++;
    if (ve >= to) return -1;
    attrName.start = ns;
    attrName.end = ne;
    attrValue.start = vs;
    attrValue.end = ve;
    return ve + 1;
  }
  return -1;
}

/** Attribute value as a decoded string, or undefined. */
export function attr(src: Uint8Array, from: number, to: number, name: string): string | undefined {
  return findAttr(src, from, to, name) ? decodeXml(textOf(src, attrValue.start, attrValue.end)) : undefined;
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
