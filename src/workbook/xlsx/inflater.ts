/**
 * The inflater: a second, small worker beside the web page's check worker that inflates the
 * parts (Compression Streams), so the native inflating no longer takes turns with the parsing on
 * the check worker's thread (issue 12: about a quarter of the read at 20,000 households). Its
 * client is codec-inflater.ts. No Node API here; Node's MessageChannel runs it in the tests.
 *
 * The protocol, per part (`id` chosen by the client):
 *   client → inflater  { id, data }   the part's compressed bytes (transferred)
 *                      { id, more }   the client took `more` blocks: that many more may come
 *                      { id, cancel } the reader stopped (a refusal, a damaged part): stop inflating
 *   inflater → client  { id, block, length }  inflated bytes (the ArrayBuffer transferred, not copied)
 *                      { id, end }    all of the part has come
 *                      { id, failed } the deflate stream is damaged
 * At most WINDOW blocks are on their way or waiting to be parsed, so a 200 MB part is never
 * inflated ahead of the reader (the reader's own byte budget then counts what it took).
 */
import { webCodec } from './codec-web';

export type ToInflater =
  { id: number; data: ArrayBuffer } | { id: number; more: number } | { id: number; cancel: true };
export type FromInflater =
  { id: number; block: ArrayBuffer; length: number } | { id: number; end: true } | { id: number; failed: true };

/** The inflater's end of the channel: a worker's global scope, or a MessagePort in tests. */
export interface InflaterEndpoint {
  postMessage(message: FromInflater, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToInflater>) => void) | null;
}

/**
 * Bytes per block handed over: Compression Streams give 16–64 kB at a time; gathered into 256 kB
 * a 36 MB sheet crosses in ~150 messages instead of ~2,000.
 */
export const BLOCK = 256 * 1024;
/**
 * Blocks handed over and not yet taken by the reader: 4 MB, about 100 ms of parsing, so the parser
 * does not wait while a loaded machine is slow to give the inflater's thread its turn.
 */
export const WINDOW = 16;

interface Job {
  credit: number;
  cancelled: boolean;
  /** Wakes the inflating when credit comes or the reader cancels. */
  wake?: () => void;
}

export function serveInflating(endpoint: InflaterEndpoint): void {
  const jobs = new Map<number, Job>();
  const post = (m: FromInflater, transfer: Transferable[] = []) => endpoint.postMessage(m, transfer);

  async function inflate(id: number, data: Uint8Array, job: Job): Promise<void> {
    const granted = async () => {
      while (job.credit === 0 && !job.cancelled) await new Promise<void>((wake) => (job.wake = wake));
      job.credit--;
      return !job.cancelled;
    };
    let block = new Uint8Array(BLOCK);
    let filled = 0;
    const hand = () => {
      post({ id, block: block.buffer, length: filled }, [block.buffer]);
      block = new Uint8Array(BLOCK);
      filled = 0;
    };
    try {
      // Leaving this loop early (cancelled) cancels the stream: nothing more is inflated.
      for await (const chunk of webCodec.inflate(data)) {
        if (job.cancelled) return;
        for (let at = 0; at < chunk.length;) {
          const n = Math.min(chunk.length - at, BLOCK - filled);
          block.set(chunk.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === BLOCK) {
            if (!(await granted())) return;
            hand();
          }
        }
      }
      if (filled > 0) {
        if (!(await granted())) return;
        hand();
      }
      post({ id, end: true });
    } catch {
      if (!job.cancelled) post({ id, failed: true });
    } finally {
      jobs.delete(id);
    }
  }

  endpoint.onmessage = (e) => {
    const m = e.data;
    if ('data' in m) {
      const job: Job = { credit: WINDOW, cancelled: false };
      jobs.set(m.id, job);
      void inflate(m.id, new Uint8Array(m.data), job);
      return;
    }
    const job = jobs.get(m.id);
    if (!job) return;
    if ('cancel' in m) job.cancelled = true;
    else job.credit += m.more;
    job.wake?.();
    job.wake = undefined;
  };
}
