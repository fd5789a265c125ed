/**
 * Nothing lost when writing: the input is never written; an existing output is only replaced with
 * --force; a write that fails half-way (full disk) leaves neither a half-written file under the
 * real name nor a temporary file, and never damages the file that was there before.
 */
import { existsSync, promises as fsp, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sha256, tempDir } from '../cli/helpers';
import { addRoster, bytesOf, newWorkbook } from '../corpus/roster-book';
import { readXlsx } from '../corpus/inspect';
import { removeUnfinishedFiles, writeFilesAtomic } from '../../src/workbook/file/file-node';

const AS_OF = ['--as-of', '2018-01-15'];

async function rosterIn(dir: string): Promise<string> {
  const wb = newWorkbook();
  addRoster(wb, { edit: (row, i) => i === 0 && (row.入户调查签字 = '未签') });
  const path = join(dir, '儒林镇.xlsx');
  writeFileSync(path, await bytesOf(wb));
  return path;
}

/** The next `failOn`-th file opened for writing takes half the data, then the disk is full. */
function fullDiskOn(failOn: number): jest.SpyInstance {
  const realOpen = fsp.open.bind(fsp);
  let opened = 0;
  return jest.spyOn(fsp, 'open').mockImplementation((async (path: string, flags?: string | number, mode?: number) => {
    const handle = await realOpen(path, flags, mode);
    if (flags !== 'wx' || ++opened !== failOn) return handle;
    return {
      writeFile: async (data: Uint8Array) => {
        await handle.writeFile(data.subarray(0, Math.floor(data.length / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  }) as unknown as typeof fsp.open);
}

afterEach(() => jest.restoreAllMocks());

describe('existing outputs', () => {
  test('without --force: exit 2, the existing file untouched, nothing else written', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'the clerk’s earlier result');
    const before = { input: sha256(input), out: sha256(out) };
    const r = await run('check', input, '--out', out, '--report', join(dir, 'report.json'), ...AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^无法核查：输出文件已存在：out\.xlsx；.*--force.*（Not checked: output file already exists/,
    );
    expect({ input: sha256(input), out: sha256(out) }).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', '儒林镇.xlsx']);
  });

  test('an existing report alone also stops the run before the workbook is written', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    writeFileSync(join(dir, 'report.json'), '{}');
    const r = await run('check', input, '--out', join(dir, 'out.xlsx'), '--report', join(dir, 'report.json'), ...AS_OF);
    expect(r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['report.json', '儒林镇.xlsx']);
  });

  test('with --force: replaced by a complete workbook, no temporary file left', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'old');
    const r = await run('check', input, '--out', out, '--force', ...AS_OF);
    expect(r.code).toBe(1);
    expect((await readXlsx(out)).getWorksheet('花名册')).toBeDefined();
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', '儒林镇.xlsx']);
  });

  test('the input can never be the output, not even with --force', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    const before = sha256(input);
    const r = await run('check', input, '--out', input, '--force', ...AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输出文件不能是输入文件本身');
    expect(sha256(input)).toBe(before);
  });

  test('clear refuses to overwrite the marked workbook it reads', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    const checked = join(dir, 'checked.xlsx');
    await run('check', input, '--out', checked, ...AS_OF);
    const before = sha256(checked);
    const r = await run('clear', checked, '--out', checked, '--force');
    expect(r.code).toBe(2);
    expect(sha256(checked)).toBe(before);
  });
});

describe('a disk that fills up during the write', () => {
  test('of the workbook: exit 2 with a clear line, no output and no temporary file', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    fullDiskOn(1);
    const r = await run('check', input, '--out', join(dir, 'out.xlsx'), '--report', join(dir, 'r.json'), ...AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `无法核查：磁盘空间不足，无法写入 ${join(dir, 'out.xlsx')}（Not checked: no space left on the disk for ${join(dir, 'out.xlsx')}）\n`,
    );
    expect(readdirSync(dir)).toEqual(['儒林镇.xlsx']);
  });

  test('into folders the run made: the folders are removed again', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    fullDiskOn(1);
    const out = join(dir, '结果', '十二月', 'out.xlsx');
    const r = await run('check', input, '--out', out, ...AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^无法核查：磁盘空间不足，无法写入 .*out\.xlsx（/);
    expect(readdirSync(dir)).toEqual(['儒林镇.xlsx']);
  });

  test('with --force over an earlier result: the earlier file stays whole', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    const out = join(dir, 'out.xlsx');
    await run('check', input, '--out', out, ...AS_OF);
    const earlier = sha256(out);
    fullDiskOn(1);
    const r = await run('check', input, '--out', out, '--force', ...AS_OF);
    expect(r.code).toBe(2);
    expect(sha256(out)).toBe(earlier);
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', '儒林镇.xlsx']);
  });

  test('of clear’s output: the marked workbook and the folder as they were', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    const checked = join(dir, 'checked.xlsx');
    await run('check', input, '--out', checked, ...AS_OF);
    const before = sha256(checked);
    fullDiskOn(1);
    const r = await run('clear', checked, '--out', join(dir, 'cleared.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('磁盘空间不足');
    expect(sha256(checked)).toBe(before);
    expect(existsSync(join(dir, 'cleared.xlsx'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['checked.xlsx', '儒林镇.xlsx']);
  });

  test('of the report, after the workbook was written: no output of the failed run is left', async () => {
    const dir = tempDir();
    const input = await rosterIn(dir);
    fullDiskOn(2);
    const r = await run('check', input, '--out', join(dir, 'out.xlsx'), '--report', join(dir, 'r.json'), ...AS_OF);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['儒林镇.xlsx']);
  });
});

describe('an interrupt while the outputs are written', () => {
  test('removeUnfinishedFiles (what SIGINT/SIGTERM call) leaves neither the temporary files nor a half set of outputs', async () => {
    const dir = tempDir();
    const realOpen = fsp.open.bind(fsp);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const writing = new Promise<void>((r) => (reached = r));
    let opened = 0;
    // The second temporary file hangs half-written: the first is complete, nothing is in place yet.
    jest.spyOn(fsp, 'open').mockImplementation((async (path: string, flags?: string | number, mode?: number) => {
      const handle = await realOpen(path, flags, mode);
      if (flags !== 'wx' || ++opened !== 2) return handle;
      return {
        writeFile: async (data: Uint8Array) => {
          await handle.writeFile(data.subarray(0, 10));
          reached();
          await held;
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    }) as unknown as typeof fsp.open);
    const files = [
      { path: join(dir, 'a.xlsx'), data: new Uint8Array(1000).fill(65) },
      { path: join(dir, 'b.json'), data: new Uint8Array(1000).fill(66) },
    ];
    const done = writeFilesAtomic(files, { force: false }).catch((e: unknown) => e);
    await writing;
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(2);
    expect(removeUnfinishedFiles()).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    release();
    await done;
  });
});
