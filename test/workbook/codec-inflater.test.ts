/**
 * The check worker's codec with its inflater (src/workbook/xlsx/inflater.ts and
 * codec-inflater.ts), the two ends joined by a MessageChannel as the two workers are in the
 * page: a part comes back whole, in blocks whose buffers are handed over and not copied; the
 * inflater never gets more than its window ahead of a reader that is not reading; a reader that
 * stops stops the inflating; a damaged stream fails as it does in-thread; a lost inflater costs
 * nothing but the speed; and every corpus and hostile file is checked or refused exactly as with
 * the in-thread codec.
 */
import { deflateRawSync } from 'node:zlib';
import { parsePolicy } from '../../src/domain/policy';
import { WebSession } from '../../src/taskpane/worker/session';
import { inflaterCodec, type InflaterPort } from '../../src/workbook/xlsx/codec-inflater';
import { webCodec } from '../../src/workbook/xlsx/codec-web';
import {
  BLOCK,
  serveInflating,
  WINDOW,
  type FromInflater,
  type InflaterEndpoint,
} from '../../src/workbook/xlsx/inflater';
import { FileError } from '../../src/workbook/file/file-error';
import type { Codec } from '../../src/workbook/xlsx/package';
import { XlsxPackage } from '../../src/workbook/xlsx/package';
import { readPackageGrid } from '../../src/workbook/xlsx/read-package';
import { roster } from '../corpus/case-kit';
import { CORPUS, HOSTILE } from '../corpus/make-corpus';
import { sheetLikeText } from '../support/sheet-like-text';

