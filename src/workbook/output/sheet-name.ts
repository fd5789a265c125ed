/**
 * A free sheet name for a generated sheet, by Excel's rules, shared by both hosts so that they
 * pick the same name: at most 31 characters, none of []:*?/\, no apostrophe at either end,
 * compared case-insensitively; a name in use gets "(2)", "(3)"… and nothing is replaced.
 */
const MAX = 31;

export function cleanSheetName(name: string): string {
  const cleaned = clip(
    name
      .replace(/[[\]:*?/\\]/g, '')
      .replace(/^'+|'+$/g, '')
      .trim(),
    MAX,
  ).replace(/'+$/, '');
  return cleaned || '核查结果';
}

/** At most `max` UTF-16 units, never splitting an emoji or rare CJK character in two. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

export function freeSheetName(preferred: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = cleanSheetName(preferred);
  if (!used.has(base.toLowerCase()) && base.toLowerCase() !== 'history') return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const name = clip(base, MAX - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
