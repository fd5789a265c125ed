/**
 * The command line's benchmark input: the engine benchmark's synthetic roster (bench/synthetic.ts,
 * 40 columns, member sheet, death list) written once as a real .xlsx with ExcelJS's streaming
 * writer, strings shared as Excel stores them. Cached under .tmp/bench/ (git-ignored) so reruns
 * measure the same bytes without paying for the write again.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell } from '../src/domain/grid';
import { syntheticWorkbook, type Faults } from './synthetic';

export const BENCH_DIR = resolve(__dirname, '..', '.tmp', 'bench');

/** Bump when the content changes, so an old cached file is not measured by mistake. */
const VERSION = 1;

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
  for (const sheet of syntheticWorkbook(households, faults).sheets) {
    const ws = writer.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map(valueOf)).commit();
    ws.commit();
  }
  await writer.commit();
  renameSync(temp, path);
  return path;
}

function valueOf(cell: Cell | undefined): ExcelJS.CellValue {
  return cell === undefined ? null : (cell.v as ExcelJS.CellValue);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 100_000);
  const faults: Faults = process.argv[3] === 'every' ? 'every' : 'some';
  rosterFile(n, faults).then((p) => process.stdout.write(p + '\n'));
}
