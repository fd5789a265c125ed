/**
 * The built page (dist/) that sections 4 and 8 measure. With --build it is built once per bench
 * run, before the first of them; without, it is built when missing or older than what it is
 * built from (src/, the webpack config, package.json): a stale dist/ measures old code (and once
 * hung the web section waiting for a button the old page did not have).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

let builtThisRun = false;

/** The newest modification time under `path` (a file or a folder), in ms. */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), st.mtimeMs);
}

/** Why dist/ must be built again, or undefined when it is up to date. */
export function staleReason(dist: string): string | undefined {
  const page = join(dist, 'index.html');
  if (!existsSync(page)) return 'dist/ has no page';
  const built = statSync(page).mtimeMs;
  const sources = ['src', 'webpack.config.js', 'package.json'].map((p) => join(ROOT, p)).filter((p) => existsSync(p));
  const changed = sources.find((p) => newest(p) > built);
  return changed ? `${changed.slice(ROOT.length + 1)} changed after dist/ was built` : undefined;
}

/** dist/, built first if asked (--build) or stale; once per run. */
export function builtPage(build: boolean): string {
  const dist = join(ROOT, 'dist');
  if (builtThisRun) return dist;
  const reason = build ? '--build' : staleReason(dist);
  if (reason) {
    // The whole build: webpack empties dist/, and build:cli puts the command line back.
    console.log(`building (npm run build): ${reason}…`);
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    builtThisRun = true;
  }
  return dist;
}
