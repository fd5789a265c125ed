/**
 * The command line's benchmark input: the engine benchmark's synthetic roster (bench/synthetic.ts,
 * 40 columns, member sheet, death list) written once as a real .xlsx with ExcelJS's streaming
 * writer, strings shared as Excel stores them. Cached under .tmp/bench/ (git-ignored) so reruns
 * measure the same bytes without paying for the write again.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, SheetGrid } from '../src/domain/grid';
import { MAX_ROWS } from '../src/workbook/limits';
import { syntheticWorkbook, type Faults } from './synthetic';

export const BENCH_DIR = resolve(__dirname, '..', '.tmp', 'bench');

/** Bump when the content changes, so an old cached file is not measured by mistake. */
const VERSION = 2;

export function rosterPath(households: number, faults: Faults = 'some'): string {
  const kind = faults === 'every' ? '-faulty' : '';
  return join(BENCH_DIR, `roster-${households}${kind}-v${VERSION}.xlsx`);
}

/** The path of the cached roster file, written first if missing. */
export async function rosterFile(households: number, faults: Faults = 'some'): Promise<string> {
  const path = rosterPath(households, faults);
  if (existsSync(path)) return path;
  mkdirSync(BENCH_DIR, { recursive: true });
  const temp = `${path}.partial`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: true, useStyles: false });
  for (const sheet of syntheticWorkbook(households, faults).sheets.flatMap(withinExcelRows)) {
    const ws = writer.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map(valueOf)).commit();
    ws.commit();
  }
  await writer.commit();
  renameSync(temp, path);
  return path;
}

/**
 * A sheet longer than Excel's 1,048,576 rows (a province's 3 million members) as several sheets
 * with the header repeated, 家庭成员1, 家庭成员2…, as a clerk's workbook would hold them: the
 * readers refuse a row past Excel's last, and the engine reads every member sheet.
 */
function withinExcelRows(sheet: SheetGrid): SheetGrid[] {
  if (sheet.rows.length <= MAX_ROWS) return [sheet];
  const [header, ...body] = sheet.rows;
  const per = MAX_ROWS - 1;
  return Array.from({ length: Math.ceil(body.length / per) }, (_, i) => ({
    name: `${sheet.name}${i + 1}`,
    rows: [header, ...body.slice(i * per, (i + 1) * per)],
  }));
}

function valueOf(cell: Cell | undefined): ExcelJS.CellValue {
  return cell === undefined ? null : (cell.v as ExcelJS.CellValue);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 100_000);
  const faults: Faults = process.argv[3] === 'every' ? 'every' : 'some';
  rosterFile(n, faults).then((p) => process.stdout.write(p + '\n'));
}
