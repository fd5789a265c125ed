/** Writing outputs: the folder is made if needed, the file written atomically (file-node.ts). */
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../workbook/file-node';

export async function writeOutput(path: string, data: Uint8Array, force: boolean): Promise<void> {
  await fsp.mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, data, { force });
}
