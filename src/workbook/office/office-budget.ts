/**
 * Keeps each Office.js request under the payload limit: callers announce the size of an operation
 * before queuing it, and the budget syncs only when the next one would not fit. Writing 20,000
 * notes therefore costs a sync per ~4 MB, not one per note and not one request that Excel on the
 * web refuses (5 MB, RequestPayloadSizeLimitExceeded).
 *
 * Sizes are counted as office.js builds a request: every object an operation reaches is an
 * "object path" (a method that returned it, a property, an item of a loaded collection) and every
 * call, property write, load or new object is an "action", each a small JSON object around its
 * arguments. `notes.add(ws.getRange("B7"), text)` is two paths and two actions: ~300 bytes plus
 * the text, where counting the text alone would let a 4 MB budget send 7–9 MB.
 */
import { LIMITS } from './office-blocks';
import { utf8Length } from './office-cells';

/** One object path in office.js's request JSON ({"Id","ObjectPathType","Name","ParentObjectPathId",…}), with margin. */
export const PATH_BYTES = 150;
/** One action ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo"…}), with margin. */
export const ACTION_BYTES = 100;

export class SyncBudget {
  private used = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly limit = LIMITS.payloadBytes,
  ) {}

  /** Account for an operation about to be queued; syncs first when it would overflow the request. */
  async take(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.flush();
    this.used += bytes;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.ctx.sync();
    this.used = 0;
  }
}

/**
 * Request bytes of an operation: its object paths and actions, and its arguments as JSON (a
 * matrix of values, an address list, a note's text).
 */
export function wireBytes(paths: number, actions: number, ...args: unknown[]): number {
  let n = paths * PATH_BYTES + actions * ACTION_BYTES;
  for (const a of args) n += typeof a === 'string' ? utf8Length(a) + 2 + escapes(a) : utf8Length(JSON.stringify(a));
  return n;
}

/** Extra bytes JSON spends on a string's quotes, backslashes and control characters (newlines in notes). */
function escapes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x0a || c === 0x0d || c === 0x09) n += 1;
    else if (c < 0x20) n += 5;
  }
  return n;
}
