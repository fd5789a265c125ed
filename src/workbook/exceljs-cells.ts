/**
 * ExcelJS cell → the engine's Cell. Shared by the in-memory reader (file.ts) and the streaming
 * reader (file-node.ts), which hand us the same ExcelJS Cell class. One object per cell, no
 * closures: a 100,000-row roster has millions of cells. The command line's own reader for large
 * files (src/workbook/xlsx/) builds its cells with the same numberCell/dateCell/booleanCell, so every
 * reader agrees on what a value becomes.
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../domain/grid';

const VT = ExcelJS.ValueType;

type FormulaResult = ExcelJS.CellFormulaValue['result'];

export function cellFromExcel(cell: ExcelJS.Cell): Cell | undefined {
  switch (cell.type) {
    case VT.Null:
    case VT.Merge:
      // Office.js also reports only the top-left cell of a merged area; the grid's merges say the rest.
      return undefined;
    case VT.Number:
      return numberCell(cell.value as number, cell.numFmt);
    case VT.String:
      return { v: cell.value as string, t: 'string' };
    case VT.SharedString:
      return { v: String(cell.text), t: 'string' };
    case VT.RichText:
      return { v: richText(cell.value as ExcelJS.CellRichTextValue), t: 'string' };
    case VT.Hyperlink:
      return { v: hyperlinkText(cell.value as ExcelJS.CellHyperlinkValue), t: 'string' };
    case VT.Date:
      return dateCell(cell.value as Date, cell.numFmt);
    case VT.Boolean:
      return booleanCell(cell.value as boolean);
    case VT.Error:
      return { v: (cell.value as ExcelJS.CellErrorValue).error, t: 'error' };
    case VT.Formula: {
      // cell.value drops falsy results (0, "", false); cell.result keeps them.
      const c = resultCell(cell.result as FormulaResult, cell.numFmt);
      c.formula = true;
      return c;
    }
    default:
      return cell.text ? { v: cell.text, t: 'string' } : undefined;
  }
}

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

/** A formula's cached result. The streaming reader gives NaN for error results (it cannot tell which). */
function resultCell(result: FormulaResult, numFmt: string | undefined): Cell {
  if (result === undefined || result === null) return { v: '', t: 'string', uncomputed: true };
  if (typeof result === 'number') {
    return Number.isNaN(result) ? { v: '#VALUE!', t: 'error' } : numberCell(result, numFmt);
  }
  if (typeof result === 'string') return { v: result, t: 'string' };
  if (typeof result === 'boolean') return booleanCell(result);
  if (result instanceof Date) return dateCell(result, numFmt);
  if (typeof result === 'object' && 'error' in result) return { v: result.error, t: 'error' };
  return { v: String(result), t: 'string' };
}

function richText(value: ExcelJS.CellRichTextValue): string {
  let s = '';
  for (const run of value.richText) s += run.text ?? '';
  return s;
}

function hyperlinkText(value: ExcelJS.CellHyperlinkValue): string {
  const text: unknown = value.text;
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'richText' in text) return richText(text as ExcelJS.CellRichTextValue);
  return value.hyperlink ?? '';
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
