/**
 * Zip bytes by hand for the corpus: entries stored or deflated, with sizes the central directory
 * may misstate on purpose (a zip bomb's claim), and fixed timestamps so every run of the
 * generator gives the same bytes.
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Deflate the data (default) or store it as it is. */
  deflate?: boolean;
  /** Uncompressed size the directory claims (default: the real one). ≥ 4 GiB uses zip64. */
  claimedSize?: number;
  /** Raw deflate data given as is (`data` is then ignored and the CRC left 0): a stream too big to make from its content. */
  compressed?: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Little-endian bytes of n (exact up to 2^53). */
function le(n: number, bytes: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes; i++) out.push(Math.floor(n / 2 ** (8 * i)) & 0xff);
  return out;
}

/** 1980-01-01 00:00, the earliest DOS date: the same in every run. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function zipOf(entries: ZipEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = [...Buffer.from(e.name, 'utf8')];
    const deflate = e.deflate !== false || e.compressed !== undefined;
    const stored = e.compressed ?? (deflate ? new Uint8Array(deflateRawSync(e.data)) : e.data);
    const claimed = e.claimedSize ?? e.data.length;
    const big = claimed >= 0xffffffff;
    const size32 = big ? 0xffffffff : claimed;
    const method = deflate ? 8 : 0;
    const crc = e.compressed ? 0 : crc32(e.data);
    const common = [...le(method, 2), ...le(DOS_TIME, 2), ...le(DOS_DATE, 2), ...le(crc, 4)];
    const local = Uint8Array.from([
      ...le(0x04034b50, 4),
      ...le(20, 2),
      ...le(0x0800, 2), // UTF-8 names
      ...common,
      ...le(stored.length, 4),
      ...le(size32, 4),
      ...le(name.length, 2),
      ...le(0, 2),
      ...name,
    ]);
    parts.push(local, stored);
    const extra = big ? [...le(0x0001, 2), ...le(8, 2), ...le(claimed, 8)] : [];
    central.push(...le(0x02014b50, 4), ...le(45, 2), ...le(20, 2), ...le(0x0800, 2), ...common);
    central.push(...le(stored.length, 4), ...le(size32, 4), ...le(name.length, 2), ...le(extra.length, 2));
    central.push(...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0, 4), ...le(offset, 4), ...name, ...extra);
    offset += local.length + stored.length;
  }
  const end = [
    ...le(0x06054b50, 4),
    ...le(0, 4),
    ...le(entries.length, 2),
    ...le(entries.length, 2),
    ...le(central.length, 4),
    ...le(offset, 4),
    ...le(0, 2),
  ];
  return new Uint8Array(Buffer.concat([...parts, Uint8Array.from([...central, ...end])]));
}

/** Where each entry's local header and data are, read from the central directory. */
export interface ZipPart {
  name: string;
  localOffset: number;
  dataOffset: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

export function zipParts(bytes: Uint8Array): ZipPart[] {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && u32(bytes, eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = u16(bytes, p + 28);
    const localOffset = u32(bytes, p + 42);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8');
    const localName = u16(bytes, localOffset + 26);
    const localExtra = u16(bytes, localOffset + 28);
    parts.push({
      name,
      localOffset,
      dataOffset: localOffset + 30 + localName + localExtra,
      compressedSize: u32(bytes, p + 20),
      method: u16(bytes, p + 10),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return parts;
}

/**
 * ExcelJS (through JSZip) stamps every part with the time of writing; the corpus must be the
 * same bytes on every run, so the stamps become 1980-01-01 in local headers and directory.
 */
export function fixZipTimes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = out.length - 22;
  while (eocd >= 0 && u32(out, eocd) !== 0x06054b50) eocd--;
  const count = u16(out, eocd + 10);
  let p = u32(out, eocd + 16);
  for (let i = 0; i < count; i++) {
    const localOffset = u32(out, p + 42);
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    view.setUint16(localOffset + 10, DOS_TIME, true);
    view.setUint16(localOffset + 12, DOS_DATE, true);
    p += 46 + u16(out, p + 28) + u16(out, p + 30) + u16(out, p + 32);
  }
  return out;
}
