/**
 * Errors the domain raises when a workbook cannot be checked at all. Kept apart from engine.ts so
 * that columns.ts (which the engine imports) can throw them without a runtime import cycle.
 */

/** A roster that cannot be checked at all; the message names sheet / what was looked for. */
export class RosterError extends Error {
  constructor(
    public readonly code: 'no-sheets' | 'no-header' | 'sheet-not-found' | 'uncomputed',
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(`${zh}（${en}）`);
    this.name = 'RosterError';
  }
}
