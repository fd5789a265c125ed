/**
 * One measured run in a fresh node process: wall time from spawn to exit, and the child's own
 * CPU time and peak memory (maxRSS) through the usage probe. A fresh process per measurement
 * keeps one run's heap from inflating the next one's peak.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { bundle } from './bundle';
import { ROOT, scratch } from './paths';
import { BENCH_AS_OF } from './synthetic';

export interface ChildRun {
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
  /** 1-minute load average when the run started (the machine is shared). */
  load: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

let probe: string | undefined;

/** `node [nodeArgs…]` with the probe preloaded; the exit code is returned, not thrown. */
export function runNode(nodeArgs: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  probe ??= bundle('bench/usage-probe.ts');
  const usageFile = scratch('usage', `${process.pid}-${Date.now()}.json`);
  const load = loadavg()[0];
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-r', probe, ...nodeArgs], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Math.round(performance.now() - t0);
      const usage = existsSync(usageFile)
        ? (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssMB: number; cpuMs: number })
        : { maxRssMB: NaN, cpuMs: NaN };
      rmSync(usageFile, { force: true });
      resolve({ wallMs, ...usage, load, code, stdout, stderr });
    });
  });
}

/** The last line of stdout as JSON (the one-shot scripts print one JSON line). */
export function jsonOf<T>(run: ChildRun): T {
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`expected a JSON line, got exit ${run.code}: ${run.stderr.slice(-500)}`);
  }
}

/** The reference date every command-line section checks with. */
export const AS_OF = ['--as-of', BENCH_AS_OF];

export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A run's time and memory, as the figure of a row. */
export const usage = (r: ChildRun) => `${secs(r.wallMs)} (CPU ${secs(r.cpuMs)}), peak ${r.maxRssMB} MB`;

/** 0 = no errors, 1 = errors found (the synthetic rosters have some); anything else is a refusal. */
export function checked(run: ChildRun, what: string): ChildRun {
  if (run.code !== 0 && run.code !== 1) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-400)}`);
  return run;
}
