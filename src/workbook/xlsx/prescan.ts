/**
 * What ExcelJS must never be handed: before a file goes to ExcelJS (the marked copy, `clear`, the
 * web page), every part is inflated once as a stream and thrown away, counting the bytes that
 * really come out, and each worksheet's XML is scanned for what ExcelJS would turn into millions
 * of objects — a cell past Excel's limits, merges and dropdown lists (data validations) over whole
 * columns, overlapping merges. No Node API here: the web page runs it too (Compression Streams).
 */
import { parseRef, type MergedRange } from '../../domain/grid';
import { FileError, truncatedFile, unreadableWorkbook } from '../file/file-error';
import { beyondExcel, expandsBeyond, MAX_COLS, MAX_ROWS, tooManyCells } from '../limits';
import { tidyMergesTo } from '../merges';
import type { ByteSource, ZipEntryInfo, ZipSummary } from '../file/zip-guard';
import { readWorkbookInfo } from './parts';
import { attr, nameIs, XmlScanner, type XmlHandler } from './xml';

/**
 * Cells ExcelJS may make for the merges and validations of one workbook. It makes one object per
 * covered cell (about 1 KB each with its style and validation): half a million is some 500 MB.
 */
export const EXCELJS_MAX_SPREAD = 500_000;

const SLICE = 1 << 20;

export interface PrescanLimits {
  /** Bytes inflated in all. */
  maxBytes: number;
  /** Cells ExcelJS may make for merges and validations (its streaming reader makes none: Infinity). */
  maxSpread?: number;
  /** Cells of all sheets ExcelJS may hold (its cell objects are about 1 KB each). */
  maxCells?: number;
  /** The file's name, for the message about too many cells. */
  file?: string;
}

/**
 * ExcelJS's memory per cell, for the cell budget of the files it opens: a 100,000-household
 * roster (about 4.5 million cells) peaked at 4.6 GB (docs/PERFORMANCE.md).
 */
export const EXCELJS_BYTES_PER_CELL = 1000;

export async function prescanForExcelJs(src: ByteSource, zip: ZipSummary, limits: PrescanLimits): Promise<void> {
  const maxBytes = limits.maxBytes;
  const maxSpread = limits.maxSpread ?? EXCELJS_MAX_SPREAD;
  const maxCells = limits.maxCells ?? Infinity;
  let cells = 0;
  const byName = new Map(zip.parts.map((p) => [p.name, p]));
  const budget = { used: 0, max: maxBytes };
  const stream = (name: string) => {
    const entry = byName.get(name);
    return entry ? counted(src, entry, budget) : undefined;
  };
  const workbook = stream('xl/workbook.xml');
  if (!workbook) return;
  const info = await readWorkbookInfo(workbook, stream('xl/_rels/workbook.xml.rels'), true).catch((e: unknown) => {
    throw e instanceof FileError ? e : unreadableWorkbook();
  });
  const sheetOf = new Map(info.sheets.map((s) => [s.part.toLowerCase(), s.name]));
  let spread = 0;
  let widest = { sheet: '', ref: '', cells: 0 };
  for (const entry of zip.parts) {
    const sheet = sheetOf.get(entry.name);
    if (sheet === undefined) {
      for await (const chunk of counted(src, entry, budget)) void chunk;
      continue;
    }
    const scan = new SheetScan(sheet);
    try {
      await new XmlScanner(scan, true).readAll(counted(src, entry, budget));
    } catch (e) {
      throw e instanceof FileError ? e : unreadableWorkbook();
    }
    spread += scan.finish();
    cells += scan.cells;
    // ExcelJS loads every sheet, so --sheet would not help here: the message names the sheet
    // reached and says to split the roster or remove the other sheets.
    if (cells > maxCells) throw tooManyCells(limits.file, maxCells, { sheet });
    if (scan.widest.cells > widest.cells) widest = { sheet, ...scan.widest };
    if (spread > maxSpread) throw tooSpread(widest);
  }
}

/** A part's inflated bytes, counted against what it declared and against the whole file's budget. */
async function* counted(
  src: ByteSource,
  entry: ZipEntryInfo,
  budget: { used: number; max: number },
): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of inflated(src, entry)) {
    total += chunk.length;
    budget.used += chunk.length;
    if (total > entry.uncompressed) throw truncatedFile();
    if (budget.used > budget.max) throw expandsBeyond(budget.max);
    yield chunk;
  }
}

