/**
 * The other sheets of the sample workbook: the member sheet (家庭成员) and three reference lists
 * standing in for other departments' data (deaths from the police, the poverty register, vehicles).
 */
import type ExcelJS from 'exceljs';
import type { Household, ListEntry } from './model';
import { head } from './model';

type Value = string | number | Date | null | undefined;

const FONT = { name: '宋体', size: 10 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A plain table: optional title row, one header row, rows; ID-like columns stored as text. */
function writeTable(ws: ExcelJS.Worksheet, title: string | null, headers: string[], rows: Value[][], widths: number[]) {
  ws.columns = widths.map((width) => ({ width }));
  let r = 1;
  if (title) {
    ws.getCell(1, 1).value = title;
    ws.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    ws.mergeCells(1, 1, 1, headers.length);
    r = 2;
  }
  headers.forEach((h, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = h;
    cell.font = { ...FONT, bold: true };
    cell.border = THIN;
  });
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const cell = ws.getCell(r + 1 + i, j + 1);
      if (v !== null && v !== undefined && v !== '') cell.value = v;
      if (typeof v === 'string' && /^\d{15,20}X?$/.test(v)) cell.numFmt = '@';
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      cell.font = FONT;
      cell.border = THIN;
    });
  });
}

const dateOrNull = (s?: string) => (s ? new Date(s + 'T00:00:00Z') : null);

export function writeMembers(ws: ExcelJS.Worksheet, township: string, households: Household[]): void {
  const rows: Value[][] = [];
  for (const h of households) {
    const headId: Value = h.headIdCell ?? head(h).id;
    for (const m of h.memberRows ?? h.members) {
      const id: Value = m === head(h) && h.headIdCell !== undefined ? h.headIdCell : m.id;
      rows.push([
        rows.length + 1,
        headId,
        m.name,
        id,
        m.relation,
        m.covered ? '是' : '否',
        m.disabilityCert ?? null,
        dateOrNull(m.deathDate),
      ]);
    }
  }
  writeTable(
    ws,
    `${township}农村低保家庭成员信息表`,
    ['序号', '户主身份证号', '姓名', '身份证号', '与户主关系', '是否保障对象', '残疾证号', '死亡日期'],
    rows,
    [6, 21, 9, 21, 10, 10, 23, 11],
  );
}

export function writeDeaths(ws: ExcelJS.Worksheet, title: string, entries: ListEntry[]): void {
  writeTable(
    ws,
    title,
    ['序号', '姓名', '性别', '身份证号码', '死亡日期', '所在村'],
    entries.map((e, i) => [i + 1, e.name, e.extra['性别'], e.id, e.extra['死亡日期'], e.village]),
    [6, 9, 6, 21, 11, 10],
  );
}

export function writePoor(ws: ExcelJS.Worksheet, title: string, entries: ListEntry[]): void {
  writeTable(
    ws,
    title,
    ['序号', '村', '户主姓名', '身份证号码', '家庭人口', '是否兜底'],
    entries.map((e, i) => [i + 1, e.village, e.name, e.id, e.extra['家庭人口'], e.extra['是否兜底']]),
    [6, 10, 9, 21, 8, 8],
  );
}

export function writeVehicles(ws: ExcelJS.Worksheet, entries: ListEntry[]): void {
  writeTable(
    ws,
    null,
    ['序号', '车主姓名', '身份证号码', '号牌号码', '车辆类型', '登记日期'],
    entries.map((e, i) => [i + 1, e.name, e.id, e.extra['号牌号码'], e.extra['车辆类型'], e.extra['登记日期']]),
    [6, 9, 21, 11, 14, 11],
  );
}
