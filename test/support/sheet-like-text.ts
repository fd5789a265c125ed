/** Text that compresses like a sheet's XML, but not to nothing: digits in lines of 40, seeded. */
export function sheetLikeText(bytes: number, seed = 7): Uint8Array {
  const out = new Uint8Array(bytes);
  let s = seed;
  for (let i = 0; i < bytes; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = i % 40 === 39 ? 10 : 48 + (s >>> 28);
  }
  return out;
}
