import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError } from '../../src/workbook/file/file';
import { openWorkbookFile, readGridStreaming, writeFileAtomic } from '../../src/workbook/file/file-node';
import { MARK_RECORD_SHEET } from '../../src/workbook/host';
import { oleBytes } from './zip-bytes';
import { TAKEN_NAME, loadRoster, rosterBytes } from './fixture';

const dir = () => mkdtempSync(join(tmpdir(), 'dibao-file-'));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FileError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('opening files from disk', () => {
  it('opens an .xlsx', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.xlsx'), await rosterBytes());
    const grid = await (await openWorkbookFile(join(d, 'a.xlsx'))).readWorkbook();
    expect(grid.sheets[0].name).toBe('花名册');
  });

  it('says which problem a bad path has', async () => {
    const d = dir();
    writeFileSync(join(d, 'old.xlsx'), oleBytes(false));
    expect(await codeOf(openWorkbookFile(join(d, 'none.xlsx')))).toBe('missing');
    expect(await codeOf(openWorkbookFile(d))).toBe('not-xlsx');
    expect(await codeOf(openWorkbookFile(join(d, 'old.xlsx')))).toBe('not-xlsx');
    expect(await codeOf(readGridStreaming(join(d, 'old.xlsx')))).toBe('not-xlsx');
  });
});

describe('writing outputs', () => {
  it('refuses to replace an existing file without force, and leaves it as it was', async () => {
    const d = dir();
    const out = join(d, 'out.xlsx');
    writeFileSync(out, 'mine');
    expect(await codeOf(writeFileAtomic(out, new Uint8Array([1, 2, 3]), { force: false }))).toBe('exists');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(readdirSync(d)).toEqual(['out.xlsx']);
  });

  it('replaces with force, and writes new files, leaving no temporary files', async () => {
    const d = dir();
    const out = join(d, 'out.xlsx');
    writeFileSync(out, 'mine');
    await writeFileAtomic(out, new Uint8Array([1, 2, 3]), { force: true });
    expect([...readFileSync(out)]).toEqual([1, 2, 3]);
    await writeFileAtomic(join(d, 'new.xlsx'), new Uint8Array([4]), { force: false });
    expect([...readFileSync(join(d, 'new.xlsx'))]).toEqual([4]);
    expect(readdirSync(d).sort()).toEqual(['new.xlsx', 'out.xlsx']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir(), 'no', 'x.xlsx'), new Uint8Array(1), { force: true })).rejects.toThrow();
  });
});

describe('streaming reader', () => {
  it('reads the same values as the in-memory reader, in tab order, without the mark record', async () => {
    const d = dir();
    const fw = await loadRoster();
    await fw.mark([{ sheet: '花名册', row: 3, col: 2, severity: 'error', lines: ['x'] }]);
    writeFileSync(join(d, 'a.xlsx'), await fw.toBuffer());
    const full = await (await openWorkbookFile(join(d, 'a.xlsx'))).readWorkbook();
    const streamed = await readGridStreaming(join(d, 'a.xlsx'));
    expect(streamed.sheets.map((s) => s.name)).toEqual(['花名册', TAKEN_NAME, '参数']);
    expect(streamed.sheets.map((s) => s.name)).not.toContain(MARK_RECORD_SHEET);
    expect(streamed.sheets[2].hidden).toBe(true);
    // The streaming reader's known gaps: which error a formula gave, and boolean formula results.
    const roster = streamed.sheets[0].rows;
    expect(roster[3][5]).toEqual({ v: '#VALUE!', t: 'error', formula: true });
    expect(roster[4][6]).toEqual({ v: 0, t: 'number', formula: true });
    roster[3][5] = full.sheets[0].rows[3][5];
    roster[4][6] = full.sheets[0].rows[4][6];
    // Otherwise values and types agree cell by cell (merges and hidden rows are not streamed).
    for (const [i, sheet] of full.sheets.entries()) {
      expect(streamed.sheets[i].rows).toEqual(sheet.rows);
    }
  });
});