/** 1 GB of spaces in about 1 MB: what a reader must be able to stop. */
function bomb(): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  return Buffer.concat([...Array.from({ length: 1024 }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A count once it has stopped changing for half a second (however slow a loaded machine is). */
async function settled(count: () => number): Promise<number> {
  for (let last = -1; ;) {
    const now = count();
    if (now === last) return now;
    last = now;
    await pause(500);
  }
}

/** The two ends over a MessageChannel; what the inflater posts is kept to look at. */
function joined() {
  const { port1, port2 } = new MessageChannel();
  const sent: FromInflater[] = [];
  const inflaterSide: InflaterEndpoint = {
    postMessage(m, transfer) {
      sent.push(m);
      port2.postMessage(m, transfer);
    },
    set onmessage(f) {
      port2.onmessage = f as (e: MessageEvent) => void;
    },
    get onmessage() {
      return port2.onmessage as InflaterEndpoint['onmessage'];
    },
  };
  serveInflating(inflaterSide);
  const codec = inflaterCodec(port1 as unknown as InflaterPort);
  const blocks = () => sent.filter((m) => 'block' in m).length;
  return { codec, sent, blocks, clientPort: port1, close: () => (port1.close(), port2.close()) };
}

let open: { close(): void }[] = [];
const channel = () => {
  const j = joined();
  open.push(j);
  return j;
};
afterEach(() => {
  open.forEach((j) => j.close());
  open = [];
});

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

test('a part comes back whole, in blocks handed over (the inflater keeps no copy), the caller’s bytes untouched', async () => {
  const { codec, sent } = channel();
  const text = sheetLikeText(3 * 1024 * 1024 + 12345, 11);
  const compressed = deflateRawSync(text);
  const data = new Uint8Array(compressed.length + 20);
  data.set(compressed, 10);
  const part = data.subarray(10, 10 + compressed.length);
  const blocks = await collect(codec.inflate(part));
  expect(Buffer.compare(Buffer.concat(blocks), Buffer.from(text))).toBe(0);
  // All blocks full but the last; each the whole of its buffer, as it crossed.
  expect(blocks.slice(0, -1).every((b) => b.length === BLOCK)).toBe(true);
  expect(blocks.length).toBe(Math.ceil(text.length / BLOCK));
  // Transferred: the inflater's buffers were detached when posted.
  const posted = sent.filter((m): m is Extract<FromInflater, { block: ArrayBuffer }> => 'block' in m);
  expect(posted).toHaveLength(blocks.length);
  expect(posted.every((m) => m.block.byteLength === 0)).toBe(true);
  // The file the part was cut from is still whole (only the part's own copy was handed over).
  expect(Buffer.compare(Buffer.from(part), compressed)).toBe(0);
});

test('back-pressure: a reader that is not reading has at most the window of blocks waiting for it', async () => {
  const { codec, blocks } = channel();
  const it = codec.inflate(bomb())[Symbol.asyncIterator]();
  expect((await it.next()).value).toHaveLength(BLOCK);
  // One taken, the window waiting, and no more however long the reader waits: a gigabyte is
  // there to inflate, 4.25 MB were.
  expect(await settled(blocks)).toBe(WINDOW + 1);
  for (let i = 0; i < 10; i++) await it.next();
  expect(await settled(blocks)).toBe(WINDOW + 11);
  await it.return!();
});

test('a reader that stops early stops the inflating: credit given afterwards brings nothing', async () => {
  const { codec, blocks, sent, clientPort } = channel();
  let seen = 0;
  for await (const chunk of codec.inflate(bomb())) {
    seen += chunk.length;
    if (seen >= 1 << 20) break;
  }
  // Four blocks taken, each granting one more: at most the window and four came.
  const after = await settled(blocks);
  expect(after).toBeLessThanOrEqual(WINDOW + 4);
  // The inflater dropped the part: were it still inflating, this credit would bring 100 blocks.
  clientPort.postMessage({ id: 0, more: 100 });
  expect(await settled(blocks)).toBe(after);
  // Stopped, not finished or failed.
  expect(sent.some((m) => 'end' in m || 'failed' in m)).toBe(false);
});

test('a damaged or truncated stream fails the reading, and the inflater goes on serving', async () => {
  const { codec } = channel();
  const good = deflateRawSync(sheetLikeText(600_000, 11));
  const bad = new Uint8Array(good);
  bad[0] = 0x07; // a final block of the reserved type 3
  await expect(collect(codec.inflate(bad))).rejects.toBeInstanceOf(Error);
  await expect(collect(codec.inflate(good.subarray(0, good.length >> 1)))).rejects.toBeInstanceOf(Error);
  expect(Buffer.concat(await collect(codec.inflate(good))).length).toBe(600_000);
});

test('a roster whose sheet part is damaged: the clerk is told what the in-thread reader tells', async () => {
  const bytes = await roster({ households: 40 });
  const sheet = new XlsxPackage(bytes, webCodec).part('xl/worksheets/sheet1.xml')!;
  bytes[sheet.dataStart] = 0x07;
  const read = (codec: Codec) =>
    readPackageGrid(new XlsxPackage(bytes, codec), { maxBytes: 1 << 30, maxCells: 1e7 }).then(
      () => 'read',
      (e: unknown) => e,
    );
  const inThread = await read(webCodec);
  expect(inThread).toBeInstanceOf(FileError);
  expect(await read(channel().codec)).toEqual(inThread);
});

test('parts read side by side do not mix', async () => {
  const { codec } = channel();
  const a = sheetLikeText(1_500_000, 11);
  const b = new Uint8Array(900_000).fill(0x41);
  const [ra, rb] = await Promise.all([
    collect(codec.inflate(deflateRawSync(a))),
    collect(codec.inflate(deflateRawSync(b))),
  ]);
  expect(Buffer.compare(Buffer.concat(ra), Buffer.from(a))).toBe(0);
  expect(Buffer.compare(Buffer.concat(rb), Buffer.from(b))).toBe(0);
});

test('an inflater lost halfway: the part is finished in this thread from where it had got to, and so are later ones', async () => {
  const { port1, port2 } = new MessageChannel();
  open.push({ close: () => (port1.close(), port2.close()) });
  serveInflating(port2 as unknown as InflaterEndpoint);
  const posted: unknown[] = [];
  const port: InflaterPort = {
    postMessage: (m, t) => (posted.push(m), port1.postMessage(m, t)),
    set onmessage(f) {
      port1.onmessage = f as (e: MessageEvent) => void;
    },
    get onmessage() {
      return port1.onmessage as InflaterPort['onmessage'];
    },
  };
  const codec = inflaterCodec(port);
  const text = sheetLikeText(4 * 1024 * 1024, 11);
  const out: Uint8Array[] = [];
  for await (const c of codec.inflate(deflateRawSync(text))) {
    out.push(c);
    if (out.length === 3) {
      codec.lost();
      port2.close(); // the inflater's thread is gone: nothing more comes from it
    }
  }
  expect(Buffer.compare(Buffer.concat(out), Buffer.from(text))).toBe(0);
  const before = posted.length;
  const again = await collect(codec.inflate(deflateRawSync(text)));
  expect(Buffer.compare(Buffer.concat(again), Buffer.from(text))).toBe(0);
  expect(posted.length).toBe(before);
});

describe('every corpus and hostile file: read through the inflater as in-thread', () => {
  const POLICY = parsePolicy({ asOf: '2018-01-15' });
  async function check(bytes: Uint8Array, file: string, session: WebSession) {
    try {
      await session.open(bytes, file);
      const { result } = await session.check(POLICY, undefined);
      return { households: result.households.length, findings: result.findings.map((f) => `${f.rule}@${f.cell}`) };
    } catch (e) {
      return { refused: String((e as { zh?: string }).zh ?? (e as Error).message) };
    }
  }
  test.each([...CORPUS, ...HOSTILE].map((c) => [c.file, c]))('%s', async (file, c) => {
    const bytes = await c.build();
    const { codec } = channel();
    expect(await check(bytes, file, new WebSession(codec))).toEqual(await check(bytes, file, new WebSession(webCodec)));
  });
});
