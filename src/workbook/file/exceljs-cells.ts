/**
 * ExcelJS cell → the engine's Cell. Shared by the in-memory reader (file.ts) and the streaming
 * reader (file-node.ts), which hand us the same ExcelJS Cell class. One object per cell, no
 * closures: a 100,000-row roster has millions of cells. The command line's own reader for large
 * files (src/workbook/xlsx/) builds its cells with the same numberCell/dateCell/booleanCell, so every
 * reader agrees on what a value becomes.
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../../domain/grid';
import { booleanCell, dateCell, numberCell } from '../cell-values';

export { booleanCell, dateCell, displayNumber, numberCell } from '../cell-values';

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
