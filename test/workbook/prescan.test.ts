/**
 * The pre-scan before ExcelJS (the web page's FileWorkbook.load, and the command line's fallback
 * paths): whatever ExcelJS would expand into millions of objects is refused with the sheet and
 * range named, in milliseconds, before ExcelJS sees the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE } from '../corpus/make-corpus';
import { FileError, FileWorkbook } from '../../src/workbook/file/file';

const bytesOf = async (file: string) => HOSTILE.find((c) => c.file === file)!.build();

async function loadError(file: string): Promise<FileError> {
  const bytes = await bytesOf(file);
  const started = Date.now();
  const error = await FileWorkbook.load(bytes, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

test.each([
  ['validation-whole-columns.xlsx', 'J3:J1048576'],
  ['validation-whole-sheet.xlsx', 'A1:XFD1048576'],
  ['merge-whole-column.xlsx', 'T1:T1048576'],
  ['merge-to-xfd1048576.xlsx', 'A20:XFD1048576'],
])('%s: not handed to ExcelJS, the range named', async (file, range) => {
  const e = await loadError(file);
  expect(e.zh).toContain('工作表“花名册”的合并单元格或下拉列表（数据验证）范围过大');
  expect(e.zh).toContain(range);
});

test.each([
  ['row-400000000.xlsx', '第 400000000 行超出 Excel 的范围'],
  ['column-zzzzzz.xlsx', '单元格 ZZZZZZ5 超出 Excel 的范围'],
  ['overlapping-merges.xlsx', '互相重叠'],
  ['understated-part.xlsx', '文件不完整或已损坏'],
])('%s: refused before ExcelJS', async (file, words) => {
  expect((await loadError(file)).zh).toContain(words);
});

test('more cells than the web page may hold: refused by count, with what to do', async () => {
  const saved = FileWorkbook.maxCells;
  FileWorkbook.maxCells = 1_000_000;
  try {
    expect((await loadError('many-cells.xlsx')).zh).toMatch(
      /many-cells\.xlsx 中的单元格超过本工具一次能核查的 100 万个（读到工作表“表\d+”时）：请按村/,
    );
  } finally {
    FileWorkbook.maxCells = saved;
  }
});

test('an ordinary roster still loads', async () => {
  const wb = await FileWorkbook.load(await bytesOf('formula-looking-text.xlsx'));
  expect((await wb.readWorkbook()).sheets.map((s) => s.name)).toContain('花名册');
});

test('every hostile corpus file has its row in docs/RELIABILITY.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/RELIABILITY.md'), 'utf8');
  for (const c of HOSTILE) expect([c.file, doc.includes(`\`${c.file}\``)]).toEqual([c.file, true]);
});
