/**
 * The patcher's and the own reader's deflate and inflate in a browser (the web page's worker):
 * Compression Streams. Node 20 has them too, which is how the tests run this file.
 */
import type { Codec, Deflater } from './package';

/** A stream's chunks; a consumer that stops early cancels the stream (no inflating on in the background). */
async function* read(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/** Input handed to the inflater a slice at a time, so a large part is not queued whole. */
const SLICE = 1 << 20;

export const webCodec: Codec = {
  inflate(data) {
    const ds = new DecompressionStream('deflate-raw');
    const writer = ds.writable.getWriter();
    void (async () => {
      for (let at = 0; at < data.length; at += SLICE) {
        await writer.ready;
        await writer.write(data.subarray(at, at + SLICE) as Uint8Array<ArrayBuffer>);
      }
      await writer.close();
      // A damaged stream or a cancelled read: the reading side reports it (or stopped on purpose).
    })().catch(() => undefined);
    return read(ds.readable);
  },
  deflater(): Deflater {
    const cs = new CompressionStream('deflate-raw');
    const writer = cs.writable.getWriter();
    const out: Uint8Array[] = [];
    const drained = (async () => {
      for await (const c of read(cs.readable)) out.push(c);
    })();
    return {
      async write(chunk) {
        await writer.ready;
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
      },
      async end() {
        await writer.close();
        await drained;
        return out;
      },
    };
  },
};
