/**
 * The own reader's cell budget (#13): a workbook over it is refused with what to do — split by
 * village, or check one roster sheet with --sheet — naming the sheet where the budget ran out;
 * with --sheet, the sheets asked for are read first and another sheet that does not fit is left
 * out and named, instead of refusing the file.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { summaryText } from '../../src/cli/summary';
import { FileWorkbook } from '../../src/workbook/file/file';
import { readGridFast } from '../../src/workbook/xlsx/read';
import { check, cleanRow, HEADERS, workbook } from '../support/roster';
import { tempDir } from '../cli/helpers';

const BYTES = 1 << 30;

/** 花名册 (20 households), then 家庭成员, then a big sheet of another village's numbers. */
async function countyFile(): Promise<{ path: string; rosterCells: number }> {
  const wb = new ExcelJS.Workbook();
  const rows = Array.from({ length: 20 }, () => cleanRow());
  const roster = wb.addWorksheet('花名册');
  roster.addRow(['城步苗族自治县儒林镇农村低保对象花名册']);
  roster.addRow([...HEADERS]);
  for (const r of rows) roster.addRow(HEADERS.map((h) => (r as Record<string, unknown>)[h] ?? null));
  const members = wb.addWorksheet('家庭成员');
  members.addRow(['户主身份证号', '姓名', '身份证号', '与户主关系']);
  const other = wb.addWorksheet('清溪村');
  for (let r = 0; r < 500; r++) other.addRow(Array.from({ length: 20 }, (_, c) => r * 20 + c));
  const path = join(tempDir(), '县花名册.xlsx');
  await wb.xlsx.writeFile(path);
  const rosterCells = 1 + HEADERS.length + rows.reduce((n, r) => n + Object.keys(r).length, 0);
  return { path, rosterCells };
}

it('refuses a workbook over the budget naming the sheet reached and pointing at --sheet and splitting', async () => {
  const { path, rosterCells } = await countyFile();
  const budget = { bytes: BYTES, heldBytes: BYTES, cells: rosterCells + 1000 };
  const refused = await readGridFast(path, statSync(path).size, undefined, budget).catch((e) => e);
  expect(refused).toMatchObject({ code: 'too-large' });
  expect(refused.zh).toMatch(/县花名册\.xlsx 中的单元格超过本工具一次能核查的 0 万个（读到工作表“清溪村”时）/);
  expect(refused.zh).toMatch(/请按村（社区）拆分花名册，或用 --sheet 只核查其中一张花名册/);
  expect(refused.en).toMatch(
    /\(reached in sheet "清溪村"\): split the roster by village, or check one roster sheet with --sheet NAME/,
  );
});

it('with --sheet, reads the sheets asked for and leaves out, by name, another that does not fit', async () => {
  const { path, rosterCells } = await countyFile();
  const budget = { bytes: BYTES, heldBytes: BYTES, cells: rosterCells + 1000 };
  const grid = await readGridFast(path, statSync(path).size, undefined, budget, ['花名册']);
  expect(grid.sheets.map((s) => s.name)).toEqual(['花名册', '家庭成员']);
  expect(grid.unread).toEqual(['清溪村']);
  // Room enough: nothing left out, and nothing said about it.
  const all = await readGridFast(path, statSync(path).size, undefined, { bytes: BYTES, heldBytes: BYTES, cells: 1e6 }, [
    '花名册',
  ]);
  expect(all.sheets.map((s) => s.name)).toEqual(['花名册', '家庭成员', '清溪村']);
  expect(all.unread).toBeUndefined();
});

it('refuses, pointing only at splitting, when the sheet asked for does not fit by itself', async () => {
  const { path } = await countyFile();
  const refused = await readGridFast(
    path,
    statSync(path).size,
    undefined,
    { bytes: BYTES, heldBytes: BYTES, cells: 100 },
    ['清溪村'],
  ).catch((e) => e);
  expect(refused.zh).toMatch(
    /（读到工作表“清溪村”时）：请按村（社区）拆分花名册，或删除花名册和成员表以外的工作表后再核查$/,
  );
  expect(refused.zh).not.toMatch(/--sheet/);
});

it('says in the summary which sheets were not read', () => {
  const result = check(workbook([cleanRow()]));
  const text = summaryText(result, { file: '县花名册.xlsx', unread: ['清溪村', '金紫村'] });
  expect(text).toMatch(
    /未读取的工作表（sheets not read）\s+“清溪村”、“金紫村”：单元格过多，超出一次核查的内存限度，未读取/,
  );
});

it('through ExcelJS (a file the own reader declines), the refusal names the sheet reached and says to split the roster', async () => {
  const { path, rosterCells } = await countyFile();
  const saved = FileWorkbook.maxCells;
  FileWorkbook.maxCells = rosterCells + 1000;
  try {
    const refused = await FileWorkbook.load(readFileSync(path), '县花名册.xlsx').catch((e) => e);
    expect(refused).toMatchObject({ code: 'too-large' });
    expect(refused.zh).toMatch(
      /^县花名册\.xlsx 中的单元格超过本工具一次能核查的 0 万个（读到工作表“清溪村”时）：请按村（社区）拆分花名册，或删除花名册和成员表以外的工作表后再核查$/,
    );
    // ExcelJS loads every sheet: --sheet would not make room, so it is not suggested.
    expect(refused.zh).not.toMatch(/--sheet/);
    expect(refused.en).toMatch(/\(reached in sheet "清溪村"\): split the roster by village/);
  } finally {
    FileWorkbook.maxCells = saved;
  }
});
