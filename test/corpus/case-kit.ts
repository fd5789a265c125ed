/**
 * What every corpus case is made of: the case itself, and the few builders the cases share.
 */
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { addRoster, bytesOf, newWorkbook } from './roster-book';
import { zipParts, type ZipEntry } from './zip';

export interface CorpusCase {
  /** File name in the corpus folder (every one ends in .xlsx: that is what the clerk was given). */
  file: string;
  /** What is wrong with it, for docs/RELIABILITY.md. */
  what: string;
  build(): Promise<Uint8Array> | Uint8Array;
}

export const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** A workbook with the corpus roster (changed by `opts`), then whatever `more` adds. */
export async function roster(
  opts: Parameters<typeof addRoster>[1] = {},
  more?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = newWorkbook();
  addRoster(wb, opts);
  more?.(wb);
  return bytesOf(wb);
}

/** The parts of a real roster workbook, expanded, so a case can swap one of them. */
export async function rosterParts(): Promise<ZipEntry[]> {
  const bytes = await roster();
  return zipParts(bytes).map((p) => {
    const raw = bytes.subarray(p.dataOffset, p.dataOffset + p.compressedSize);
    const deflate = p.method === 8;
    return { name: p.name, data: deflate ? new Uint8Array(inflateRawSync(raw)) : raw, deflate };
  });
}

/** Values into row r, from column A. */
export const cells = (ws: ExcelJS.Worksheet, r: number, values: ExcelJS.CellValue[]) =>
  values.forEach((v, c) => (ws.getCell(r, c + 1).value = v));
