/**
 * A free sheet name for a generated sheet, by Excel's rules, shared by both hosts so that they
 * pick the same name: at most 31 characters, none of []:*?/\, no apostrophe at either end,
 * compared case-insensitively; a name in use gets "(2)", "(3)"… and nothing is replaced.
 */
const MAX = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, MAX);
  return cleaned || '核查结果';
}

export function freeSheetName(preferred: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = cleanSheetName(preferred);
  if (!used.has(base.toLowerCase()) && base.toLowerCase() !== 'history') return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const name = base.slice(0, MAX - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
