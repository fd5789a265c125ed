/**
 * Carrying a workbook between the Excel double and an .xlsx (through ExcelJS), as a clerk carries
 * a file between Excel and the command line: values, number formats, solid fills, notes, merges
 * and sheet visibility (the very hidden mark record included). Threaded comments are not carried.
 */
import ExcelJS from 'exceljs';
import { BookState, dateToSerial, type Scalar } from './excel-double-book';
import { ExcelDouble, type ExcelApiVersion } from './excel-double';

const STATE = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

export async function xlsxFromDouble(double: ExcelDouble): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of double.book.live()) {
    const ws = wb.addWorksheet(s.name, { state: STATE[s.visibility] });
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        const formula = s.formula(r, c);
        if (formula) cell.value = { formula: formula.slice(1), result: v as number };
        else cell.value = s.isError(r, c) ? { error: v as ExcelJS.CellErrorValue['error'] } : v;
      }),
    );
    for (const [k, fmt] of s.formats) ws.getCell(Math.floor(k / 16384) + 1, (k % 16384) + 1).numFmt = fmt;
    for (const [k, f] of s.fills) {
      if (f.pattern !== 'Solid') continue;
      ws.getCell(Math.floor(k / 16384) + 1, (k % 16384) + 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: `FF${f.color.slice(1)}` },
      };
    }
    for (const [address, text] of s.notes) ws.getCell(address).note = text;
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r0 + m.rows, m.c0 + m.cols);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function scalarOf(cell: ExcelJS.Cell): { v: Scalar; error?: boolean } | undefined {
  const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return { v: dateToSerial(v) };
  if (typeof v === 'object' && 'error' in v) return { v: String(v.error), error: true };
  if (typeof v === 'object' && 'richText' in v) return { v: v.richText.map((t) => t.text).join('') };
  if (typeof v === 'object') return { v: cell.text };
  return { v };
}

export async function doubleFromXlsx(bytes: Uint8Array, excelApi: ExcelApiVersion = '1.18'): Promise<ExcelDouble> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const book = new BookState();
  for (const ws of wb.worksheets) {
    const s = book.add(ws.name);
    s.visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const x = scalarOf(cell);
        if (x) s.setRaw(r - 1, c - 1, x.v, { error: x.error });
        if (cell.numFmt && cell.numFmt !== 'General') s.setFormat(r - 1, c - 1, cell.numFmt);
        const f = cell.fill;
        if (f?.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb) {
          s.setFill(r - 1, c - 1, { color: `#${f.fgColor.argb.slice(2)}`, pattern: 'Solid' });
        }
        const note = cell.note as string | ExcelJS.Comment | undefined;
        if (note !== undefined) {
          s.notes.set(cell.address, typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join(''));
        }
      }),
    );
  }
  return new ExcelDouble(book, excelApi);
}
