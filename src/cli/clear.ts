/**
 * `dibao clear <marked.xlsx> --out FILE.xlsx`: a copy with this tool's marks removed (each cell's
 * earlier fill restored, only the tool's notes removed, generated sheets kept).
 */
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { FileError } from '../workbook/file/file-error';
import { checkFile, openWorkbookFile } from '../workbook/file/file-node';
import { nodeCodec } from '../workbook/xlsx/codec-node';
import { patchWorkbook, Unpatchable, XlsxPackage } from '../workbook/xlsx/patch';
import type { ClearArgs } from './args';
import { progress, type Io } from './io';
import { defaultClearedPath, guardOutputs } from './paths';
import { formatTable } from './table';
import { writeOutput } from './write';

export async function clearCommand(args: ClearArgs, io: Io): Promise<number> {
  const out = args.out ?? defaultClearedPath(args.input);
  guardOutputs([args.input], [out], args.force);
  progress(io, `正在读取 ${basename(args.input)}…`, `reading ${basename(args.input)}…`);
  const { cells, bytes } = (await clearByPatch(args.input)) ?? (await clearThroughExcelJS(args.input));
  await writeOutput(out, bytes, args.force);
  io.stdout(
    `已清除标注（marks cleared）：${basename(args.input)}\n` +
      formatTable([
        ['恢复的单元格（cells restored）', String(cells)],
        ['输出（output）', out],
      ]),
  );
  return 0;
}

/** The package patched (untouched parts copied as they are); undefined when the patcher cannot. */
async function clearByPatch(path: string): Promise<{ cells: number; bytes: Uint8Array } | undefined> {
  checkFile(path);
  try {
    const out = await patchWorkbook(new XlsxPackage(await readFile(path), nodeCodec), { marks: [], sheets: [] });
    return { cells: out.cellsRestored, bytes: out.bytes };
  } catch (e) {
    // A package the patcher does not take, or damaged in a way only it met: ExcelJS tries, and
    // gives the usual refusal when the file is damaged.
    if (e instanceof Unpatchable || !(e instanceof FileError)) return undefined;
    throw e;
  }
}

async function clearThroughExcelJS(path: string): Promise<{ cells: number; bytes: Uint8Array }> {
  const host = await openWorkbookFile(path);
  const cells = await host.clearMarks();
  return { cells, bytes: await host.toBuffer() };
}
