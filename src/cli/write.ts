/** Writing outputs: folders are made if needed, the files written atomically, all or none (file-node.ts). */
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import { fileSystemError } from '../workbook/file/file-error';
import { writeFilesAtomic, type OutputData } from '../workbook/file/file-node';

export async function writeOutput(path: string, data: Uint8Array, force: boolean): Promise<void> {
  await writeOutputs([{ path, data }], force);
}

/**
 * The outputs of one run: either all are written or none is left behind — nor the folders made
 * for them here.
 */
export async function writeOutputs(files: { path: string; data: OutputData }[], force: boolean): Promise<void> {
  const made: string[] = [];
  try {
    for (const f of files) {
      const first = await makeFolder(dirname(f.path), f.path);
      if (first) made.push(first);
    }
    await writeFilesAtomic(files, { force });
  } catch (e) {
    for (const dir of made.reverse()) await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

/** mkdir -p for the output `file`; the first folder it made (undefined if all existed). */
async function makeFolder(dir: string, file: string): Promise<string | undefined> {
  try {
    return await fsp.mkdir(dir, { recursive: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // "EEXIST" here means a file sits where the folder should be.
    const code = err.code === 'EEXIST' ? 'ENOTDIR' : err.code;
    throw fileSystemError(code, code === 'ENOTDIR' ? file : (err.path ?? dir)) ?? e;
  }
}
