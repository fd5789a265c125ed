/**
 * Notes (ExcelApi 1.18) and threaded comments (1.10) through Office.js, in as few syncs as their
 * number allows:
 *
 * - loading: in pages (`top`/`skip`) whose answers stay under the read budget, several sheets per
 *   sync; a sheet with 40,000 notes is no longer one 5 MB answer;
 * - locating (which cell each is on): one getLocation per item, under the request budget;
 * - adding: under the request budget, in batches of their own. A cell holds one annotation, a note
 *   or a comment thread. Where this Excel cannot show us the other kind (a clerk's note in an
 *   Excel with comments but no notes API), Excel refuses the add and fails the batch. Excel runs a
 *   batch in order and stops at the refused operation, so counting the sheet's notes or comments
 *   afterwards (getCount) tells which add was refused: it is skipped and the rest sent again.
 */
import { LIMITS } from './office-blocks';
import { SyncBudget, wireBytes } from './office-budget';
import { parseCellAddress } from './office-cells';
import { cellKey } from './office-fills';
import { isPayloadError, utf8Length } from './office-read';
import { a1 } from '../../domain/grid';

export type AnnotationKind = 'notes' | 'comments';

export interface Found {
  sheet: string;
  kind: AnnotationKind;
  content: string;
  item: Excel.Note | Excel.Comment;
}

export interface Target {
  sheet: string;
  ws: Excel.Worksheet;
  kind: AnnotationKind;
}

/** Bytes of answer per item before a sheet has shown its own: a note of ~150 characters. */
const FIRST_GUESS_ITEM_BYTES = 600;
/** Answer bytes of one sync: 4.5 MB against Excel's 5 MB, as for reading cells. */
const READ_BUDGET = 4_500_000;
/** Refused adds after which the rest are left out (each costs two syncs): the reasons stay in the pane. */
const MAX_REFUSALS = 2000;

const collectionOf = (t: Target): Excel.NoteCollection | Excel.CommentCollection =>
  t.kind === 'notes' ? t.ws.notes : t.ws.comments;

/** Every note or comment of the targets, with its content. */
export async function loadAll(ctx: Excel.RequestContext, targets: Target[]): Promise<Found[]> {
  const found: Found[] = [];
  const open = targets.map((t) => ({ t, skip: 0, itemBytes: FIRST_GUESS_ITEM_BYTES }));
  while (open.length) {
    const share = READ_BUDGET / open.length;
    const pages = open.map((o) => {
      const top = Math.max(1, Math.floor(share / o.itemBytes));
      const page = collectionOf(o.t).load({ select: 'items/content', top, skip: o.skip });
      return { o, top, page };
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || pages.every((p) => p.top === 1)) throw e;
      for (const { o } of pages) o.itemBytes *= 2;
      continue;
    }
    for (const { o, top, page } of pages) {
      const items = page.items as (Excel.Note | Excel.Comment)[];
      let bytes = 0;
      for (const item of items) {
        found.push({ sheet: o.t.sheet, kind: o.t.kind, content: item.content, item });
        bytes += utf8Length(item.content) + 60;
      }
      o.skip += items.length;
      if (items.length) o.itemBytes = Math.max(100, (bytes / items.length) * 1.25);
      if (items.length < top) open.splice(open.indexOf(o), 1);
    }
  }
  return found;
}

/** The cell of each, keyed by cellKey (1-based row and column). */
export async function locate(ctx: Excel.RequestContext, found: Found[]): Promise<Map<string, Found>> {
  const budget = new SyncBudget(ctx);
  const ranges: { f: Found; range: Excel.Range }[] = [];
  for (const f of found) {
    // The item (by its id), getLocation: two paths, instantiate and load; ~80 bytes of answer.
    await budget.take(wireBytes(2, 2, 'address') + 80);
    ranges.push({ f, range: f.item.getLocation().load('address') });
  }
  await budget.flush();
  const byCell = new Map<string, Found>();
  for (const { f, range } of ranges) {
    const { row, col } = parseCellAddress(range.address);
    byCell.set(cellKey(f.sheet, row, col), f);
  }
  return byCell;
}

export interface NewAnnotation {
  sheet: string;
  ws: Excel.Worksheet;
  /** 1-based. */
  row: number;
  col: number;
  text: string;
}

/** Adds per batch once Excel has refused one: each refusal sends the rest of its batch again. */
const AFTER_REFUSAL_BATCH = 500;

/**
 * Add a note or comment to each cell, in the order given (grouped by sheet); returns how many
 * Excel refused. `existing` is how many notes or comments each sheet holds before.
 */
export async function addAll(
  ctx: Excel.RequestContext,
  kind: AnnotationKind,
  adds: NewAnnotation[],
  existing: Map<string, number>,
): Promise<number> {
  const counts = new Map(existing);
  const collections = new Map<string, Excel.NoteCollection | Excel.CommentCollection>();
  const collection = (a: NewAnnotation) => {
    let c = collections.get(a.sheet);
    if (!c) collections.set(a.sheet, (c = collectionOf({ sheet: a.sheet, ws: a.ws, kind })));
    return c;
  };
  let queue = adds;
  let refused = 0;
  let most = Infinity;
  while (queue.length) {
    const batch: NewAnnotation[] = [];
    let used = 0;
    for (const a of queue) {
      const cell = a1(a.row - 1, a.col - 1);
      // ws.getRange(cell) and collection.add(range, text): two paths and two actions.
      const bytes = wireBytes(2, 2, cell, a.text);
      if (batch.length && (used + bytes > LIMITS.payloadBytes || batch.length >= most)) break;
      used += bytes;
      // A Range, not an address string: comments.add wants the sheet name in a string address.
      collection(a).add(a.ws.getRange(cell), a.text);
      batch.push(a);
    }
    try {
      await ctx.sync();
      for (const a of batch) counts.set(a.sheet, (counts.get(a.sheet) ?? 0) + 1);
      queue = queue.slice(batch.length);
    } catch (e) {
      if (isPayloadError(e)) throw e;
      collections.clear();
      // How far did Excel get? The adds before the refused one were made: count them.
      const sheets = [...new Set(batch.map((a) => a.sheet))];
      const now = sheets.map((sheet) =>
        collectionOf({ sheet, ws: ctx.workbook.worksheets.getItem(sheet), kind }).getCount(),
      );
      await ctx.sync();
      let made = 0;
      sheets.forEach((sheet, i) => {
        made += now[i].value - (counts.get(sheet) ?? 0);
        counts.set(sheet, now[i].value);
      });
      if (made >= batch.length) throw e;
      refused++;
      most = AFTER_REFUSAL_BATCH;
      queue = queue.slice(made + 1);
      if (refused >= MAX_REFUSALS) break;
    }
  }
  return refused;
}
