/**
 * Messages between the web page and its worker (check-worker.ts): a request names its operation
 * and carries an id; the worker answers once with the same id (a value or an error in words), and
 * sends progress events under that id meanwhile.
 */
import type { Lang } from '../../domain/messages';
import type { Policy } from '../../domain/policy';
import type { SheetKind, SheetOptions } from '../../workbook/actions';
import type { ProgressEvent } from '../../workbook/host';
import type { PaneResult } from '../actions';
import type { Tally } from '../model/tally';
import type { CheckSummary } from './session';

export type Request =
  /** The clerk's file itself: a Blob crosses as a handle, and the worker reads it off the page's thread. */
  | { op: 'open'; file: Blob; name: string }
  /** `lang`: the language of the findings list's view sent with the result. */
  | { op: 'check'; policy: Policy; rosterSheet?: string; leaveOut?: string[]; lang: Lang }
  /** The findings list's view of the last result in another language. */
  | { op: 'view'; lang: Lang }
  | { op: 'mark'; lang: Lang }
  | { op: 'clear' }
  | { op: 'generate'; kind: SheetKind; policy: Policy; opts: WireSheetOptions }
  | { op: 'save' }
  /** The households 公示名单 leaves out, given the households left out of the adjustments. */
  | { op: 'heldBack'; exclude: number[] }
  /** The JSON report of the last result (its bytes, handed over). */
  | { op: 'report'; policy: Policy }
  | { op: 'rowCells'; finding: number };

/** SheetOptions with the left-out households as an array (a Set is cloned too, but slower). */
export type WireSheetOptions = Omit<SheetOptions, 'exclude'> & { exclude?: number[] };

/**
 * An error as the message bar shows it: a catalogue message and its data (every error of ours:
 * the page makes the words), or a bare message.
 */
export type WireError = { code: string; messageId: string; data: Record<string, unknown> } | { message: string };

export type Reply =
  /** Progress; at a check's end, its counts (`tally`), ahead of the result. */
  | { id: number; progress: ProgressEvent & { tally?: Tally } }
  /** Items of one of the answer's long arrays (`value[part][key]`), sent ahead of it (see SLICE_ITEMS). */
  | { id: number; slice: { part: string; key: string; items: unknown[] } }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError };

/**
 * A check's result arrays (findings, adjustments, …) and the findings list's texts cross in slices
 * of this many items: the page takes each message in its own short task instead of one long one
 * (6,000 findings are about 1.2 MB to deserialize, 250 adjustments about 100 KB; the households
 * stay in the worker, see session.ts forPage).
 */
export const SLICE_ITEMS = 250;

/**
 * An answer as messages: the long arrays of its parts (the result, the findings list's view) go
 * ahead in slices, and the answer carries them empty (client.ts puts them back). Typed arrays go
 * whole: copying one is a memory copy, not a deserialization per item.
 */
export function slicedReplies(id: number, answer: object, parts: string[]): Reply[] {
  const replies: Reply[] = [];
  const value: Record<string, unknown> = { ...answer };
  for (const part of parts) {
    if (!value[part]) continue;
    const whole: Record<string, unknown> = { ...(value[part] as object) };
    for (const [key, items] of Object.entries(whole)) {
      if (!Array.isArray(items) || items.length <= SLICE_ITEMS) continue;
      for (let at = 0; at < items.length; at += SLICE_ITEMS) {
        replies.push({ id, slice: { part, key, items: items.slice(at, at + SLICE_ITEMS) } });
      }
      whole[key] = [];
    }
    value[part] = whole;
  }
  replies.push({ id, ok: true, value });
  return replies;
}

/**
 * The id of the warm-up's rehearsal answer (warm-up.ts): a made-up check's summary, posted to the
 * page like a real one so that the page's first deserialization of a result's shape is not the
 * clerk's. No call has this id (client.ts numbers calls from 1): the page takes it in and drops it.
 */
export const REHEARSAL_ID = 0;

/** What the page gets of a check: the result without its per-household lists (PaneResult). */
export interface PageSummary extends Omit<CheckSummary, 'result'> {
  result: PaneResult;
}

/**
 * The summary as it crosses to the page: households and sample stay here (with the grid); the
 * page shows the counts, the findings list's view and the adjustments, and asks for the rest.
 */
export function forPage(summary: CheckSummary): PageSummary {
  const { households: _households, sample: _sample, ...shown } = summary.result;
  return { ...summary, result: shown };
}

export function toWireError(e: unknown): WireError {
  if (typeof e === 'object' && e !== null) {
    const w = e as { code?: unknown; messageId?: unknown; data?: unknown };
    if (typeof w.code === 'string' && typeof w.messageId === 'string' && typeof w.data === 'object' && w.data) {
      return { code: w.code, messageId: w.messageId, data: { ...(w.data as Record<string, unknown>) } };
    }
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

/** Back into something errorText() reads as before the worker existed. */
export function fromWireError(w: WireError): unknown {
  return 'message' in w ? new Error(w.message) : w;
}
