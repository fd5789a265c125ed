/** The patcher's deflate and inflate in Node: zlib, level 1 for written parts (a sheet of 100s of MB). */
import { Readable } from 'node:stream';
import { constants, createDeflateRaw, createInflateRaw } from 'node:zlib';
import type { Codec, Deflater } from './package';

export const nodeCodec: Codec = {
  inflate(data) {
    return Readable.from([data], { objectMode: false }).pipe(createInflateRaw({ chunkSize: 1 << 20 }));
  },
  deflater(): Deflater {
    const z = createDeflateRaw({ level: 1, chunkSize: 1 << 20, strategy: constants.Z_DEFAULT_STRATEGY });
    const out: Uint8Array[] = [];
    z.on('data', (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve, reject) => {
      z.on('end', resolve);
      z.on('error', reject);
    });
    return {
      async write(chunk) {
        if (!z.write(chunk)) await new Promise<void>((resolve) => z.once('drain', resolve));
      },
      async end() {
        z.end();
        await done;
        return out;
      },
    };
  },
};
