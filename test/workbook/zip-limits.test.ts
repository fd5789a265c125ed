/**
 * The zip guard's limits by reader (#12 scale): the command line's own reader, which streams every
 * sheet and writes no copy, takes a workbook that expands beyond the in-memory limit (a province's
 * roster expands to 1.7 GB); every path that holds the expanded workbook keeps that limit; zip
 * bombs are refused by both; and what the streaming reader does hold (the parts read whole, one
 * cell's text, one piece of markup, long inline texts) stays bounded.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../../src/cli/check-file';
import { parsePolicy } from '../../src/domain/policy';
import { FileWorkbook } from '../../src/workbook/file/file';
import {
  bufferSource,
  DEFAULT_ZIP_LIMITS,
  inspectWorkbookBytes,
  STREAMING_ZIP_LIMITS,
} from '../../src/workbook/file/zip-guard';
import { readGridFast } from '../../src/workbook/xlsx/read';
import { MAX_MARKUP_CHARS } from '../../src/workbook/xlsx/xml';
import { zipParts } from '../../src/workbook/xlsx/zip';
import { FILE_CASES } from '../corpus/cases-files';
import { zipOf, type ZipEntry } from '../corpus/zip';
import { tempDir, writeSampleFiles } from '../cli/helpers';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const quiet = { stdout: () => {}, stderr: () => {}, progress: false };
const policy = parsePolicy({ asOf: '2018-01-15', annualStandard: 3026 });
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet book with the given sheet XML (sheetData content) and shared strings. */
function book(sheetData: string, shared: string[] = []): ZipEntry[] {
  const sst = shared.map((s) => `<si><t>${s}</t></si>`).join('');
  return [
    { name: '[Content_Types].xml', data: utf8('<Types/>') },
    {
      name: 'xl/workbook.xml',
      data: utf8(
        `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: utf8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: utf8(`<worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`),
    },
    { name: 'xl/sharedStrings.xml', data: utf8(`<sst xmlns="${NS}">${sst}</sst>`) },
  ];
}

function written(bytes: Uint8Array, name = 'book.xlsx'): string {
  const dir = join(tempDir(), 'x');
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * A directory listing `parts` parts that each declare just under the ratio check's threshold
 * (small parts compress well legitimately), so only the total can refuse it: the guard's verdict
 * on sizes, without inflating anything.
 */
function declaring(parts: number): Uint8Array {
  const each = DEFAULT_ZIP_LIMITS.ratioMinBytes - 1;
  return zipOf([
    { name: '[Content_Types].xml', data: utf8('<Types/>') },
    { name: 'xl/workbook.xml', data: utf8('<workbook/>') },
    ...Array.from({ length: parts }, (_, i) => ({
      name: `xl/media/padding${i}.bin`,
      data: new Uint8Array(16),
      claimedSize: each,
    })),
  ]);
}

describe('the unzipped total, by reader', () => {
  const gb = (n: number) => n * 1024 ** 3;
  const over = (total: number) => Math.ceil(total / (DEFAULT_ZIP_LIMITS.ratioMinBytes - 1)) + 1;

  it('a workbook expanding to 3 GB: refused where it is held, taken by the streaming reader', () => {
    const bytes = bufferSource(declaring(over(gb(3))));
    expect(() => inspectWorkbookBytes(bytes, DEFAULT_ZIP_LIMITS)).toThrow(/文件解压后超过 1\.5 GB/);
    expect(inspectWorkbookBytes(bytes, STREAMING_ZIP_LIMITS).totalUncompressed).toBeGreaterThan(gb(3));
  });

  it('the streaming reader has a limit too: 8 GB', () => {
    const bytes = bufferSource(declaring(over(gb(8))));
    expect(() => inspectWorkbookBytes(bytes, STREAMING_ZIP_LIMITS)).toThrow(/文件解压后超过 8\.0 GB/);
  });

  it('the ratio and the entry count refuse bombs whatever the total allows', () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: utf8('<Types/>') },
      { name: 'xl/workbook.xml', data: utf8('<workbook/>') },
      // 50 MB declared from 16 bytes: far past 200 times.
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(16), claimedSize: 50 * 1024 ** 2 },
    ]);
    expect(() => inspectWorkbookBytes(bufferSource(bomb), STREAMING_ZIP_LIMITS)).toThrow(/压缩比异常/);
    const many = { ...STREAMING_ZIP_LIMITS, maxEntries: 10 };
    expect(() => inspectWorkbookBytes(bufferSource(declaring(10)), many)).toThrow(/部件过多/);
    expect(STREAMING_ZIP_LIMITS.maxEntries).toBe(DEFAULT_ZIP_LIMITS.maxEntries);
    expect(STREAMING_ZIP_LIMITS.maxRatio).toBe(DEFAULT_ZIP_LIMITS.maxRatio);
  });

  it.each(['zip-bomb-declared.xlsx', 'zip-bomb-real.xlsx'])(
    'the corpus bomb %s is refused by the report-only check as by the copy',
    async (file) => {
      const made = FILE_CASES.find((c) => c.file === file)!;
      const path = written(await made.build(), file);
      for (const withWorkbook of [false, true]) {
        await expect(checkFile(path, { policy, withWorkbook, io: quiet })).rejects.toMatchObject({
          code: 'too-large',
          zh: expect.stringMatching(/压缩炸弹/),
        });
      }
    },
  );

  it('a roster over the in-memory limit: checked without a copy, refused for a copy', async () => {
    const { roster } = await writeSampleFiles(tempDir());
    const saved = FileWorkbook.limits;
    // The in-memory paths' limit below this roster's size; the streaming reader's is untouched.
    FileWorkbook.limits = { ...saved, maxTotalBytes: 1000 };
    try {
      const checked = await checkFile(roster, { policy, withWorkbook: false, io: quiet });
      expect(checked.result.households.length).toBeGreaterThan(10);
      await expect(checkFile(roster, { policy, withWorkbook: true, io: quiet })).rejects.toMatchObject({
        code: 'too-large',
      });
    } finally {
      FileWorkbook.limits = saved;
    }
  });
});

describe('what the streaming reader holds stays bounded', () => {
  const rows = (n: number, cell: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cell(i)}</row>`).join('');

  it('the parts read whole have their own budget inside the total; the sheets do not count against it', async () => {
    const path = written(
      zipOf(
        book(
          rows(200, (i) => `<c r="A${i + 1}"><v>${i}</v></c>`),
          ['户主'],
        ),
      ),
    );
    const size = statSync(path).size;
    const parts = [...zipParts(path, size).values()];
    // What the reader inflates ([Content_Types].xml is the zip guard's alone), and of it what it
    // reads whole: the workbook, its relationships, the shared strings.
    const inflated = parts.filter((p) => p.name.startsWith('xl/'));
    const heldBytes = inflated.filter((p) => !p.name.includes('worksheets/')).reduce((n, p) => n + p.uncompressed, 0);
    const all = inflated.reduce((n, p) => n + p.uncompressed, 0);
    const read = (budget: { bytes: number; heldBytes: number }) =>
      readGridFast(path, size, undefined, { ...budget, cells: 1e6 });
    // Room for the held parts exactly, and for everything: read.
    expect((await read({ bytes: all, heldBytes })).sheets[0].rows).toHaveLength(200);
    // One byte short for the held parts, however large the total: refused.
    await expect(read({ bytes: 1 << 30, heldBytes: heldBytes - 1 })).rejects.toMatchObject({ code: 'too-large' });
    // The held parts count against the total as well.
    await expect(read({ bytes: all - 1, heldBytes })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('a long text of its own costs the cells it would fill; the same text shared costs one cell each', async () => {
    const long = '很长的备注'.repeat(80); // 400 characters: 800 bytes, 1 + 20 cells of 40 bytes
    const inline = written(zipOf(book(rows(100, (i) => `<c r="A${i + 1}" t="inlineStr"><is><t>${long}</t></is></c>`))));
    const shared = written(
      zipOf(
        book(
          rows(100, (i) => `<c r="A${i + 1}" t="s"><v>0</v></c>`),
          [long],
        ),
      ),
    );
    const budget = { bytes: 1 << 30, heldBytes: 1 << 30, cells: 1000 };
    await expect(readGridFast(inline, statSync(inline).size, undefined, budget)).rejects.toMatchObject({
      code: 'too-large',
      zh: expect.stringMatching(/单元格超过本工具一次能核查的/),
    });
    const grid = await readGridFast(shared, statSync(shared).size, undefined, budget);
    expect(grid.sheets[0].rows[99][0]?.v).toBe(long);
  });

  it('an unclosed tag or a value running on past the longest markup is refused as damaged, not held', async () => {
    const run = 'a'.repeat(MAX_MARKUP_CHARS + 1);
    for (const data of [`<row r="1"><c r="A1" x="${run}`, `<row r="1"><c r="A1" t="str"><v>${run}</v></c></row>`]) {
      const entries = book('');
      entries[3].data = utf8(`<worksheet xmlns="${NS}"><sheetData>${data}`);
      const path = written(zipOf(entries));
      const budget = { bytes: 1 << 30, heldBytes: 1 << 30, cells: 1e6 };
      await expect(readGridFast(path, statSync(path).size, undefined, budget)).rejects.toMatchObject({
        code: 'corrupt',
        zh: expect.stringMatching(/文件可能已损坏/),
      });
    }
  });
});
