/**
 * Looks at a file's bytes before ExcelJS expands them: an .xlsx is a zip whose central directory
 * (at the end of the file) lists every part with its sizes. Reading that directory ourselves lets
 * us refuse old .xls files, CSV text, password-protected workbooks, truncated downloads and zip
 * bombs with a clear message, without inflating a single byte.
 */
import { FileError, truncatedFile } from './file-error';

export interface ZipLimits {
  /** Refuse a workbook whose parts add up to more than this when expanded (bytes). */
  maxTotalBytes: number;
  /** Refuse a part that expands more than this many times… */
  maxRatio: number;
  /** …when it is at least this big expanded (small parts compress very well legitimately). */
  ratioMinBytes: number;
  /** More parts than any real workbook has. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 1.5 * 1024 ** 3,
  maxRatio: 200,
  ratioMinBytes: 10 * 1024 ** 2,
  maxEntries: 100_000,
};

/**
 * For the command line's own reader when it writes no copy (src/workbook/xlsx/read.ts): it streams
 * every sheet and keeps only the grid, which the cell budget bounds, so the expanded size costs it
 * time, not memory. 8 GB is a province's roster of 1,000,000 households (1.7 GB expanded) four
 * times over; the ratio and entry limits still refuse bombs, and the parts that reader holds
 * whole (shared strings, styles, the workbook) keep DEFAULT's 1.5 GB between them
 * (`ReadBudget.heldBytes`). Every path that holds the expanded workbook keeps DEFAULT.
 */
export const STREAMING_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 8 * 1024 ** 3 };

/** Random access to the file: a buffer in the browser, a file descriptor on the command line. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Uint8Array;
}

export function bufferSource(data: Uint8Array): ByteSource {
  return {
    size: data.length,
    read: (offset, length) => data.subarray(offset, Math.min(data.length, offset + length)),
  };
}

export interface ZipEntryInfo {
  /** Lower-cased (part names are case-insensitive in an .xlsx). */
  name: string;
  method: number;
  compressed: number;
  /** As declared: the pre-scan checks it against what really comes out. */
  uncompressed: number;
  localOffset: number;
}

export interface ZipSummary {
  entries: number;
  totalUncompressed: number;
  parts: ZipEntryInfo[];
}

