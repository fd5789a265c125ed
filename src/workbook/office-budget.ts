/**
 * Keeps each Office.js request under the payload limit: callers announce the estimated size of
 * an operation before queuing it, and the budget syncs only when the next one would not fit.
 * Writing 20,000 notes therefore costs a sync per ~4 MB, not one per note and not one request
 * that Excel on the web refuses.
 */
import { LIMITS } from './office-blocks';
import { utf8Length } from './office-read';

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

/** Estimated request bytes of an operation carrying this text (its JSON plus the call around it). */
export function opBytes(...texts: string[]): number {
  return texts.reduce((n, t) => n + utf8Length(t) + 8, 120);
}
