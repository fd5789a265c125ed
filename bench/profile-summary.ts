/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: self time by function
 * and by source file, and the time inside each of a few named functions with all they call (so
 * "the engine" or "the reader" can be told apart). `tsx bench/profile-summary.ts file.cpuprofile [fn…]`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: [string, number][];
  byFile: [string, number][];
  /** Inclusive time of each named function (summed over its call sites, not double counted). */
  inclusive: Record<string, number>;
}

export function summarize(profile: Profile, names: string[] = []): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  let totalMs = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url ? basename(url) : '(native)';
    const fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    totalMs += ms;
    // Walk up once; count each named function at most once per sample stack.
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const name = byId.get(p)!.callFrame.functionName;
      if (name in inclusive && !seen.has(name)) {
        seen.add(name);
        inclusive[name] += ms;
      }
    }
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs, byFunction: top(byFunction), byFile: top(byFile), inclusive };
}

if (require.main === module) {
  const [file, ...names] = process.argv.slice(2);
  const s = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, names);
  const pct = (ms: number) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
  console.log(`total ${s.totalMs.toFixed(0)} ms`);
  console.log('\nself time by file:');
  for (const [f, ms] of s.byFile.slice(0, 15)) console.log(`${pct(ms)}  ${f}`);
  console.log('\nself time by function:');
  for (const [f, ms] of s.byFunction.slice(0, 30)) console.log(`${pct(ms)}  ${f}`);
  if (names.length) {
    console.log('\ninclusive:');
    for (const n of names) console.log(`${pct(s.inclusive[n])}  ${n}`);
  }
}
