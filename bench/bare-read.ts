/**
 * The yardstick for the command line: ExcelJS's streaming reader alone over a file, every row and
 * every cell's value touched, nothing kept, nothing checked. The command line's streaming-read
 * options (STREAMING_READER_OPTIONS), imported from their own small module so that this bundle
 * stays the reader alone.
 * `node bare-read.js file.xlsx` prints one JSON line.
 */
import ExcelJS from 'exceljs';
import { STREAMING_READER_OPTIONS } from '../src/workbook/file/exceljs-stream';

async function bareRead(path: string): Promise<{ rows: number; cells: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, STREAMING_READER_OPTIONS);
  let rows = 0;
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      rows++;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== null) cells++;
      });
    }
  }
  return { rows, cells };
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: bare-read <file.xlsx>');
  const t0 = performance.now();
  const { rows, cells } = await bareRead(path);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage();
  process.stdout.write(
    JSON.stringify({
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      rows,
      cells,
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exitCode = 1;
});
