/**
 * The county's re-check sample (抽查名单): at least sampleRate of each village's active households
 * (rounded up), every household of fullSampleVillages and every 新增 household. Reproducible:
 * the same seed and roster give the same list.
 */
import type { SampleEntry } from './types';
import type { Household } from './household';
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

export function drawSample(households: Household[], policy: Policy): SampleEntry[] {
  const byVillage = new Map<string, Household[]>();
  for (const h of households) {
    if (!h.active) continue;
    const list = byVillage.get(h.village);
    if (list) list.push(h);
    else byVillage.set(h.village, [h]);
  }
  const full = new Set(policy.fullSampleVillages);
  const chosen: { h: Household; reason: string }[] = [];
  for (const [village, list] of byVillage) {
    if (full.has(village)) {
      for (const h of list) chosen.push({ h, reason: '全村抽查' });
      continue;
    }
    const need = Math.ceil(policy.sampleRate * list.length - 1e-9);
    const newOnes = list.filter((h) => h.status === 'new');
    for (const h of newOnes) chosen.push({ h, reason: '新增对象' });
    const rest = list.filter((h) => h.status !== 'new');
    const rand = prng(hash(`${policy.sampleSeed}\u0000${village}`));
    // Partial Fisher–Yates: the first k of a seeded shuffle.
    const k = Math.min(rest.length, Math.max(0, need - newOnes.length));
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rand() * (rest.length - i));
      [rest[i], rest[j]] = [rest[j], rest[i]];
      chosen.push({ h: rest[i], reason: '随机抽取' });
    }
  }
  return chosen
    .sort((a, b) => a.h.row - b.h.row)
    .map(({ h, reason }) => ({
      household: h.index,
      row: h.row,
      village: h.village,
      headName: h.headName,
      idNumber: h.idText,
      reason,
    }));
}
