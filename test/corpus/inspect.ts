/**
 * Looking inside workbooks the tool wrote: what each cell holds, its fill and its note, in a
 * form two workbooks can be compared by; and which cells hold a formula.
 */
import ExcelJS from 'exceljs';

export interface CellLook {
  value: string;
  fill: string;
  /** The whole note (text, formatting, size) as JSON, so "restored exactly" means exactly. */
  note: string;
}

export async function readXlsx(data: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof data === 'string') await wb.xlsx.readFile(data);
  else await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

export function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** A fill that paints nothing (ExcelJS reads "no fill" back as pattern none) counts as none. */
function fillKey(fill: ExcelJS.Fill | undefined): string {
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return '';
  return JSON.stringify(fill);
}

/** Every cell that has something (value, fill or note), by address. */
export function lookOf(ws: ExcelJS.Worksheet): Map<string, CellLook> {
  const out = new Map<string, CellLook>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const look = {
        value: cell.value === null || cell.value === undefined ? '' : JSON.stringify(cell.value),
        fill: fillKey(cell.fill),
        note: cell.note === undefined || cell.note === null ? '' : JSON.stringify(cell.note),
      };
      if (look.value || look.fill || look.note) out.set(cell.address, look);
    });
  });
  return out;
}

/** Addresses of the cells of a sheet that hold a formula (shared formulas included). */
export function formulaCells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) out.push(cell.address);
    });
  });
  return out;
}

/** The text of every cell of a sheet, row by row (for searching generated sheets). */
export function sheetText(ws: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => cells.push(cell.text));
    lines.push(cells.join('\t'));
  });
  return lines.join('\n');
}
