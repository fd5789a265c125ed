/**
 * Bench scripts run as esbuild bundles under plain node: tsx's per-call import getters slow hot
 * loops by about a third, which would measure the loader rather than our code.
 */
import { buildSync } from 'esbuild';
import { basename, join } from 'node:path';
import { ROOT, scratch } from './paths';

/** Bundles `entry` (relative to the repository) to .tmp/bench/js/<name>.js and returns that path. */
export function bundle(entry: string): string {
  const outfile = scratch('js', basename(entry).replace(/\.tsx?$/, '.js'));
  buildSync({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
