/**
 * The parts of an .xlsx on disk, for reading them one at a time as streams: the zip's central
 * directory (read from the end of the file, after zip-guard.ts has vetted it) gives each part's
 * place and compression; a part is then inflated chunk by chunk, never held whole.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { truncatedFile } from '../file/file-error';
import { expandsBeyond } from '../limits';
import { Unsupported } from './unsupported';

export interface ZipPart {
  /** As stored, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  method: number;
  compressed: number;
  /** What the directory says it expands to (zip-guard.ts judged the file by these sizes). */
  uncompressed: number;
  localOffset: number;
}

export { Unsupported } from './unsupported';

const u16 = (b: Buffer, o: number) => b.readUInt16LE(o);
const u32 = (b: Buffer, o: number) => b.readUInt32LE(o);
const u64 = (b: Buffer, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, offset + got);
    if (n === 0) break;
    got += n;
  }
  if (got < length) throw new Unsupported('truncated zip');
  return buf;
}

/** Parts by lower-case name (part names are case-insensitive in an .xlsx). */
export function zipParts(path: string, size: number): Map<string, ZipPart> {
  const fd = openSync(path, 'r');
  try {
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLength, tailLength);
    let at = tail.length - 22;
    while (at >= 0 && u32(tail, at) !== 0x06054b50) at--;
    if (at < 0) throw new Unsupported('no end of central directory');
    let entries = u16(tail, at + 10);
    let cdSize = u32(tail, at + 12);
    let cdOffset = u32(tail, at + 16);
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const eocd = size - tailLength + at;
      const locator = readAt(fd, eocd - 20, 20);
      const record = readAt(fd, u64(locator, 8), 56);
      [entries, cdSize, cdOffset] = [u64(record, 32), u64(record, 40), u64(record, 48)];
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const parts = new Map<string, ZipPart>();
    for (let p = 0, n = 0; n < entries; n++) {
      if (u32(cd, p) !== 0x02014b50) throw new Unsupported('bad central directory');
      const nameLength = u16(cd, p + 28);
      const extraLength = u16(cd, p + 30);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      let compressed = u32(cd, p + 20);
      let uncompressed = u32(cd, p + 24);
      let localOffset = u32(cd, p + 42);
      const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      for (let q = 0; q + 4 <= extra.length; q += 4 + u16(extra, q + 2)) {
        if (u16(extra, q) !== 0x0001) continue;
        // The zip64 field holds only the values whose 32-bit slot is full, in this order.
        let z = q + 4;
        if (uncompressed === 0xffffffff) [uncompressed, z] = [u64(extra, z), z + 8];
        if (compressed === 0xffffffff) [compressed, z] = [u64(extra, z), z + 8];
        if (localOffset === 0xffffffff) localOffset = u64(extra, z);
      }
      parts.set(name.toLowerCase(), { name, method: u16(cd, p + 10), compressed, uncompressed, localOffset });
      p += 46 + nameLength + extraLength + u16(cd, p + 32);
    }
    return parts;
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes inflated so far from one file, against the most it may expand to: counted as they
 * come out of the inflater, so a zip that understates its sizes stops at the budget.
 */
export class InflateBudget {
  private used = 0;
  /** `within`: a wider budget the same bytes also count against (the whole file's). */
  constructor(
    readonly max: number,
    private readonly within?: InflateBudget,
  ) {}
  take(n: number): void {
    this.within?.take(n);
    this.used += n;
    if (this.used > this.max) throw expandsBeyond(this.max);
  }
}

/** A part's bytes, inflated, as a stream of chunks. */
export function partStream(path: string, part: ZipPart, budget?: InflateBudget): AsyncIterable<Buffer> {
  if (part.method !== 0 && part.method !== 8) throw new Unsupported(`compression method ${part.method}`);
  const fd = openSync(path, 'r');
  let start: number;
  try {
    const local = readAt(fd, part.localOffset, 30);
    if (u32(local, 0) !== 0x04034b50) throw new Unsupported('bad local header');
    start = part.localOffset + 30 + u16(local, 26) + u16(local, 28);
  } finally {
    closeSync(fd);
  }
  if (part.compressed === 0) return (async function* () {})();
  const raw = createReadStream(path, { start, end: start + part.compressed - 1, highWaterMark: 1 << 20 });
  if (part.method === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  raw.on('error', (e) => inflate.destroy(e));
  return notBeyond(raw.pipe(inflate), part.uncompressed, budget);
}

/**
 * A part that expands beyond what the directory declared is a zip bomb that lied to the size
 * checks: refused at once, without handing it to ExcelJS (which would expand it all in memory).
 */
async function* notBeyond(
  chunks: AsyncIterable<Buffer>,
  declared: number,
  budget: InflateBudget | undefined,
): AsyncIterable<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > declared) throw truncatedFile();
    budget?.take(chunk.length);
    yield chunk;
  }
}
