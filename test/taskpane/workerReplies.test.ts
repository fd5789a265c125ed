/**
 * The page's side of the worker puts an answer sent in slices back together: the long arrays of
 * the result and of the findings list's view arrive as many small messages (each deserialized in
 * its own short task on the page) and the caller gets the whole answer, typed arrays included.
 */
import { findingsView } from '../../src/taskpane/model/findingRows';
import { CheckWorker } from '../../src/taskpane/worker/client';
import { REHEARSAL_ID, slicedReplies, SLICE_ITEMS, type Reply } from '../../src/taskpane/worker/protocol';
import { smallResult } from './fixture';

/** A worker that answers every request with the given replies, each a separate message. */
function fakeWorker(replies: (id: number) => Reply[]) {
  const w = {
    onmessage: null as ((e: { data: Reply }) => void) | null,
    onerror: null,
    postMessage(m: { id: number }) {
      for (const r of replies(m.id)) w.onmessage?.({ data: structuredClone(r) });
    },
  };
  return w;
}

const plain = (o: object) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v]));

test('an answer in slices arrives whole', async () => {
  const result = smallResult();
  // A long result: the findings repeated past three slices.
  const findings = Array.from({ length: SLICE_ITEMS * 3 + 7 }, (_, i) => result.findings[i % result.findings.length]);
  const big = { ...result, findings };
  const view = findingsView(big, 'zh');
  const answer = { result: big, view, sheets: ['花名册'] };
  let messages = 0;
  const worker = new CheckWorker(
    fakeWorker((id) => {
      const replies = slicedReplies(id, answer, ['result', 'view']);
      messages = replies.length;
      return replies;
    }) as unknown as Worker,
  );
  const got = await worker.call<typeof answer>({ op: 'view', lang: 'zh' });
  // findings, the view's text and haystack: four slices each, then the answer.
  expect(messages).toBe(4 * 3 + 1);
  expect(got.result.findings).toEqual(findings);
  // (structuredClone makes its typed arrays in Node's realm, not jest's: compared as plain arrays.)
  expect(plain(got.view)).toEqual(plain(view));
  expect(Object.prototype.toString.call(got.view.group)).toBe('[object Int32Array]');
});

test("the warm-up's rehearsal answer is taken in and dropped: the clerk's call gets its own answer", async () => {
  const result = smallResult();
  const rehearsal = { result: { ...result, findings: result.findings.slice(0, 1) }, sheets: ['made-up'] };
  const answer = { result, view: findingsView(result, 'zh'), sheets: ['花名册'] };
  const worker = new CheckWorker(
    // The rehearsal's slices and answer come first, as they do when the warm-up posts them.
    fakeWorker((id) => [
      ...slicedReplies(REHEARSAL_ID, rehearsal, ['result', 'view']),
      ...slicedReplies(id, answer, ['result', 'view']),
    ]) as unknown as Worker,
  );
  const got = await worker.call<typeof answer>({ op: 'view', lang: 'zh' });
  expect(got.sheets).toEqual(['花名册']);
  expect(got.result.findings).toEqual(result.findings);
  // No call is ever numbered as the rehearsal.
  const ids: number[] = [];
  const counting = new CheckWorker({
    onmessage: null,
    onerror: null,
    postMessage: (m: { id: number }) => ids.push(m.id),
  } as unknown as Worker);
  void counting.call({ op: 'view', lang: 'zh' });
  void counting.call({ op: 'view', lang: 'en' });
  expect(ids).not.toContain(REHEARSAL_ID);
});
