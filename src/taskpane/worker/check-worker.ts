/**
 * The web page's worker: reads, checks and writes the clerk's file off the page's thread, so the
 * page stays responsive on a county's roster (issue 12). One file at a time; requests are handled
 * in order. Nothing here touches the network: the file arrives as bytes and leaves as bytes.
 */
import type { ProgressEvent } from '../../workbook/host';
import { forPage, REHEARSAL_ID, slicedReplies, toWireError, type Reply, type Request } from './protocol';
import { tallyOf } from '../model/tally';
import { WebSession } from './session';
import { startInflater } from './start-inflater';
import { warmUp } from './warm-up';

// The codec is made now, with the page (an inflater worker beside this one where there are cores
// for it, start-inflater.ts), not when the clerk's file arrives; the warm-up reads through it too.
const codec = startInflater();
const session = new WebSession(codec);
const post = (reply: Reply, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: Reply, t: Transferable[]): void }).postMessage(reply, transfer);

const postSliced = (id: number, answer: object, parts: string[]) =>
  slicedReplies(id, answer, parts).forEach((r) => post(r));

/** Bytes handed over, not copied: a marked copy can be as large as the file. */
function postBytes(id: number, bytes: Uint8Array): void {
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  post({ id, ok: true, value: buffer }, [buffer as ArrayBuffer]);
}

/**
 * Timing marks of the worker's own clock (no data in them): a request's start ('dibao:w:<op>') and,
 * in a check, the grid read ('dibao:w:read'), the engine done ('dibao:w:engine'), the view made
 * ('dibao:w:checked') and the result posted ('dibao:w:posted'); the bench (bench/web-one.ts) reports the phases.
 */
const mark = (name: string) => performance.mark(`dibao:w:${name}`);

async function handle(id: number, req: Request): Promise<void> {
  mark(req.op);
  const onProgress = (progress: ProgressEvent) => {
    if (progress.phase === 'check') mark(progress.done === 0 ? 'read' : 'engine');
    post({ id, progress });
  };
  switch (req.op) {
    case 'open': {
      const bytes = new Uint8Array(await req.file.arrayBuffer());
      mark('bytes');
      const value = await session.open(bytes, req.name);
      mark('opened');
      return post({ id, ok: true, value });
    }
    case 'check': {
      const checked = await session.check(req.policy, req.rosterSheet, onProgress, req.leaveOut);
      // The counts first (a few numbers, shown at once), then the findings list's view and the result.
      post({ id, progress: { phase: 'check', done: 1, total: 1, tally: tallyOf(checked.result) } });
      const summary = { ...checked, view: session.view(req.lang) };
      mark('checked');
      postSliced(id, forPage(summary), ['result', 'view']);
      return void mark('posted');
    }
    case 'view':
      return postSliced(id, { view: session.view(req.lang) }, ['view']);
    case 'mark':
      return post({ id, ok: true, value: await session.mark(req.lang, onProgress) });
    case 'clear':
      return post({ id, ok: true, value: await session.clear() });
    case 'generate':
      return post({
        id,
        ok: true,
        value: await session.generate(req.kind, req.policy, { ...req.opts, exclude: new Set(req.opts.exclude) }),
      });
    case 'save':
      return postBytes(id, await session.save());
    case 'report':
      return postBytes(id, session.report(req.policy));
    case 'heldBack':
      return post({ id, ok: true, value: session.heldBack(new Set(req.exclude)) });
    case 'rowCells':
      return post({ id, ok: true, value: session.rowCells(req.finding) });
  }
}

let asked = false;
// The warm-up goes first; the clerk's first request stops it and waits for its round at most.
// The mid-sized round's result goes to the page as a rehearsal (REHEARSAL_ID: no call waits for it).
let queue: Promise<unknown> = warmUp(codec, {
  wanted: () => asked,
  rehearse: (summary) => postSliced(REHEARSAL_ID, forPage(summary), ['result', 'view']),
}).then(() => performance.mark('dibao:warm'));
self.onmessage = (e: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = e.data;
  asked = true;
  queue = queue.then(() => handle(id, req).catch((err: unknown) => post({ id, ok: false, error: toWireError(err) })));
};
