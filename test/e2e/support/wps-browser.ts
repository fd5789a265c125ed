/**
 * The WPS double in the browser: bundled (esbuild, IIFE) so a page can run with it as
 * window.Application, and a workbook file turned into the double's BookState.
 */
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import ExcelJS from 'exceljs';
import { BookState, dateToSerial } from '../../support/excel-double-book';

/** Script defining window.__wpsDouble(json) → a WpsDouble over BookState.open(json). */
export function wpsDoubleScript(): string {
  const out = buildSync({
    stdin: {
      contents: `
        import { WpsDouble } from './test/support/wps-double';
        import { BookState } from './test/support/excel-double-book';
        globalThis.__wpsDouble = (json) => new WpsDouble(BookState.open(json));
      `,
      resolveDir: path.resolve(__dirname, '../../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  return out.outputFiles[0].text;
}

/** An .xlsx as the double's saved workbook: values, number formats, solid fills, notes, merges. */
export async function bookFromXlsx(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const book = new BookState();
  wb.eachSheet((ws) => {
    const s = book.add(ws.name);
    if (ws.state === 'hidden') s.visibility = 'Hidden';
    if (ws.state === 'veryHidden') s.visibility = 'VeryHidden';
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        const at = [r - 1, c - 1] as const;
        if (v instanceof Date) {
          s.setRaw(...at, dateToSerial(v));
          s.setFormat(...at, cell.numFmt || 'yyyy-mm-dd');
        } else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
          s.setRaw(...at, v);
          if (cell.numFmt) s.setFormat(...at, cell.numFmt);
        } else if (v && typeof v === 'object' && 'richText' in v) {
          s.setRaw(...at, v.richText.map((t) => t.text).join(''));
        } else if (v && typeof v === 'object' && 'result' in v && v.result !== undefined) {
          const res = v.result;
          if (typeof res === 'number' || typeof res === 'string' || typeof res === 'boolean') s.setRaw(...at, res);
        }
        const fill = cell.fill;
        if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) {
          s.setFill(...at, { color: `#${fill.fgColor.argb.slice(2)}`, pattern: 'Solid' });
        }
        const note = cell.note as string | { texts?: { text: string }[] } | undefined;
        if (note)
          s.notes.set(cell.address, typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join(''));
      }),
    );
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const m of merges) {
      const [a, b] = m.split(':').map((x) => ws.getCell(x));
      s.merges.push({
        r0: Number(a.row) - 1,
        c0: Number(a.col) - 1,
        rows: Number(b.row) - Number(a.row) + 1,
        cols: Number(b.col) - Number(a.col) + 1,
      });
    }
  });
  return book.save();
}
