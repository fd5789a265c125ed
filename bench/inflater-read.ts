/**
 * The web page's read with and without its inflater, in Node (#12 s7inflate): the worker's reader
 * (`readPackageGrid`) over a roster file, the parts inflated in this thread (`webCodec`) or by the
 * inflater in a worker thread (`inflaterCodec`, the protocol the page's two workers speak),
 * alternated; prints each pair's wall times with the load, then the medians. The browser's figure
 * is `web-one.js`; this isolates the read, which the page's other work and the machine's load
 * otherwise drown.
 *   npx esbuild bench/inflater-read.ts --bundle --platform=node --target=node20 --packages=external \
 *     --outfile=.tmp/bench/js/inflater-read.js && node .tmp/bench/js/inflater-read.js FILE [PAIRS]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { inflaterCodec, type InflaterPort } from '../src/workbook/xlsx/codec-inflater';
import { webCodec } from '../src/workbook/xlsx/codec-web';
import { serveInflating, type InflaterEndpoint } from '../src/workbook/xlsx/inflater';
import { XlsxPackage, type Codec } from '../src/workbook/xlsx/package';
import { readPackageGrid } from '../src/workbook/xlsx/read-package';

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];

async function main(): Promise<void> {
  const [file, pairs = '10'] = process.argv.slice(2);
  const bytes = new Uint8Array(readFileSync(file));
  const worker = new Worker(__filename);
  // Node's Worker is an event emitter; the browser's has onmessage.
  const port = {
    postMessage: (m: unknown, transfer: Transferable[]) => worker.postMessage(m, transfer as never),
    set onmessage(f: (e: { data: unknown }) => void) {
      worker.on('message', (data) => f({ data }));
    },
  };
  const codecs: [string, Codec][] = [
    ['in thread', webCodec],
    ['inflater', inflaterCodec(port as unknown as InflaterPort)],
  ];
  const times = new Map<string, number[]>(codecs.map(([name]) => [name, []]));
  for (let i = 0; i < Number(pairs); i++) {
    const line = [`load ${loadavg()[0].toFixed(2)}`];
    for (const [name, codec] of codecs) {
      const started = performance.now();
      await readPackageGrid(new XlsxPackage(bytes, codec), { maxBytes: 2 ** 31, maxCells: 1e9 });
      const ms = Math.round(performance.now() - started);
      times.get(name)!.push(ms);
      line.push(`${name} ${ms} ms`);
    }
    process.stdout.write(line.join(', ') + '\n');
  }
  process.stdout.write(
    `medians: ${[...times].map(([name, t]) => `${name} ${median(t)} ms`).join(', ')}; load ${loadavg()[0].toFixed(2)}\n`,
  );
  await worker.terminate();
}

if (isMainThread) {
  main().catch((e: unknown) => {
    process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
    process.exitCode = 1;
  });
} else {
  serveInflating(parentPort as unknown as InflaterEndpoint);
}
