/**
 * A text part is compressed in slices (a county's generated sheet is tens of MB of XML): the
 * bytes must be the text's UTF-8 whatever falls on a slice's edge, a surrogate pair included.
 */
import { inflateRawSync } from 'node:zlib';
import { nodeCodec } from '../../src/workbook/xlsx/codec-node';
import { crc32 } from '../../src/workbook/xlsx/crc32';
import { PackageWriter } from '../../src/workbook/xlsx/package';

it('compresses a long text part to exactly its UTF-8, with 𠀋 (a surrogate pair) across a slice edge', async () => {
  const edge = 1 << 20;
  for (const before of [edge - 1, edge - 2, edge]) {
    const text = 'a'.repeat(before) + '𠀋低保' + '<c r="A1"/>'.repeat(50_000);
    const c = await new PackageWriter(nodeCodec).compress(text);
    const bytes = inflateRawSync(Buffer.concat(c.data));
    const utf8 = Buffer.from(text, 'utf8');
    expect(bytes.equals(utf8)).toBe(true);
    expect(c.size).toBe(utf8.length);
    expect(c.crc).toBe(crc32(utf8, 0));
  }
});

it('writes an empty text part as an empty stream', async () => {
  const c = await new PackageWriter(nodeCodec).compress('');
  expect(inflateRawSync(Buffer.concat(c.data)).length).toBe(0);
  expect(c.size).toBe(0);
});
