/**
 * One worksheet's XML, streamed through and changed only where the patcher must: the `s` (cell
 * format) of the target cells, a <c> inserted for a target cell the sheet does not have (and a
 * <row> for a target row it does not have), in order; and a <legacyDrawing> (the link to the
 * notes' shapes) when notes are added to a sheet that had none. Every other byte passes through
 * as it came, and only one chunk of the sheet is in memory at a time.
 */
import { columnIndexAt, columnLetters } from '../../domain/grid';
import { escapeAttr } from './patch-xml';
import { isSpace, nameIs } from './xml';

/** Decides a target cell's new format from its format now. */
export type CellStyler = (row: number, col: number, s: number) => number;

export interface SheetTargets {
  /** Row number → the target columns in it, ascending (1-based, as Excel counts). */
  rows: Map<number, number[]>;
  style: CellStyler;
  /** Relationship id for a <legacyDrawing> to add if the sheet has none (notes added). */
  legacyDrawingId?: string;
}

export interface SheetPatchResult {
  /** The r:id of the sheet's own <legacyDrawing>, if it had one. */
  legacyDrawingId?: string;
  /** Whether a <legacyDrawing> was added. */
  addedLegacyDrawing: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Elements that come after <legacyDrawing> in a worksheet (ECMA-376 CT_Worksheet). */
const AFTER_LEGACY = new Set([
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

const enum Phase {
  Head,
  Data,
  Row,
  /** Inside a row without targets, until its end tag. */
  Skip,
  Tail,
  Done,
}

const attrPatterns = new Map<string, RegExp>();

function attrOf(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Bytes of the next chunk joined to a tag the last one cut off. */
const JOIN = 1 << 16;

/**
 * The column of the <c> start tag in buf[lt, gt] from its r attribute, read from the bytes (most
 * cells of a marked row are not marked: no string is made for them); 0 when it has none.
 */
function cellColumn(buf: Uint8Array, lt: number, gt: number): number {
  for (let i = lt + 2; i < gt; i++) {
    if (buf[i] !== 114 || !isSpace(buf[i - 1])) continue;
    let j = i + 1;
    while (isSpace(buf[j])) j++;
    if (buf[j] !== 61) continue;
    j++;
    while (isSpace(buf[j])) j++;
    if (buf[j] !== 34 && buf[j] !== 39) continue;
    j++;
    if (buf[j] === 36) j++;
    return columnIndexAt(buf, j) + 1;
  }
  return 0;
}

export async function* patchSheet(
  chunks: AsyncIterable<Uint8Array>,
  targets: SheetTargets,
  result: SheetPatchResult,
): AsyncIterable<Uint8Array> {
  const pendingRows = [...targets.rows.keys()].sort((a, b) => a - b);
  let nextRow = 0; // index into pendingRows
  const colStyles: { min: number; max: number; s: number }[] = [];
  let prefix = '';
  let phase = Phase.Head;
  let rowNum = 0;
  let colNum = 0;
  let rowCols: number[] = [];
  let nextCol = 0;
  let rowStyle: number | undefined;
  /** The changed pieces of the chunk being scanned, and where its bytes passed through unchanged begin. */
  let out: Uint8Array[] = [];
  let buf: Uint8Array = new Uint8Array(0);
  let kept = 0;
  let closeRow = '</row>';

  /** The bytes passed through up to `to`. */
  const flush = (to: number) => {
    if (to > kept) out.push(buf.subarray(kept, to));
    kept = to;
  };
  /** `s` in place of buf[from, to): an insertion when they are equal. */
  const put = (s: string, from: number, to = from) => {
    flush(from);
    if (s) out.push(encoder.encode(s));
    kept = to;
  };
  const colStyle = (col: number) => colStyles.find((c) => col >= c.min && col <= c.max)?.s ?? 0;
  const newCell = (row: number, col: number, s: number) =>
    `<${prefix}c r="${columnLetters(col - 1)}${row}" s="${targets.style(row, col, s)}"/>`;
  const cellsBefore = (limit: number) => {
    let s = '';
    while (nextCol < rowCols.length && rowCols[nextCol] < limit) {
      const col = rowCols[nextCol++];
      s += newCell(rowNum, col, rowStyle ?? colStyle(col));
    }
    return s;
  };
  const rowsBefore = (limit: number) => {
    let s = '';
    while (nextRow < pendingRows.length && pendingRows[nextRow] < limit) {
      const r = pendingRows[nextRow++];
      s += `<${prefix}row r="${r}">`;
      for (const col of targets.rows.get(r)!) s += newCell(r, col, colStyle(col));
      s += `</${prefix}row>`;
    }
    return s;
  };
  const legacyDrawing = () => {
    if (!targets.legacyDrawingId || result.legacyDrawingId || result.addedLegacyDrawing) return '';
    result.addedLegacyDrawing = true;
    return `<${prefix}legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${escapeAttr(targets.legacyDrawingId)}"/>`;
  };

  /**
   * Scans buf from `pos` until at or past `stop`, or until a tag is cut off by the end of buf;
   * gives where it stopped. Bytes that pass through unchanged are only counted, not copied.
   */
  const scan = (pos: number, stop: number): number => {
    const len = buf.length;
    while (pos < stop) {
      if (phase === Phase.Done) return len;
      if (phase === Phase.Skip) {
        // Told by its "w", which no cell's markup holds: the search skips whole rows natively.
        const e = indexOfSeq(buf, closeRow, pos, closeRow.length - 2);
        // The end tag may straddle chunks: keep its possible beginning for the next one.
        if (e < 0) return Math.max(pos, len - closeRow.length);
        pos = e + closeRow.length;
        phase = Phase.Data;
        continue;
      }
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) return len;
      pos = lt;
      // Comments, CDATA and processing instructions pass through whole.
      const c1 = buf[lt + 1];
      if (c1 === 33 || c1 === 63) {
        const endMark = c1 === 63 ? '?>' : buf[lt + 2] === 45 ? '-->' : buf[lt + 2] === 91 ? ']]>' : '>';
        const e = indexOfSeq(buf, endMark, lt + 2);
        if (e < 0) return pos;
        pos = e + endMark.length;
        continue;
      }
      const gt = tagEnd(buf, lt);
      if (gt < 0) return pos;
      const closing = c1 === SLASH;
      let ne = lt + (closing ? 2 : 1);
      let ns = ne;
      while (ne < gt) {
        const c = buf[ne];
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT) break;
        if (c === 58) ns = ne + 1;
        ne++;
      }
      const selfClosing = buf[gt - 1] === SLASH;
      pos = gt + 1;
      // Only the few tags before and after the cells are named as text; a cell's and a row's
      // tags are told by their bytes.
      const name = phase === Phase.Head || phase === Phase.Tail ? latin1.decode(buf.subarray(ns, ne)) : '';

      if (phase === Phase.Head) {
        if (!closing && name === 'col') {
          const tag = latin1.decode(buf.subarray(lt, gt + 1));
          const s = attrOf(tag, 'style');
          if (s) colStyles.push({ min: Number(attrOf(tag, 'min')), max: Number(attrOf(tag, 'max')), s: Number(s) });
        } else if (!closing && name === 'sheetData') {
          prefix = latin1.decode(buf.subarray(lt + 1, ns));
          closeRow = `</${prefix}row>`;
          if (selfClosing) {
            put(`<${prefix}sheetData>${rowsBefore(Infinity)}</${prefix}sheetData>`, lt, pos);
            phase = Phase.Tail;
            continue;
          }
          phase = Phase.Data;
        }
        continue;
      }

      if (phase === Phase.Data) {
        if (!closing && nameIs(buf, ns, ne, 'row')) {
          const tag = utf8.decode(buf.subarray(lt, gt + 1));
          const r = attrOf(tag, 'r');
          rowNum = r ? Number(r) : rowNum + 1;
          put(rowsBefore(rowNum), lt);
          const cols = targets.rows.get(rowNum);
          if (cols && nextRow < pendingRows.length && pendingRows[nextRow] === rowNum) {
            nextRow++;
            rowCols = cols;
            nextCol = 0;
            colNum = 0;
            rowStyle =
              attrOf(tag, 'customFormat') === '1' || attrOf(tag, 'customFormat') === 'true'
                ? Number(attrOf(tag, 's') ?? 0)
                : undefined;
            if (selfClosing) put(`${tag.slice(0, tag.length - 2)}>${cellsBefore(Infinity)}</${prefix}row>`, lt, pos);
            else phase = Phase.Row;
            continue;
          }
          // A row without targets: everything up to its end passes through unread.
          if (!selfClosing) phase = Phase.Skip;
          continue;
        }
        if (closing && nameIs(buf, ns, ne, 'sheetData')) {
          put(rowsBefore(Infinity), lt);
          phase = Phase.Tail;
        }
        continue;
      }

      if (phase === Phase.Row) {
        if (!closing && nameIs(buf, ns, ne, 'c')) {
          colNum = cellColumn(buf, lt, gt) || colNum + 1;
          put(cellsBefore(colNum), lt);
          if (nextCol < rowCols.length && rowCols[nextCol] === colNum) {
            nextCol++;
            let tag = utf8.decode(buf.subarray(lt, gt + 1));
            const s = targets.style(rowNum, colNum, Number(attrOf(tag, 's') ?? 0));
            tag = /\ss\s*=/.test(tag)
              ? tag.replace(/(\ss\s*=\s*)("[^"]*"|'[^']*')/, `$1"${s}"`)
              : `${tag.slice(0, selfClosing ? -2 : -1)} s="${s}"${selfClosing ? '/>' : '>'}`;
            put(tag, lt, pos);
          }
        } else if (closing && nameIs(buf, ns, ne, 'row')) {
          put(cellsBefore(Infinity), lt);
          phase = Phase.Data;
        }
        continue;
      }

      // Tail: after the cells, find where a <legacyDrawing> belongs.
      if (!closing && name === 'legacyDrawing') {
        const tag = latin1.decode(buf.subarray(lt, gt + 1));
        result.legacyDrawingId = /\s[\w.-]*:?id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
      } else if ((!closing && AFTER_LEGACY.has(name)) || (closing && name === 'worksheet')) {
        put(legacyDrawing(), lt);
        phase = Phase.Done;
      }
    }
    return pos;
  };

  let carry: Uint8Array | undefined;
  for await (const chunk of chunks) {
    let pos = 0;
    buf = chunk;
    if (carry) {
      // A tag cut off by the last chunk's end is finished with the start of this one: copying
      // every chunk whole behind the few bytes carried cost more than scanning it.
      const head = chunk.length <= JOIN ? chunk : chunk.subarray(0, JOIN);
      buf = concat2(carry, head);
      kept = 0;
      const at = scan(0, carry.length);
      flush(at);
      if (at >= carry.length) {
        pos = at - carry.length;
        buf = chunk;
        carry = undefined;
      } else if (head === chunk) {
        carry = buf.subarray(at);
        pos = buf.length;
      } else {
        // Still cut off (a tag or comment longer than JOIN): the rare whole copy.
        buf = concat2(buf.subarray(at), chunk.subarray(head.length));
        carry = undefined;
      }
    }
    if (!carry) {
      kept = pos;
      pos = scan(pos, buf.length);
      flush(pos);
      if (pos < buf.length) carry = buf.subarray(pos);
    }
    // One piece per chunk read: the deflater and the generator each cost per piece, not per byte.
    if (out.length) {
      yield out.length === 1 ? out[0] : concatAll(out);
      out = [];
    }
  }
  if (carry?.length) throw new Error('unterminated worksheet XML');
}

function concatAll(pieces: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of pieces) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function concat2(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Where the ASCII text `seq` starts in buf at or after `from`, or -1; found by its character at
 * `anchor` (the rarest one in the text searched).
 */
function indexOfSeq(buf: Uint8Array, seq: string, from: number, anchor = 0): number {
  const key = seq.charCodeAt(anchor);
  const n = seq.length;
  for (let hit = buf.indexOf(key, from + anchor); hit >= 0; hit = buf.indexOf(key, hit + 1)) {
    const i = hit - anchor;
    if (i + n > buf.length) return -1;
    let k = 0;
    while (k < n && buf[i + k] === seq.charCodeAt(k)) k++;
    if (k === n) return i;
  }
  return -1;
}

/** The '>' that ends the tag starting at lt (quotes respected), or -1 when it is not in buf yet. */
function tagEnd(buf: Uint8Array, lt: number): number {
  let q = 0;
  for (let i = lt + 1; i < buf.length; i++) {
    const c = buf[i];
    if (q) {
      if (c === q) q = 0;
    } else if (c === GT) return i;
    else if (c === 34 || c === 39) q = c;
  }
  return -1;
}