async function* inflated(src: ByteSource, entry: ZipEntryInfo): AsyncIterable<Uint8Array> {
  const local = src.read(entry.localOffset, 30);
  if (local.length < 30 || local[0] !== 0x50 || local[1] !== 0x4b || local[2] !== 3 || local[3] !== 4)
    throw truncatedFile();
  const start = entry.localOffset + 30 + (local[26] | (local[27] << 8)) + (local[28] | (local[29] << 8));
  const end = start + entry.compressed;
  if (end > src.size) throw truncatedFile();
  const slices = function* () {
    for (let at = start; at < end; at += SLICE) yield src.read(at, Math.min(SLICE, end - at));
  };
  if (entry.method === 0) {
    yield* slices();
    return;
  }
  if (entry.method !== 8) throw truncatedFile();
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const feeding = (async () => {
    for (const slice of slices()) {
      await writer.ready;
      await writer.write(slice as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })().catch(() => undefined);
  const reader = ds.readable.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw unreadableWorkbook();
      }
      if (next.done) break;
      yield next.value;
    }
  } finally {
    // Stopped early (budget, a bad cell): stop inflating the rest.
    void reader.cancel().catch(() => undefined);
    await feeding;
  }
}

/** One worksheet's XML: where its cells reach, its merges, and the cells its validations cover. */
class SheetScan implements XmlHandler {
  private maxRow = 0;
  private maxCol = 0;
  private row = 0;
  private readonly merges: MergedRange[] = [];
  private validated = 0;
  cells = 0;
  /** The largest merge or validation range, for the message. */
  widest = { ref: '', cells: 0 };

  constructor(private readonly sheet: string) {}

  open(src: Uint8Array, ns: number, ne: number, end: number): void {
    const n = ne - ns;
    if (n === 1 && src[ns] === 99 /* c */) {
      this.cells++;
      const r = attr(src, ne, end, 'r');
      const at = r === undefined ? undefined : parseRef(r);
      if (r !== undefined && at) {
        if (at.c >= MAX_COLS || at.r >= MAX_ROWS) throw beyondExcel(this.sheet, { cell: r });
        if (at.c >= this.maxCol) this.maxCol = at.c + 1;
      } else this.maxCol = Math.max(this.maxCol, 1);
    } else if (n === 3 && nameIs(src, ns, ne, 'row')) {
      const r = attr(src, ne, end, 'r');
      this.row = r !== undefined && /^\d+$/.test(r) ? Number(r) : this.row + 1;
      if (this.row > MAX_ROWS) throw beyondExcel(this.sheet, { row: r ?? String(this.row) });
      if (this.row > this.maxRow) this.maxRow = this.row;
    } else if (n === 9 && nameIs(src, ns, ne, 'mergeCell')) {
      const ref = attr(src, ne, end, 'ref') ?? '';
      const m = rangeOf(ref);
      if (!m) return;
      if (m.bottom >= MAX_ROWS || m.right >= MAX_COLS) throw beyondExcel(this.sheet, { cell: ref });
      this.merges.push(m);
      this.note(ref, m);
    } else if (n === 14 && nameIs(src, ns, ne, 'dataValidation')) {
      for (const ref of (attr(src, ne, end, 'sqref') ?? '').split(/\s+/)) {
        const m = rangeOf(ref);
        if (!m) continue;
        this.validated += areaOf(m);
        this.note(ref, m);
      }
    }
  }

  close(): void {}
  text(): void {}

  /** The cells ExcelJS would make for this sheet's merges and validations; refuses overlaps. */
  finish(): number {
    tidyMergesTo(this.sheet, this.merges, this.maxRow, this.maxCol);
    return this.merges.reduce((n, m) => n + areaOf(m), this.validated);
  }

  private note(ref: string, m: MergedRange): void {
    const cells = areaOf(m);
    if (cells > this.widest.cells) this.widest = { ref, cells };
  }
}

const areaOf = (m: MergedRange) => (m.bottom - m.top + 1) * (m.right - m.left + 1);

/** "A1:C3", "B2", and whole columns or rows ("A:A", "3:5") → a 0-based rectangle. */
function rangeOf(ref: string): MergedRange | undefined {
  const [a, b = a] = ref.split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q || (p.r < 0 && p.c < 0) || (q.r < 0 && q.c < 0)) return undefined;
  // A part not written (-1) reaches the grid's edge: the first row or column, or the last.
  const or = (n: number, whole: number) => (n < 0 ? whole : n);
  const top = Math.min(or(p.r, 0), or(q.r, 0));
  const bottom = Math.max(or(p.r, MAX_ROWS - 1), or(q.r, MAX_ROWS - 1));
  const left = Math.min(or(p.c, 0), or(q.c, 0));
  const right = Math.max(or(p.c, MAX_COLS - 1), or(q.c, MAX_COLS - 1));
  return { top, left, bottom, right };
}

function tooSpread({ sheet, ref, cells }: { sheet: string; ref: string; cells: number }): FileError {
  return new FileError('areas-too-wide', { sheet, range: ref, cells });
}
