/**
 * Events as Excel raises them, for the test double (excel-double.ts), after the reference
 * ("Work with events using the Excel JavaScript API", Excel.WorksheetChangedEventArgs) and what
 * office.js does under it:
 *
 * - `handlers.add(fn)` takes effect at the next sync of the context it was queued in and returns
 *   an EventHandlerResult whose `context` is that context;
 * - `result.remove()` is queued on the *handler's own* context (office.js keeps it there): it takes
 *   effect only when that context syncs, e.g. `Excel.run(result.context, …)`. Removed inside any
 *   other Excel.run, nothing happens and the handler keeps being called (the documented "the same
 *   RequestContext must be used");
 * - events are delivered after the change, asynchronously: a handler never runs inside the batch
 *   that caused it, and an add-in's own write may be reported after its Excel.run has returned;
 * - every change raises them, the clerk's and any add-in's alike ("Office Add-in (JavaScript) code
 *   that changes the workbook"); from ExcelApi 1.14 `triggerSource` says "ThisLocalAddin" for the
 *   add-in's own writes and "Unknown" otherwise; before 1.14 the property is absent;
 * - `details` (before/after value) only for a change of one cell; formats, fills and notes raise
 *   no `onChanged` (they have their own events, which the double does not model);
 * - a handler that throws or rejects does not stop the others (office.js only logs it).
 */

export type ChangeType =
  'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';

export type EventName = 'onChanged' | 'onAdded' | 'onDeleted' | 'onNameChanged';

export type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

interface Registration {
  name: EventName;
  handler: Handler;
  /** The context the handler was added in (identity only). */
  context: unknown;
}

export class EventHub {
  private registered: Registration[] = [];
  /** Events raised and not yet delivered. */
  private inFlight = 0;
  /** Every event raised, in order (what a test can assert on). */
  readonly raised: { name: EventName; args: Record<string, unknown> }[] = [];

  register(name: EventName, handler: Handler, context: unknown): void {
    this.registered.push({ name, handler, context });
  }

  /** Office.js removes a handler by identity, the last registration first. */
  unregister(name: EventName, handler: Handler): void {
    for (let i = this.registered.length - 1; i >= 0; i--) {
      const r = this.registered[i];
      if (r.name === name && r.handler === handler) {
        this.registered.splice(i, 1);
        return;
      }
    }
  }

  count(name?: EventName): number {
    return this.registered.filter((r) => !name || r.name === name).length;
  }

  /** Raise after the current turn: handlers run once the batch that caused it has answered. */
  raise(name: EventName, args: Record<string, unknown>): void {
    this.raised.push({ name, args });
    const targets = this.registered.filter((r) => r.name === name);
    this.inFlight++;
    setTimeout(() => {
      this.inFlight--;
      for (const r of targets) {
        try {
          void Promise.resolve(r.handler(args)).catch(() => undefined);
        } catch {
          // office.js logs a failing handler and goes on
        }
      }
    }, 0);
  }

  /** Resolves once every event raised so far has been handed to its handlers. */
  async delivered(): Promise<void> {
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 0));
  }
}
