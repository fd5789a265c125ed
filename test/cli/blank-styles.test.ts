/**
 * Sharing one empty style object among unstyled cells before writing (src/cli/blank-styles.ts)
 * is a speed fix only: the workbook written must be the same, part by part.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { shareBlankStyles } from '../../src/cli/blank-styles';
import { makeSampleWorkbook } from '../../examples/make-sample';
import { zipParts } from '../corpus/zip';

async function partsOf(wb: ExcelJS.Workbook): Promise<Map<string, string>> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const out = new Map<string, string>();
  for (const p of zipParts(bytes)) {
    const raw = bytes.subarray(p.dataOffset, p.dataOffset + p.compressedSize);
    out.set(p.name, (p.method === 8 ? inflateRawSync(raw) : Buffer.from(raw)).toString('utf8'));
  }
  // The document's own timestamps differ between two writes.
  out.delete('docProps/core.xml');
  return out;
}

async function reloaded(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

it('writes the same workbook, with styled, filled and unstyled cells, after sharing blank styles', async () => {
  const original = makeSampleWorkbook().workbook;
  // Plain values, as many exporters write them: no style at all.
  const plain = original.addWorksheet('导出');
  for (let r = 1; r <= 50; r++) plain.addRow([r, `户主${r}`, r % 2 ? '是' : '否', new Date(Date.UTC(2017, 0, r))]);
  // Loaded from a file, as the command line has it: unstyled cells carry their own empty style.
  const wb = await reloaded(original);
  wb.worksheets[0].getCell('B5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  wb.getWorksheet('导出')!.getCell('B7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
  wb.getWorksheet('导出')!.getCell('Z40').value = '新单元格';
  const before = await partsOf(wb);
  const shared = shareBlankStyles(wb);
  expect(shared).toBeGreaterThanOrEqual(150); // the 50 × 3 unstyled cells of 导出 at least
  expect(await partsOf(wb)).toEqual(before);
});
