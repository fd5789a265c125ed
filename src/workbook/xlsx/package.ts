/**
 * An .xlsx package held as its zip bytes, for the patching writer (patch.ts): the central
 * directory gives each part's place, a part is inflated only when it is read, and a part that is
 * copied is copied compressed, byte for byte. No Node API here: the web page's worker uses it too
 * (the inflate and deflate come from a Codec: zlib in Node, Compression Streams in a browser).
 */
import { crc32 } from './crc32';

/** A package the patcher does not handle; the caller makes the copy another way (ExcelJS). */
export class Unpatchable extends Error {}

export interface PackagePart {
  /** As stored, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  /** Offset of the compressed data in the file. */
  dataStart: number;
  /** MS-DOS time and date of the part. */
  time: number;
  date: number;
}

/** Raw deflate, both ways. */
export interface Codec {
  inflate(data: Uint8Array): AsyncIterable<Uint8Array>;
  deflater(): Deflater;
}

export interface Deflater {
  write(chunk: Uint8Array): Promise<void>;
  /** All compressed output. */
  end(): Promise<Uint8Array[]>;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');

export class XlsxPackage {
  /** Parts in the zip's order. */
  readonly parts: PackagePart[] = [];
  private readonly byName = new Map<string, PackagePart>();

  constructor(
    readonly bytes: Uint8Array,
    readonly codec: Codec,
  ) {
    const b = bytes;
    let at = b.length - 22;
    const stop = Math.max(0, b.length - 22 - 0xffff);
    while (at >= stop && u32(b, at) !== 0x06054b50) at--;
    if (at < stop) throw new Unpatchable('no end of central directory');
    let entries = u16(b, at + 10);
    let cdOffset = u32(b, at + 16);
    if (entries === 0xffff || cdOffset === 0xffffffff) {
      const record = u64(b, at - 20 + 8);
      [entries, cdOffset] = [u64(b, record + 32), u64(b, record + 48)];
    }
    for (let p = cdOffset, n = 0; n < entries; n++) {
      if (u32(b, p) !== 0x02014b50) throw new Unpatchable('bad central directory');
      if (u16(b, p + 8) & 1) throw new Unpatchable('encrypted part');
      const nameLength = u16(b, p + 28);
      const extraLength = u16(b, p + 30);
      const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLength));
      let compressed = u32(b, p + 20);
      let uncompressed = u32(b, p + 24);
      let localOffset = u32(b, p + 42);
      const extra = p + 46 + nameLength;
      for (let q = extra; q + 4 <= extra + extraLength; q += 4 + u16(b, q + 2)) {
        if (u16(b, q) !== 0x0001) continue;
        let z = q + 4;
        if (uncompressed === 0xffffffff) [uncompressed, z] = [u64(b, z), z + 8];
        if (compressed === 0xffffffff) [compressed, z] = [u64(b, z), z + 8];
        if (localOffset === 0xffffffff) localOffset = u64(b, z);
      }
      if (u32(b, localOffset) !== 0x04034b50) throw new Unpatchable('bad local header');
      const part: PackagePart = {
        name,
        method: u16(b, p + 10),
        crc: u32(b, p + 16),
        compressed,
        uncompressed,
        dataStart: localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28),
        time: u16(b, p + 12),
        date: u16(b, p + 14),
      };
      if (part.method !== 0 && part.method !== 8) throw new Unpatchable(`compression method ${part.method}`);
      if (part.name.endsWith('/')) {
        p += 46 + nameLength + extraLength + u16(b, p + 32);
        continue;
      }
      this.parts.push(part);
      this.byName.set(name.toLowerCase(), part);
      p += 46 + nameLength + extraLength + u16(b, p + 32);
    }
  }

  /** Part names are case-insensitive in an .xlsx. */
  part(name: string): PackagePart | undefined {
    return this.byName.get(name.toLowerCase());
  }

  raw(part: PackagePart): Uint8Array {
    return this.bytes.subarray(part.dataStart, part.dataStart + part.compressed);
  }

  /** The part's bytes, inflated, in chunks; never more than the directory declared. */
  async *chunks(part: PackagePart): AsyncIterable<Uint8Array> {
    const raw = this.raw(part);
    if (part.method === 0) {
      yield raw;
      return;
    }
    let total = 0;
    for await (const chunk of this.codec.inflate(raw)) {
      total += chunk.length;
      if (total > part.uncompressed) throw new Unpatchable('part larger than declared');
      yield chunk;
    }
  }

  /** A small part as text (workbook.xml, styles.xml, rels, comments). */
  async text(part: PackagePart): Promise<string> {
    const pieces: Uint8Array[] = [];
    for await (const c of this.chunks(part)) pieces.push(c);
    return utf8.decode(concat(pieces));
  }
}