/** What a zip holds, by its parts: an .xlsx, an .xlsb (xl/workbook.bin), an OpenDocument file, or else. */
export type ZipKind = 'xlsx' | 'xlsb' | 'ods' | 'other';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
/** 64-bit sizes as a double: exact up to 2^53, far beyond any limit we apply. */
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** Throws FileError when the bytes are not an .xlsx we are willing to open; otherwise sizes. */
export function inspectWorkbookBytes(src: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipSummary {
  if (src.size === 0) {
    throw new FileError('empty-file');
  }
  const head = src.read(0, Math.min(src.size, 8));
  if (OLE_MAGIC.every((b, i) => head[i] === b)) throw oleError(src);
  if (head.length < 4 || u32(head, 0) !== SIG_LOCAL) throw notZipError(head);
  const { kind, ...summary } = readCentralDirectory(src, limits);
  if (kind !== 'xlsx') throw notWorkbookZipError(kind);
  return summary;
}

/**
 * The same checks for any zip (sizes, ratios, encryption, a sound directory) without asking for
 * an .xlsx: the caller routes by `kind` (an .xlsb or .ods goes to the converter).
 */
export function inspectZipBytes(
  src: ByteSource,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipSummary & { kind: ZipKind } {
  if (src.size === 0) {
    throw new FileError('empty-file');
  }
  const head = src.read(0, Math.min(src.size, 4));
  if (head.length < 4 || u32(head, 0) !== SIG_LOCAL) throw notZipError(head);
  return readCentralDirectory(src, limits);
}

/** Whether the bytes start as an OLE compound file (an .xls or .et, or an encrypted .xlsx). */
export function isOleFile(src: ByteSource): boolean {
  const head = src.read(0, Math.min(src.size, 8));
  return head.length === 8 && OLE_MAGIC.every((b, i) => head[i] === b);
}

/** An OLE file Excel encrypted with a password (its content is an .xlsx inside). */
export function isEncryptedOle(src: ByteSource): boolean {
  return containsUtf16(src, 'EncryptedPackage');
}

/** An OLE compound file is an old .xls, or an .xlsx that Excel encrypted with a password. */
function oleError(src: ByteSource): FileError {
  if (containsUtf16(src, 'EncryptedPackage')) {
    return new FileError('password-protected');
  }
  return new FileError('old-xls');
}

function notZipError(head: Uint8Array): FileError {
  const looksLikeText = head.length > 0 && [...head].every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  if (looksLikeText) {
    return new FileError('text-file');
  }
  return new FileError('not-a-workbook');
}

function containsUtf16(src: ByteSource, word: string): boolean {
  const needle = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) needle[i * 2] = word.charCodeAt(i);
  const chunk = 1 << 20;
  for (let start = 0; start < src.size; start += chunk) {
    // Overlap chunks so a name split across a boundary is still found.
    const bytes = src.read(start, chunk + needle.length);
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
  }
  return false;
}

interface DirectoryPosition {
  entries: number;
  size: number;
  offset: number;
  /** Where the directory must end: the (zip64) end record. */
  end: number;
}

function findDirectory(src: ByteSource): DirectoryPosition {
  const tailLength = Math.min(src.size, EOCD_MIN + MAX_COMMENT);
  const tailStart = src.size - tailLength;
  const tail = src.read(tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (u32(tail, i) === SIG_EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw truncatedFile();
  const eocd = tail.subarray(at);
  const pos: DirectoryPosition = {
    entries: u16(eocd, 10),
    size: u32(eocd, 12),
    offset: u32(eocd, 16),
    end: tailStart + at,
  };
  if (pos.entries === 0xffff || pos.size === 0xffffffff || pos.offset === 0xffffffff) {
    return findZip64Directory(src, tailStart + at);
  }
  return pos;
}

function findZip64Directory(src: ByteSource, eocdAt: number): DirectoryPosition {
  if (eocdAt < 20) throw truncatedFile();
  const locator = src.read(eocdAt - 20, 20);
  if (u32(locator, 0) !== SIG_ZIP64_LOCATOR) throw truncatedFile();
  const recordAt = u64(locator, 8);
  if (recordAt + 56 > eocdAt) throw truncatedFile();
  const record = src.read(recordAt, 56);
  if (u32(record, 0) !== SIG_ZIP64_EOCD) throw truncatedFile();
  return { entries: u64(record, 32), size: u64(record, 40), offset: u64(record, 48), end: recordAt };
}

function readCentralDirectory(src: ByteSource, limits: ZipLimits): ZipSummary & { kind: ZipKind } {
  const dir = findDirectory(src);
  if (dir.entries > limits.maxEntries) throw tooLarge();
  if (dir.offset + dir.size > dir.end) throw truncatedFile();
  const cd = src.read(dir.offset, dir.size);
  let total = 0;
  let hasContentTypes = false;
  let hasWorkbook = false;
  let hasBinaryWorkbook = false;
  let isOpenDocument = false;
  const parts: ZipEntryInfo[] = [];
  let p = 0;
  for (let n = 0; n < dir.entries; n++) {
    if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL) throw truncatedFile();
    const flags = u16(cd, p + 8);
    let compressed = u32(cd, p + 20);
    let uncompressed = u32(cd, p + 24);
    const nameLength = u16(cd, p + 28);
    const extraLength = u16(cd, p + 30);
    const commentLength = u16(cd, p + 32);
    let localOffset = u32(cd, p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cd.length) throw truncatedFile();
    const name = latin1(cd.subarray(p + 46, p + 46 + nameLength)).toLowerCase();
    const zip64 = findExtra(cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), 0x0001);
    if (zip64) {
      // The zip64 extra field holds, in this order, only the values whose 32-bit slot is full.
      let q = 0;
      if (uncompressed === 0xffffffff) [uncompressed, q] = [u64(zip64, q), q + 8];
      if (compressed === 0xffffffff) [compressed, q] = [u64(zip64, q), q + 8];
      if (localOffset === 0xffffffff) localOffset = u64(zip64, q);
    }
    if (flags & 1) {
      throw new FileError('encrypted-part');
    }
    if (localOffset + compressed > dir.offset) throw truncatedFile();
    total += uncompressed;
    if (total > limits.maxTotalBytes) throw tooLarge(total, limits);
    if (uncompressed >= limits.ratioMinBytes && uncompressed / Math.max(compressed, 1) > limits.maxRatio) {
      throw tooLarge();
    }
    parts.push({ name, method: u16(cd, p + 10), compressed, uncompressed, localOffset });
    if (name === '[content_types].xml') hasContentTypes = true;
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    if (name === 'xl/workbook.bin') hasBinaryWorkbook = true;
    if (name === 'mimetype' || name === 'content.xml') isOpenDocument = true;
    p = next;
  }
  const kind: ZipKind =
    hasContentTypes && hasWorkbook
      ? 'xlsx'
      : hasContentTypes && hasBinaryWorkbook
        ? 'xlsb'
        : isOpenDocument
          ? 'ods'
          : 'other';
  return { entries: dir.entries, totalUncompressed: total, kind, parts };
}

/** A zip that is not an .xlsx, where only an .xlsx is read (the converter takes .xlsb and .ods). */
function notWorkbookZipError(kind: ZipKind): FileError {
  if (kind === 'ods') {
    return new FileError('ods-file');
  }
  return new FileError('zip-not-workbook');
}

function findExtra(extra: Uint8Array, id: number): Uint8Array | undefined {
  for (let p = 0; p + 4 <= extra.length;) {
    const size = u16(extra, p + 2);
    if (u16(extra, p) === id) return extra.subarray(p + 4, p + 4 + size);
    p += 4 + size;
  }
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function tooLarge(total?: number, limits?: ZipLimits): FileError {
  if (total !== undefined && limits) {
    return new FileError('declared-too-large', { maxBytes: limits.maxTotalBytes, totalBytes: total });
  }
  return new FileError('abnormal-compression');
}
