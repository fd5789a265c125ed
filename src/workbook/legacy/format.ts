/**
 * Which workbooks go through the converter: old Excel (.xls, BIFF8), Excel's binary .xlsb,
 * OpenDocument (.ods) and WPS 表格's .et. Told from the bytes (an .xlsx renamed .xls is still
 * read as an .xlsx); the name only tells an .et from an .xls, both OLE compound files. Nothing
 * here loads the converter: the shells call this on every file, and only a legacy format pays
 * for SheetJS (./open.ts).
 */
import { FileError } from '../file/file-error';
import {
  DEFAULT_ZIP_LIMITS,
  inspectZipBytes,
  isEncryptedOle,
  isOleFile,
  type ByteSource,
  type ZipLimits,
} from '../file/zip-guard';

export type LegacyFormat = 'xls' | 'xlsb' | 'ods' | 'et';

/** How the clerk knows the format: its file extension. */
export const FORMAT_LABEL: Record<LegacyFormat, string> = {
  xls: '.xls',
  xlsb: '.xlsb',
  ods: '.ods',
  et: '.et',
};

/** File names the folder mode and the web page's file picker offer besides .xlsx. */
export const LEGACY_EXTENSIONS = ['.xls', '.xlsb', '.ods', '.et'] as const;

/** A workbook file's name with its extension, or undefined: `a/b.xls` → `.xls`. */
export const WORKBOOK_NAME = /\.(xlsx|xls|xlsb|ods|et)$/i;

/**
 * The converter holds the whole workbook in memory several times over (SheetJS's cells, the grid,
 * the .xlsx copy): larger ones are refused before reading with the way out. An .xls holds at most
 * 65,536 rows, so a real roster is far below this.
 */
export const LEGACY_MAX_BYTES = 200 * 1024 * 1024;

/** The legacy format of these bytes, or undefined for an .xlsx (and for what no reader takes). */
export function legacyFormatOf(
  src: ByteSource,
  name: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): LegacyFormat | undefined {
  if (src.size === 0) return undefined;
  if (isOleFile(src)) {
    // An encrypted .xlsx is an OLE file too: the .xlsx reader refuses it with the password advice.
    if (isEncryptedOle(src)) return undefined;
    return refuseHuge(/\.et$/i.test(name) ? 'et' : 'xls', src.size);
  }
  const head = src.read(0, 2);
  if (head[0] !== 0x50 || head[1] !== 0x4b) return undefined;
  let kind: ReturnType<typeof inspectZipBytes>;
  try {
    kind = inspectZipBytes(src, limits);
  } catch {
    // Damaged or refused: the .xlsx path says why, with the same words as ever.
    return undefined;
  }
  if (kind.kind === 'xlsb' || kind.kind === 'ods') return refuseHuge(kind.kind, kind.totalUncompressed);
  return undefined;
}

function refuseHuge(format: LegacyFormat, bytes: number): LegacyFormat {
  if (bytes <= LEGACY_MAX_BYTES) return format;
  throw new FileError('converted-too-large', { format, bytes });
}
