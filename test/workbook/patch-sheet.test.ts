/**
 * The marked sheet streamed through the patcher (src/workbook/xlsx/patch-sheet.ts) comes out the
 * same however its inflated XML arrives in pieces: zlib hands over chunks that cut tags, end tags
 * and comments anywhere, and a cut must never change or lose a byte.
 */
import { patchSheet, type SheetPatchResult, type SheetTargets } from '../../src/workbook/xlsx/patch-sheet';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A worksheet with a namespace prefix, a comment holding '>', inline text with "w", a row of its own style. */
function sheetXml(rows: number, longComment = 0): string {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    if (r === 4) {
      body.push(`<x:row r="4" s="7" customFormat="1"/>`);
      continue;
    }
    body.push(
      `<x:row r="${r}" spans="1:4">` +
        `<x:c r="A${r}" s="2" t="inlineStr"><x:is><x:t>wow w${r} &lt;/x:row&gt;</x:t></x:is></x:c>` +
        `<x:c r="B${r}"><x:v>${r * 3}</x:v></x:c>` +
        (r % 3 ? `<x:c r="D${r}" s='5'><x:v>1</x:v></x:c>` : '') +
        `</x:row>`,
    );
    if (r === 6) body.push('<!-- a note > with a bracket -->');
    if (r === 7 && longComment) body.push(`<!--${'长'.repeat(longComment)}-->`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<x:cols><x:col min="3" max="3" width="9" style="4"/></x:cols>` +
    `<x:sheetData>${body.join('')}</x:sheetData>` +
    `<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</x:worksheet>`
  );
}

/** Row → columns to mark: existing cells, a missing cell (C), a row that is self-closed, rows past the end. */
const TARGETS: [number, number[]][] = [
  [2, [1, 3]],
  [4, [2]],
  [5, [4]],
  [9, [2, 3, 4]],
  [30, [1]],
  [31, [2]],
];

async function patched(
  xml: Uint8Array,
  cut: (n: number) => number,
): Promise<{ text: string; result: SheetPatchResult }> {
  async function* chunks() {
    for (let at = 0, k = 0; at < xml.length; k++) {
      const end = Math.min(xml.length, at + cut(k));
      yield xml.slice(at, end);
      at = end;
    }
  }
  const targets: SheetTargets = {
    rows: new Map(TARGETS),
    style: (row, col, s) => 100 + s,
    legacyDrawingId: 'rId3',
  };
  const result: SheetPatchResult = { addedLegacyDrawing: false };
  const pieces: Uint8Array[] = [];
  for await (const piece of patchSheet(chunks(), targets, result)) pieces.push(piece);
  return { text: decoder.decode(Buffer.concat(pieces)), result };
}

describe('a marked sheet streamed in pieces', () => {
  const xml = encoder.encode(sheetXml(12));

  test('whole, only the marked cells change (their s, or a new cell or row) and the notes link is added', async () => {
    const { text, result } = await patched(xml, () => xml.length);
    expect(result).toEqual({ addedLegacyDrawing: true });
    expect(text).toContain(`<x:c r="A2" s="102" t="inlineStr">`);
    expect(text).toContain(`<x:c r="B2"><x:v>6</x:v></x:c><x:c r="C2" s="104"/>`);
    expect(text).toContain(`<x:row r="4" s="7" customFormat="1"><x:c r="B4" s="107"/></x:row>`);
    expect(text).toContain(`<x:c r="D5" s="105">`);
    expect(text).toContain(`<x:c r="B9" s="100"><x:v>27</x:v></x:c><x:c r="C9" s="104"/>`);
    expect(text).toContain(
      `<x:row r="30"><x:c r="A30" s="100"/></x:row><x:row r="31"><x:c r="B31" s="100"/></x:row></x:sheetData>`,
    );
    expect(text).toContain(
      `<x:legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId3"/></x:worksheet>`,
    );
    // Everything else as it was.
    const unmarked = text
      .replace(/ s="10\d"/g, (m) => (m === ' s="105"' ? ` s='5'` : m === ' s="102"' ? ' s="2"' : ''))
      .replace(/<x:c r="[A-D]\d+"\/>/g, '')
      .replace(/<x:row r="4" s="7" customFormat="1"><\/x:row>/, '<x:row r="4" s="7" customFormat="1"/>')
      .replace(/<x:row r="3\d"><\/x:row>/g, '')
      .replace(/<x:legacyDrawing [^>]*\/>/, '');
    expect(unmarked).toBe(sheetXml(12));
  });

  test.each([
    ['one byte at a time', () => 1],
    ['two bytes at a time', () => 2],
    ['pieces of 3, 7, 100 and 5 bytes', (k: number) => [3, 7, 100, 5][k % 4]],
    ['a large piece, then single bytes', (k: number) => (k === 0 ? 400 : 1)],
    ['pieces of 61 bytes', () => 61],
  ])('cut into %s, it is the same as whole', async (_, cut) => {
    const whole = await patched(xml, () => xml.length);
    const pieces = await patched(xml, cut);
    expect(pieces.text).toBe(whole.text);
    expect(pieces.result).toEqual(whole.result);
  });

  test.each([
    ['a long sheet in pieces of 70,001 bytes (a cut tag joined to the start of a large piece)', 2000, 0, 70_001],
    ['a comment longer than that join, cut in its middle', 12, 60_000, 100_000],
  ])('%s: the same as whole', async (_, rows, comment, size) => {
    const long = encoder.encode(sheetXml(rows, comment));
    const whole = await patched(long, () => long.length);
    expect((await patched(long, () => size)).text).toBe(whole.text);
    expect(whole.text).toContain(`<x:c r="C9" s="104"/>`);
  });

  test('a sheet cut off in the middle is refused, not written short', async () => {
    const short = xml.slice(0, xml.length - 40);
    await expect(patched(short, () => 64)).rejects.toThrow('unterminated worksheet XML');
  });
});
