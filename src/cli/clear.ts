/**
 * `dibao clear <marked.xlsx> --out FILE.xlsx`: a copy with this tool's marks removed (each cell's
 * earlier fill restored, only the tool's notes removed, generated sheets kept).
 */
import { basename } from 'node:path';
import { openWorkbookFile } from '../workbook/file-node';
import type { ClearArgs } from './args';
import { progress, type Io } from './io';
import { defaultClearedPath, guardOutputs } from './paths';
import { formatTable } from './table';
import { writeOutput } from './write';

export async function clearCommand(args: ClearArgs, io: Io): Promise<number> {
  const out = args.out ?? defaultClearedPath(args.input);
  guardOutputs([args.input], [out], args.force);
  progress(io, `正在读取 ${basename(args.input)}…`, `reading ${basename(args.input)}…`);
  const host = await openWorkbookFile(args.input);
  const cells = await host.clearMarks();
  const bytes = await host.toBuffer();
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
