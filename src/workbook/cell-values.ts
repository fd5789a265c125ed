/**
 * A number, date or boolean as the engine's Cell, with the text Excel would show where it is cheap
 * to reproduce. Every reader builds its cells with these (ExcelJS's, the own .xlsx reader, the
 * converter's), so they agree on what a value becomes; no ExcelJS here, so the web page's worker
 * can read without loading it.
 */
import type { Cell } from '../domain/grid';

export function numberCell(v: number, numFmt: string | undefined): Cell {
  const general = !numFmt || numFmt === 'General';
  // Most numbers in a roster are small whole numbers in General format, shown as typed: no text
  // to work out (this runs for every number cell of a county's roster).
  if (general && Number.isInteger(v) && Math.abs(v) < 1e11) return { v, t: 'number' };
  const c: Cell = { v, t: 'number' };
  if (!general) c.fmt = numFmt;
  const shown = displayNumber(v, c.fmt);
  if (shown !== undefined && shown !== String(v)) c.text = shown;
  return c;
}

export function dateCell(v: Date, numFmt: string | undefined): Cell {
  if (Number.isNaN(v.getTime())) return { v: '#VALUE!', t: 'error' };
  const c: Cell = { v, t: 'date' };
  if (numFmt && numFmt !== 'General') c.fmt = numFmt;
  return c;
}

export function booleanCell(v: boolean): Cell {
  return { v, t: 'boolean', text: v ? 'TRUE' : 'FALSE' };
}

const FIXED = /^(#,##)?0(\.(0+))?(%?)$/;

/**
 * What Excel shows for a number, for the formats that are cheap to reproduce; undefined for the
 * rest (dates, currency, custom). The one that matters most: an 18-digit ID typed as a number is
 * shown in General format as "4.30529E+17", which is what the clerk sees and what ID-04 quotes.
 */
export function displayNumber(v: number, fmt: string | undefined): string | undefined {
  if (!Number.isFinite(v)) return undefined;
  if (fmt === undefined || fmt === 'General' || fmt === '@') return generalNumber(v);
  const m = FIXED.exec(fmt);
  if (!m) return undefined;
  const decimals = m[3] ? m[3].length : 0;
  const percent = m[4] === '%';
  const x = percent ? v * 100 : v;
  // Excel keeps 15 significant digits; digits beyond are shown as zeros.
  const fixed = Math.abs(x) >= 1e15 ? String(Number(x.toPrecision(15))) : x.toFixed(decimals);
  return (m[1] ? group(fixed) : fixed) + (percent ? '%' : '');
}

function generalNumber(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e11 || (abs > 0 && abs < 1e-9)) {
    const [mantissa, exponent] = v.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exponent);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(v.toPrecision(15)));
}

function group(fixed: string): string {
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}
