/**
 * The Compression Streams codec (src/workbook/xlsx/codec-web.ts), which the web page's worker
 * reads and writes with: it must inflate what zlib deflates and the other way round, in chunks,
 * fail on a damaged stream, and stop inflating when its reader stops. Node 20 has the same
 * DecompressionStream / CompressionStream as the browser.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { webCodec } from '../../src/workbook/xlsx/codec-web';
import { nodeCodec } from '../../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../../src/workbook/xlsx/patch';
import { buildSheet, runCheck, SHEET_KINDS } from '../../src/workbook/actions';
import { FileWorkbook } from '../../src/workbook/file/file';
import { marksFromResult } from '../../src/workbook/output/marks';
import { MARK_FILLS } from '../../src/workbook/host';
import { parsePolicy } from '../../src/domain/policy';
import { roster } from '../corpus/case-kit';
import { readXlsx } from '../corpus/inspect';
import { sheetLikeText } from '../support/sheet-like-text';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; count: number }> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return { bytes: Buffer.concat(parts), count: parts.length };
}

describe('inflate', () => {
  test('gives back what zlib deflated, in several chunks', async () => {
    const text = sheetLikeText(6 * 1024 * 1024);
    const { bytes, count } = await collect(webCodec.inflate(deflateRawSync(text)));
    expect(Buffer.compare(bytes, Buffer.from(text))).toBe(0);
    expect(count).toBeGreaterThan(1);
  });

  test('a damaged or truncated stream fails the reading, it does not hang or end quietly', async () => {
    const good = deflateRawSync(sheetLikeText(200_000));
    const bad = new Uint8Array(good);
    bad[0] = 0x07; // a final block of the reserved type 3
    await expect(collect(webCodec.inflate(bad))).rejects.toBeDefined();
    await expect(collect(webCodec.inflate(good.subarray(0, good.length >> 1)))).rejects.toBeDefined();
  });

  test('a reader that stops early stops the inflating (a 1 GB stream read 1 MB)', async () => {
    // 1 GB of spaces deflates to about 1 MB: a bomb whose reader stops at the first chunks.
    const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    const bomb = Buffer.concat([...Array.from({ length: 1024 }, () => block), deflateRawSync(Buffer.alloc(0))]);
    let seen = 0;
    for await (const chunk of webCodec.inflate(bomb)) {
      seen += chunk.length;
      if (seen >= 1 << 20) break;
    }
    // Stopping leaves the rest of the gigabyte uninflated.
    expect(seen).toBeLessThan(64 << 20);
  });
});

describe('deflate', () => {
  test('zlib inflates what it wrote, fed in many writes', async () => {
    const text = sheetLikeText(3 * 1024 * 1024);
    const d = webCodec.deflater();
    for (let at = 0; at < text.length; at += 100_000) await d.write(text.subarray(at, at + 100_000));
    const out = Buffer.concat(await d.end());
    expect(out.length).toBeLessThan(text.length * 0.7);
    expect(Buffer.compare(inflateRawSync(out), Buffer.from(text))).toBe(0);
  });

  test('an empty part deflates to a valid empty stream', async () => {
    const d = webCodec.deflater();
    expect(inflateRawSync(Buffer.concat(await d.end())).length).toBe(0);
  });
});

test('the patcher with this codec makes the copy the Node codec makes (every part the same once inflated)', async () => {
  const policy = parsePolicy({ asOf: '2018-01-15' });
  const bytes = await roster({
    households: 8,
    edit: (r, i) => {
      if (i === 1) r.月保障金 = 1;
      if (i === 3) r.入户调查签字 = '未签';
    },
  });
  const { result } = await runCheck(await FileWorkbook.load(bytes), policy);
  const req = { marks: marksFromResult(result), sheets: SHEET_KINDS.map((k) => buildSheet(k, result, policy)) };
  expect(req.marks.length).toBeGreaterThan(1);
  const web = await patchWorkbook(new XlsxPackage(bytes, webCodec), req);
  const node = await patchWorkbook(new XlsxPackage(bytes, nodeCodec), req);
  const parts = async (b: Uint8Array) => {
    const pkg = new XlsxPackage(b, nodeCodec);
    return Promise.all(pkg.parts.map(async (p) => [p.name, await pkg.text(p)]));
  };
  expect(await parts(web.bytes)).toEqual(await parts(node.bytes));
  const wb = await readXlsx(web.bytes);
  const ws = wb.getWorksheet(result.roster.sheet)!;
  for (const m of req.marks)
    expect(ws.getCell(m.row, m.col).fill).toMatchObject({ fgColor: { argb: MARK_FILLS[m.severity] } });
});
