/**
 * Large integer tables of the engine (ID index, member table) as plain arrays of small integers,
 * not typed arrays. A typed array's memory is outside V8's heap ("external"), and once a run
 * has allocated more than about 64 MB of it V8 starts a full collection of the whole heap: on a
 * million-household roster that is a 2 GB grid marked in the middle of the check (2 s). Small
 * integers in a plain array stay on the heap, cost the same to read and write, and hold no
 * pointers for the collector to follow.
 */
export function intArray(length: number, fill = 0): number[] {
  return new Array<number>(length).fill(fill);
}

/**
 * The same for numbers beyond 32 bits: filled with 0.5 first, so that V8 keeps the elements as
 * unboxed doubles from the start (no object per number, no change of representation later).
 */
export function doubleArray(length: number, fill: number): number[] {
  return new Array<number>(length).fill(0.5).fill(fill);
}
