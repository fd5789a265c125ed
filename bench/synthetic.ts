/**
 * The benchmarks' rosters: the synthetic rosters of src/domain/synthetic-roster.ts, on the date
 * every benchmark checks with.
 */
import type { WorkbookGrid } from '../src/domain/grid';
import { syntheticWorkbook as rosterOf, type Faults } from '../src/domain/synthetic-roster';

export type { Faults } from '../src/domain/synthetic-roster';

/** The reference date every benchmark checks with. */
export const BENCH_AS_OF = '2018-01-15';

export function syntheticWorkbook(households: number, faults: Faults = 'some'): WorkbookGrid {
  return rosterOf(households, BENCH_AS_OF, faults);
}
