/**
 * Where the benchmark finds the repository and keeps its scratch files (.tmp/bench/, git-ignored):
 * bundled scripts, the generated roster files, profiles. Found by walking up to package.json, so
 * it works from bench/*.ts under tsx and from a bundle under .tmp/bench/js/ alike.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository above ${from}`);
  }
}

export const ROOT = findRoot(__dirname);
export const SCRATCH = join(ROOT, '.tmp', 'bench');

export function scratch(...parts: string[]): string {
  const path = join(SCRATCH, ...parts);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
