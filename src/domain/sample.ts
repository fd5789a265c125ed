/**
 * The county's re-check sample (抽查名单): at least sampleRate of each village's active households
 * (rounded up), every household of fullSampleVillages and every 新增 household. Reproducible:
 * the same seed and roster give the same list.
 */
import type { SampleEntry } from './types';
import { householdRef, type Household } from './household';
import type { Policy } from './policy';

/** FNV-1a: a stable 32-bit hash of the seed and village. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to draw a sample. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS = [undefined, 'wholeVillage', 'new', 'random'] as const;

/** The sample, drawn after every household has been added in roster order. */
export class SampleDraw {
  /** Active households by village, as indices in roster order. */
  private readonly byVillage = new Map<string, number[]>();

  constructor(private readonly policy: Policy) {}

  add(h: Household): void {
    if (!h.active) return;
    const list = this.byVillage.get(h.village);
    if (list) list.push(h.index);
    else this.byVillage.set(h.village, [h.index]);
  }

  draw(households: Household[]): SampleEntry[] {
    const policy = this.policy;
    const full = new Set(policy.fullSampleVillages);
    // Why each household is drawn (an index into REASONS, 0 = not drawn): each is drawn at most once.
    const reason = new Uint8Array(households.length);
    for (const [village, list] of this.byVillage) {
      if (full.has(village)) {
        for (const i of list) reason[i] = 1;
        continue;
      }
      const need = Math.ceil(policy.sampleRate * list.length - 1e-9);
      const rest: number[] = [];
      let newOnes = 0;
      for (const i of list) {
        if (households[i].status === 'new') {
          reason[i] = 2;
          newOnes++;
        } else rest.push(i);
      }
      const rand = prng(hash(`${policy.sampleSeed}\u0000${village}`));
      // Partial Fisher–Yates: the first k of a seeded shuffle.
      const k = Math.min(rest.length, Math.max(0, need - newOnes));
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(rand() * (rest.length - i));
        const t = rest[i];
        rest[i] = rest[j];
        rest[j] = t;
        reason[rest[i]] = 3;
      }
    }
    // In roster order: index order is row order.
    const out: SampleEntry[] = [];
    for (let i = 0; i < households.length; i++) {
      if (reason[i] === 0) continue;
      const h = households[i];
      out.push({ ...householdRef(h), reason: REASONS[reason[i]]! });
    }
    return out;
  }
}
