/** Writing outputs: folders are made if needed, the files written atomically, all or none (file-node.ts). */
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import { writeFilesAtomic } from '../workbook/file-node';

export async function writeOutput(path: string, data: Uint8Array, force: boolean): Promise<void> {
  await writeOutputs([{ path, data }], force);
}

/** The outputs of one run: either all are written or none is left behind. */
export async function writeOutputs(files: { path: string; data: Uint8Array }[], force: boolean): Promise<void> {
  for (const f of files) await fsp.mkdir(dirname(f.path), { recursive: true });
  await writeFilesAtomic(files, { force });
}
