/**
 * The check worker's codec when it has an inflater (inflater.ts) beside it: parts are inflated
 * there, on another core, while this thread parses the blocks already come. Deflating (the
 * marked copy, once per save) stays in this thread. Should the inflater be lost (its script did
 * not load, its thread died), every part still being read — and every later one — is inflated
 * here instead, from where it had got to: the file is read the same either way.
 */
import { webCodec } from './codec-web';
import type { FromInflater, ToInflater } from './inflater';
import type { Codec } from './package';

/**
 * Logical cores below which the parts are inflated in the check worker's own thread. On the
 * bench's two cores the inflater's thread competes with the check worker, the page and the
 * browser: the page took 1.69–1.80 s at 20,000 households with it and 1.39–1.49 s without
 * (alternated, after the warm-up, loads 1.2–3.0). With cores to spare it runs beside the parser
 * (the read alone in Node: 15–20% faster).
 */
export const INFLATER_MIN_CORES = 4;

/** The check worker's end of the channel: the inflater's Worker, or a MessagePort in tests. */
export interface InflaterPort {
  postMessage(message: ToInflater, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<FromInflater>) => void) | null;
}

type Arrival = { block: Uint8Array } | { end: true } | { failed: true } | { lost: true };

/** One part on its way: what has come and not been taken, and the reader waiting for it. */
interface Incoming {
  queue: Arrival[];
  waiting?: () => void;
}

export interface InflaterCodec extends Codec {
  /** The inflater is gone: what it was inflating, and all that follows, is inflated in this thread. */
  lost(): void;
}

export function inflaterCodec(port: InflaterPort, inThread: Codec = webCodec): InflaterCodec {
  const incoming = new Map<number, Incoming>();
  let gone = false;
  let next = 0;
  const arrive = (id: number, a: Arrival) => {
    const part = incoming.get(id);
    if (!part) return;
    part.queue.push(a);
    part.waiting?.();
    part.waiting = undefined;
  };
  port.onmessage = ({ data: m }) => {
    if (gone) return;
    if ('block' in m) arrive(m.id, { block: new Uint8Array(m.block, 0, m.length) });
    else arrive(m.id, 'end' in m ? { end: true } : { failed: true });
  };

  async function* inflate(data: Uint8Array): AsyncIterable<Uint8Array> {
    if (gone) return yield* inThread.inflate(data);
    const id = next++;
    const part: Incoming = { queue: [] };
    incoming.set(id, part);
    // A copy of the part's bytes alone, handed over (a view would clone the whole file's buffer,
    // and Node's Buffer.slice makes a view).
    const own = new Uint8Array(data);
    port.postMessage({ id, data: own.buffer }, [own.buffer]);
    let given = 0;
    let ended = false;
    try {
      for (;;) {
        while (part.queue.length === 0) await new Promise<void>((wake) => (part.waiting = wake));
        const a = part.queue.shift()!;
        if ('block' in a) {
          // Taken: the inflater may inflate one more while this one is parsed.
          port.postMessage({ id, more: 1 }, []);
          given += a.block.length;
          yield a.block;
        } else if ('end' in a) {
          ended = true;
          return;
        } else if ('failed' in a) {
          ended = true;
          // What the in-thread inflater throws on the same bytes (read-package.ts words it for the clerk).
          throw new TypeError('damaged deflate stream');
        } else {
          ended = true;
          yield* resumed(inThread.inflate(data), given);
          return;
        }
      }
    } finally {
      incoming.delete(id);
      if (!ended && !gone) port.postMessage({ id, cancel: true }, []);
    }
  }

  return {
    inflate,
    deflater: () => inThread.deflater(),
    lost() {
      gone = true;
      for (const id of incoming.keys()) arrive(id, { lost: true });
    },
  };
}

/** The part's bytes from `skip` on: the in-thread inflating picking up where the inflater stopped. */
async function* resumed(chunks: AsyncIterable<Uint8Array>, skip: number): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
      continue;
    }
    yield skip > 0 ? chunk.subarray(skip) : chunk;
    skip = 0;
  }
}
