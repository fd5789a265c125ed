/** The patcher's deflate and inflate in a browser (or a worker): Compression Streams. */
import type { Codec, Deflater } from './package';

async function* read(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

export const webCodec: Codec = {
  inflate(data) {
    const ds = new DecompressionStream('deflate-raw');
    const writer = ds.writable.getWriter();
    void writer
      .write(data as Uint8Array<ArrayBuffer>)
      .then(() => writer.close())
      .catch(() => undefined);
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
        void writer.write(chunk as Uint8Array<ArrayBuffer>);
      },
      async end() {
        await writer.close();
        await drained;
        return out;
      },
    };
  },
};
