/**
 * The check worker's codec: inflating in a worker of its own (inflate-worker.ts, bundled by
 * webpack as its own script), started by the check worker itself so that it lives and dies with
 * it and the page knows nothing of it (docs/DECISIONS.md, #12 s7inflate). Where a worker cannot
 * start another, or the inflater's script fails, the parts are inflated in the check worker's
 * thread as before, and so they are on a machine with few cores (INFLATER_MIN_CORES). Apart from
 * check-worker.ts because of import.meta (see start.ts).
 */
import { webCodec } from '../../workbook/xlsx/codec-web';
import { INFLATER_MIN_CORES, inflaterCodec } from '../../workbook/xlsx/codec-inflater';
import type { Codec } from '../../workbook/xlsx/package';

export function startInflater(cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency): Codec {
  if (typeof Worker === 'undefined' || !(cores >= INFLATER_MIN_CORES)) return webCodec;
  let worker: Worker;
  try {
    // @ts-expect-error -- import.meta is ES module syntax: webpack compiles this file as one (and
    // finds the worker by it), tsc checks it as CommonJS. Never imported under jest.
    worker = new Worker(new URL('./inflate-worker.ts', import.meta.url), { name: 'dibao-inflate' });
  } catch {
    return webCodec;
  }
  const codec = inflaterCodec(worker);
  worker.onerror = (e) => {
    e.preventDefault();
    codec.lost();
    worker.terminate();
  };
  return codec;
}