export function concat(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface Compressed {
  crc: number;
  size: number;
  data: Uint8Array[];
}

interface Written {
  name: Uint8Array;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  offset: number;
  time: number;
  date: number;
}

/** A part's content: text, text in pieces (each whole characters), or bytes as they come. */
export type PartContent = string | Iterable<string> | AsyncIterable<Uint8Array>;

const encoder = new TextEncoder();
/** Least bytes handed to the deflater at a time. */
const BATCH = 1 << 18;
/** Characters of a text part encoded at a time. */
const STRING_SLICE = 1 << 20;

/** A new zip, written part by part into memory (compressed: a workbook's size, not its XML's). */
export class PackageWriter {
  private readonly out: Uint8Array[] = [];
  private readonly written: Written[] = [];
  private offset = 0;
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly codec: Codec,
    now = new Date(),
  ) {
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.date = ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /** A part of the original copied compressed, unchanged. */
  copy(pkg: XlsxPackage, part: PackagePart): void {
    this.add(part.name, part.method, part.crc, part.uncompressed, [pkg.raw(part)], part.time, part.date);
  }

  /** A part written from text or from a stream of bytes. */
  async write(name: string, content: PartContent): Promise<void> {
    this.place(name, await this.compress(content));
  }

  /** Compresses a part now, to be placed later (the zip keeps the original's order of parts). */
  async compress(content: PartContent): Promise<Compressed> {
    const deflater = this.codec.deflater();
    let crc = 0;
    let size = 0;
    const feed = async (chunk: Uint8Array) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
      await deflater.write(chunk);
    };
    if (typeof content === 'string' || Symbol.iterator in content) {
      // In slices: a generated sheet's XML can be tens of MB, its UTF-8 as much again.
      for (const text of typeof content === 'string' ? [content] : content) {
        const slice = Math.ceil(text.length / Math.ceil(text.length / STRING_SLICE));
        for (let at = 0; at < text.length;) {
          let end = Math.min(text.length, at + slice);
          // Never between the two halves of a surrogate pair.
          if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
          await feed(encoder.encode(text.slice(at, end)));
          at = end;
        }
      }
    } else {
      // Small pieces are gathered first: zlib costs per call as much as per byte. A piece as large
      // goes alone, uncopied (most of a marked sheet's chunks come through unchanged).
      let batch: Uint8Array[] = [];
      let batched = 0;
      for await (const chunk of content) {
        if (!chunk.length) continue;
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= BATCH) {
          await feed(concat(batch));
          batch = [];
          batched = 0;
        }
      }
      if (batched) await feed(concat(batch));
    }
    return { crc, size, data: await deflater.end() };
  }

  place(name: string, c: Compressed): void {
    this.add(name, 8, c.crc, c.size, c.data, this.time, this.date);
  }

  private add(
    name: string,
    method: number,
    crc: number,
    uncompressed: number,
    data: Uint8Array[],
    time: number,
    date: number,
  ): void {
    const nameBytes = encoder.encode(name);
    const compressed = data.reduce((n, d) => n + d.length, 0);
    if (uncompressed > 0xfffffffe || compressed > 0xfffffffe || this.offset > 0xfffffffe) {
      throw new Unpatchable('part too large for a zip without zip64');
    }
    const w: Written = { name: nameBytes, method, crc, compressed, uncompressed, offset: this.offset, time, date };
    const header = new Uint8Array(30 + nameBytes.length);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0800, true);
    v.setUint16(8, method, true);
    v.setUint16(10, time, true);
    v.setUint16(12, date, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, compressed, true);
    v.setUint32(22, uncompressed, true);
    v.setUint16(26, nameBytes.length, true);
    header.set(nameBytes, 30);
    this.push(header);
    for (const d of data) this.push(d);
    this.written.push(w);
  }

  private push(b: Uint8Array): void {
    this.out.push(b);
    this.offset += b.length;
  }

  finish(): Uint8Array {
    const start = this.offset;
    for (const w of this.written) {
      const h = new Uint8Array(46 + w.name.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, 0x0800, true);
      v.setUint16(10, w.method, true);
      v.setUint16(12, w.time, true);
      v.setUint16(14, w.date, true);
      v.setUint32(16, w.crc, true);
      v.setUint32(20, w.compressed, true);
      v.setUint32(24, w.uncompressed, true);
      v.setUint16(28, w.name.length, true);
      v.setUint32(42, w.offset, true);
      h.set(w.name, 46);
      this.push(h);
    }
    if (this.offset > 0xfffffffe || this.written.length > 0xfffe) throw new Unpatchable('zip64 needed');
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.written.length, true);
    v.setUint16(10, this.written.length, true);
    v.setUint32(12, this.offset - start, true);
    v.setUint32(16, start, true);
    this.push(end);
    return concat(this.out);
  }
}
