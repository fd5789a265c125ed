/**
 * The machine is shared: before a heavy measurement, wait (a bounded while) for the 1-minute load
 * average to drop below the number of cores, so that other work steals as little as possible.
 * The load at the start of each run is recorded beside its figures either way.
 */
import { cpus, loadavg } from 'node:os';

export async function waitForQuiet(maxWaitMs = 90_000, below = Math.max(1, cpus().length)): Promise<number> {
  const until = Date.now() + maxWaitMs;
  while (loadavg()[0] >= below && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
  return loadavg()[0];
}
