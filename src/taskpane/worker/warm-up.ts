/**
 * While the clerk chooses a file, the worker checks made-up rosters, so that the clerk's own check
 * runs in code the JavaScript engine has already compiled and optimised, on a heap already grown
 * to a county's size (issue 12):
 * - a few small rounds the whole way a real file goes (inflate, the own reader, the engine, the
 *   findings list's view);
 * - one county-sized round in the engine and the view only (writing a county's file to read it
 *   would cost more than it saves): the first check of 20,000 households took 0.8–1.0 s after the
 *   small rounds alone, 0.3–0.4 s with it, and about 0.2–0.35 s once fully warm;
 * - last, one mid-sized round the whole way, so that the reader has run at volume too (in Chromium
 *   the grid read of 20,000 households went from 0.7–0.9 s to 0.55–0.6 s) and the engine last ran
 *   on a grid the reader made (its first real check then took about 0.4 s instead of 0.5 s, when
 *   the engine's round came last); its summary is rehearsed on the page (`rehearse`).
 * Nothing of it is shown or kept; a request waits for the round under way at most.
 */
import { parsePolicy } from '../../domain/policy';
import { syntheticWorkbook } from '../../domain/synthetic-roster';
import type { Codec } from '../../workbook/xlsx/package';
import { gridPackage } from '../../workbook/xlsx/write-grid';
import { checkGrid } from '../../workbook/actions';
import { findingsView } from '../model/findingRows';
import { WebSession, type CheckSummary } from './session';

/** A message that came meanwhile is seen before the next round starts. */
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Households of the made-up roster and rounds: about 4,000 households in all, which took a 20,000
 * household check from 2.4 s of CPU time to 1.4 s (in Node, the same engine: rounds of 400, 1,000
 * or 2,000 households did about as well). A round takes about 100 ms once the code is compiled.
 */
export const WARM_HOUSEHOLDS = 800;
export const WARM_ROUNDS = 5;
/** The mid-sized round, written and read: about 0.8 s of one core on the bench machine. */
export const WARM_MID_HOUSEHOLDS = 5_000;
/** The county-sized round: about a second of one core on the bench machine. */
export const WARM_LARGE_HOUSEHOLDS = 20_000;
/** A date the made-up roster's benefits are worked out for. */
const WARM_AS_OF = '2018-01-15';

export interface WarmUpOptions {
  /** True once the clerk has asked for something, and from then on: the warm-up stops after its current round. */
  wanted: () => boolean;
  households?: number;
  rounds?: number;
  /** Households of the mid-sized round, the last (0: none). */
  mid?: number;
  /** Households of the large round, in the engine only, after the small ones (0: none). */
  large?: number;
  /**
   * Given the mid-sized round's summary: the worker posts it to the page as an answer no call
   * waits for, so that the page takes in a result of the real shape once before the clerk's.
   */
  rehearse?: (summary: CheckSummary) => void;
}

/** The rounds run (the mid-sized and large ones included); resolves when done or stopped. Never throws (a failed warm-up only costs time). */
export async function warmUp(codec: Codec, opts: WarmUpOptions): Promise<number> {
  const rounds = opts.rounds ?? WARM_ROUNDS;
  let done = 0;
  try {
    const policy = parsePolicy({ asOf: WARM_AS_OF });
    const whole = async (bytes: Uint8Array) => {
      const session = new WebSession(codec);
      await session.open(bytes, 'warm-up.xlsx');
      const summary = await session.check(policy, undefined, undefined, undefined, done % 2 ? 'en' : 'zh');
      done++;
      await turn();
      return summary;
    };
    const bytes = await gridPackage(syntheticWorkbook(opts.households ?? WARM_HOUSEHOLDS, WARM_AS_OF), codec);
    while (done < rounds && !opts.wanted()) await whole(bytes);
    const large = opts.large ?? WARM_LARGE_HOUSEHOLDS;
    // `wanted` stays true once the clerk has asked, so each round below runs only if none was cut short.
    if (large > 0 && !opts.wanted()) {
      findingsView(checkGrid(syntheticWorkbook(large, WARM_AS_OF), policy), 'zh');
      done++;
      await turn();
    }
    const mid = opts.mid ?? WARM_MID_HOUSEHOLDS;
    if (mid > 0 && !opts.wanted()) {
      const midBytes = await gridPackage(syntheticWorkbook(mid, WARM_AS_OF), codec);
      // Writing it took a while: the clerk may have asked meanwhile.
      if (!opts.wanted()) {
        const summary = await whole(midBytes);
        if (!opts.wanted()) opts.rehearse?.(summary);
      }
    }
  } catch {
    // The clerk's own check reports any real problem.
  }
  return done;
}
