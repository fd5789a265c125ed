/**
 * The made-up roster the web page's worker warms up on is written as an .xlsx by
 * src/workbook/xlsx/write-grid.ts: the own reader and ExcelJS must both read back every cell as
 * it was, and the engine must find the same households and findings as in the grid itself.
 */
import ExcelJS from 'exceljs';
import { cellText, sheetFromValues, type WorkbookGrid } from '../../src/domain/grid';
import { checkWorkbook } from '../../src/domain/engine';
import { parsePolicy } from '../../src/domain/policy';
import { syntheticWorkbook } from '../../src/domain/synthetic-roster';
import { webCodec } from '../../src/workbook/xlsx/codec-web';
import { XlsxPackage } from '../../src/workbook/xlsx/package';
import { readPackageGrid } from '../../src/workbook/xlsx/read-package';
import { gridPackage } from '../../src/workbook/xlsx/write-grid';

const AS_OF = '2018-01-15';

async function readBack(bytes: Uint8Array): Promise<WorkbookGrid> {
  return readPackageGrid(new XlsxPackage(bytes, webCodec), { maxBytes: 1 << 30, maxCells: 1e7 });
}

/** Each row's texts up to its last non-empty cell (an empty cell and a missing one look alike). */
const texts = (wb: WorkbookGrid) =>
  wb.sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) => {
      const t = Array.from(r, cellText);
      while (t.length && t[t.length - 1] === '') t.pop();
      return t;
    }),
  }));

test('the own reader reads back every sheet, cell and text as written, markup characters included', async () => {
  const grid: WorkbookGrid = {
    sheets: [
      sheetFromValues('花名册 <1> & "2"', [
        ['序号', '户主姓名', '备注'],
        [1, '杨某 & <子>', 'a "quoted" \'x\''],
        [2.5, null, '是（备注）'],
        [-433.33, '  前后空格  ', ''],
      ]),
      sheetFromValues('家庭成员', [['户主身份证号'], ['430529194001010011']]),
    ],
  };
  const back = await readBack(await gridPackage(grid, webCodec));
  expect(texts(back)).toEqual(texts(grid));
  expect(back.sheets[0].rows[3][0]).toMatchObject({ t: 'number', v: -433.33 });
});

test('ExcelJS opens the package and sees the same values', async () => {
  const grid = syntheticWorkbook(30, AS_OF);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await gridPackage(grid, webCodec)) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(grid.sheets.map((s) => s.name));
  const roster = wb.worksheets[0];
  expect(roster.getCell(4, 3).value).toBe(cellText(grid.sheets[0].rows[3][2]));
  expect(roster.getCell(4, 1).value).toBe(1);
});

test('the engine finds in the written roster what it finds in the grid', async () => {
  const grid = syntheticWorkbook(200, AS_OF);
  const policy = parsePolicy({ asOf: AS_OF });
  const direct = checkWorkbook({ workbook: grid, policy });
  const written = checkWorkbook({ workbook: await readBack(await gridPackage(grid, webCodec)), policy });
  expect(written.households).toHaveLength(200);
  expect(written.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(direct.findings.map((f) => `${f.rule}@${f.cell}`));
  expect(direct.findings.length).toBeGreaterThan(0);
});
