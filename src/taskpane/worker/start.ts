/**
 * The worker of the built page (webpack bundles check-worker.ts as its own script). Apart from
 * client.ts because of import.meta, which jest's CommonJS cannot parse: client.ts is tested there.
 */
import { CheckWorker } from './client';

export function startCheckWorker(): CheckWorker {
  return new CheckWorker(
    // @ts-expect-error -- import.meta is ES module syntax: webpack compiles this file as one (and
    // finds the worker by it), tsc checks it as CommonJS. Never imported under jest.
    new Worker(new URL('./check-worker.ts', import.meta.url), { name: 'dibao-check' }),
  );
}
