/**
 * What Office.js returns for a range (values, text, numberFormat, valueTypes) → the neutral Cell
 * of src/domain/grid.ts, so the engine sees the same grid from Excel as from an .xlsx file.
 */
import { columnIndex, type Cell, type MergedRange } from '../../domain/grid';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A number format that shows a date (yyyy-mm-dd, m/d/yy, [$-804]yyyy"年"m"月"d"日" …). */
export function isDateFormat(fmt: string): boolean {
  if (fmt === 'General' || fmt === '@') return false;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(bare);
}

/** Excel serial (1900 date system) → Date at UTC midnight, as the file host gives dates. */
export function serialToDate(serial: number): Date {
  // Serials before 1 March 1900 count Excel's phantom 29 February 1900.
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(EXCEL_EPOCH + Math.round(days * 86400) * 1000);
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function toCell(value: unknown, type: string, shown: string, fmt: string): Cell | undefined {
  const format = fmt && fmt !== 'General' ? { fmt } : {};
  // A number or date in a column too narrow for it shows as "#####": that is no text to keep.
  const narrow = (type === 'Double' || type === 'Integer') && /^#+$/.test(shown);
  const text = narrow ? undefined : shown;
  switch (type) {
    case 'Empty':
      return undefined;
    case 'Double':
    case 'Integer': {
      const n = Number(value);
      if (isDateFormat(fmt)) {
        const d = serialToDate(n);
        return { v: d, t: 'date', ...format, ...(text !== undefined && text !== isoDay(d) ? { text } : {}) };
      }
      return { v: n, t: 'number', ...format, ...(text !== undefined && text !== String(n) ? { text } : {}) };
    }
    case 'Boolean': {
      const b = value === true || value === 'TRUE';
      return { v: b, t: 'boolean', ...format, ...(shown !== String(b) ? { text: shown } : {}) };
    }
    case 'Error':
      return { v: shown || String(value), t: 'error' };
    default: {
      // String, and anything newer (RichValue, Unknown): the text the clerk sees.
      const s = typeof value === 'string' ? value : shown;
      if (s === '') return undefined;
      return { v: s, t: 'string', ...format, ...(shown !== s ? { text: shown } : {}) };
    }
  }
}

/**
 * "Sheet1!A1:C1,Sheet1!B3:B4" or "'My sheet'!A1:C1" (RangeAreas.address) → 0-based merges.
 * Splits on commas outside quoted sheet names.
 */
export function parseAreas(address: string): MergedRange[] {
  const parts: string[] = [];
  let quoted = false;
  let cur = '';
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) parts.push(cur);
  return parts.map((p) => {
    const local = p.slice(p.lastIndexOf('!') + 1).replace(/\$/g, '');
    const [a, b = a] = local.split(':').map((x) => x.trim());
    // Whole rows ("3:5") and whole columns ("A:C"), as Excel writes a merge across the sheet.
    if (/^\d+$/.test(a) && /^\d+$/.test(b))
      return { top: Number(a) - 1, left: 0, bottom: Number(b) - 1, right: MAX_COL };
    if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b))
      return { top: 0, left: columnIndex(a), bottom: MAX_ROW, right: columnIndex(b) };
    const m1 = /^([A-Z]+)(\d+)$/i.exec(a);
    const m2 = /^([A-Z]+)(\d+)$/i.exec(b);
    if (!m1 || !m2) throw new Error(`unexpected range address "${p}"`);
    return { top: Number(m1[2]) - 1, left: columnIndex(m1[1]), bottom: Number(m2[2]) - 1, right: columnIndex(m2[1]) };
  });
}

/** Last 0-based row and column of a worksheet (1,048,576 rows × 16,384 columns). */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

/** "B7" or "Sheet1!B7" → 1-based row and column. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const [m] = parseAreas(address);
  return { row: m.top + 1, col: m.left + 1 };
}

/** Queue the used range (values only) of a sheet; read it after the next sync. */
export function usedRangeOf(ws: Excel.Worksheet): Excel.Range {
  return ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
}

/** UTF-8 length without allocating (TextEncoder would copy megabytes per batch). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
