/**
 * A small clerk-made workbook built with ExcelJS: merged title, header row, cells of every kind
 * ExcelJS knows, fills shared between cells, clerk notes plain and rich, a hidden row.
 */
import ExcelJS from 'exceljs';
import type { Comment } from 'exceljs';
import { FileWorkbook } from '../../src/workbook/file/file';

export const GREEN: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
export const BLUE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF9BC2E6' } };
export const GRADIENT: ExcelJS.Fill = {
  type: 'gradient',
  gradient: 'angle',
  degree: 90,
  stops: [
    { position: 0, color: { argb: 'FFFFFFFF' } },
    { position: 1, color: { argb: 'FF4472C4' } },
  ],
};
export const CLERK_NOTE = '户主已搬迁，待核实';
export const RICH_NOTE: Comment = { texts: [{ text: '村干部：', font: { bold: true } }, { text: '材料在档案室' }] };
export const ROSTER_ID = '430529198001011237';
export const TAKEN_NAME = '调整花名册';

export async function rosterBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '城步苗族自治县儒林镇农村低保对象花名册';
  ws.getCell('A1').fill = BLUE;
  ws.addRow(['序号', '户主姓名', '身份证号码', '月保障金', '复核日期', '合计', '核对', '备注', '链接', '在保']);
  ws.addRow([
    1,
    { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] },
    ROSTER_ID,
    300.5,
    new Date(Date.UTC(2017, 11, 1)),
    { formula: 'D3*2', result: 601 },
    { error: '#N/A' },
    '低保户',
    { text: '档案', hyperlink: 'https://example.org/a' },
    true,
  ]);
  ws.addRow([
    2,
    '李四',
    430529198001011200,
    252.17,
    null,
    { formula: 'VLOOKUP(C4,X:Y,2,0)', result: { error: '#REF!' } },
    null,
    null,
  ]);
  ws.addRow([
    3,
    '王五',
    '430529196003151236',
    0,
    null,
    { formula: 'D5*2', result: 0 },
    { formula: 'D5>1', result: false },
    '已停保',
  ]);
  ws.getRow(5).hidden = true;
  ws.getCell('D3').numFmt = '0.00';
  ws.getCell('D4').numFmt = '0.00';
  ws.getCell('E3').numFmt = 'yyyy-mm-dd';
  for (const a of ['B3', 'B4', 'B5']) ws.getCell(a).fill = GREEN; // same style: shared after loading
  ws.getCell('C4').fill = GRADIENT;
  ws.getCell('B3').font = { bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('B4').note = CLERK_NOTE;
  ws.getCell('C5').note = RICH_NOTE;
  ws.getColumn(3).width = 22;
  const other = wb.addWorksheet(TAKEN_NAME);
  other.getCell('A1').value = '镇里自己做的表';
  const hidden = wb.addWorksheet('参数', { state: 'hidden' });
  hidden.getCell('A1').value = 'x';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function loadRoster(): Promise<FileWorkbook> {
  return FileWorkbook.load(await rosterBytes());
}

/**
 * The workbook's default font (font 0) as ExcelJS reports it on any styled cell. A cell without a
 * style shows in it too; ExcelJS spells it out once the cell has been given a style of its own.
 */
export const DEFAULT_FONT: Partial<ExcelJS.Font> = {
  color: { theme: 1 },
  family: 2,
  scheme: 'minor',
  size: 11,
  name: 'Calibri',
};

/**
 * Every cell's fill, note, value, font and number format in a box, as JSON, for exact comparison
 * (fonts as the clerk sees them: no font of its own = the default font).
 */
export function snapshot(fw: FileWorkbook, rows = 8, cols = 12): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ws of fw.workbook.worksheets) {
    if (ws.name.startsWith('_')) continue;
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        out[`${ws.name}!${cell.address}`] = JSON.stringify({
          fill: cell.fill,
          note: cell.note,
          value: cell.value,
          font: cell.font ?? DEFAULT_FONT,
          numFmt: cell.numFmt,
        });
      }
    }
  }
  return out;
}

export async function reopen(fw: FileWorkbook): Promise<FileWorkbook> {
  return FileWorkbook.load(await fw.toBuffer());
}
