/**
 * The web page's worker warms its code up on a made-up roster while the clerk chooses a file
 * (src/taskpane/worker/warm-up.ts): it checks a small roster the whole way a file goes, then a
 * large one in the engine, then a mid-sized one the whole way, stops after the round under way as soon as the clerk asks for
 * something, and a failure never escapes.
 */
import { webCodec } from '../../src/workbook/xlsx/codec-web';
import * as actions from '../../src/workbook/actions';
import { WebSession } from '../../src/taskpane/worker/session';
import { warmUp } from '../../src/taskpane/worker/warm-up';
import * as writeGrid from '../../src/workbook/xlsx/write-grid';

afterEach(() => jest.restoreAllMocks());

test('checks the made-up roster through the reader and the engine, round after round', async () => {
  const check = jest.spyOn(WebSession.prototype, 'check');
  const rounds = await warmUp(webCodec, { wanted: () => false, households: 30, rounds: 3, mid: 0, large: 0 });
  expect(rounds).toBe(3);
  expect(check).toHaveBeenCalledTimes(3);
  const { result, view } = await check.mock.results[0].value;
  expect(result.households).toHaveLength(30);
  expect(result.findings.length).toBeGreaterThan(0);
  expect(view?.text.length).toBe(result.findings.length);
});

test('one large round in the engine, after the small ones', async () => {
  const check = jest.spyOn(WebSession.prototype, 'check');
  const engine = jest.spyOn(actions, 'checkGrid');
  expect(await warmUp(webCodec, { wanted: () => false, households: 10, rounds: 2, mid: 0, large: 120 })).toBe(3);
  expect(check).toHaveBeenCalledTimes(2);
  const large = engine.mock.results.at(-1)!.value as ReturnType<typeof actions.checkGrid>;
  expect(large.households).toHaveLength(120);
});

test("a mid-sized round goes the whole way too, last, after the engine's large round", async () => {
  const open = jest.spyOn(WebSession.prototype, 'open');
  const check = jest.spyOn(WebSession.prototype, 'check');
  const engine = jest.spyOn(actions, 'checkGrid');
  expect(await warmUp(webCodec, { wanted: () => false, households: 10, rounds: 2, mid: 60, large: 120 })).toBe(4);
  expect(open).toHaveBeenCalledTimes(3);
  const households = await Promise.all(
    check.mock.results.map(async (r) => ((await r.value) as { result: { households: unknown[] } }).result.households),
  );
  expect(households.map((h) => h.length)).toEqual([10, 10, 60]);
  // The mid-sized roster is a file of its own, larger than the small one.
  expect(open.mock.calls[2][0].length).toBeGreaterThan(open.mock.calls[0][0].length);
  expect((engine.mock.results.at(-1)!.value as ReturnType<typeof actions.checkGrid>).households).toHaveLength(120);
  // The large round in the engine came before the mid-sized file was opened.
  expect(engine.mock.invocationCallOrder.at(-1)!).toBeLessThan(open.mock.invocationCallOrder[2]);
});

test("the mid-sized round's summary is handed over to be rehearsed on the page, once", async () => {
  const rehearse = jest.fn();
  await warmUp(webCodec, { wanted: () => false, households: 10, rounds: 2, mid: 60, large: 0, rehearse });
  expect(rehearse).toHaveBeenCalledTimes(1);
  const [summary] = rehearse.mock.calls[0] as [Awaited<ReturnType<WebSession['check']>>];
  expect(summary.result.households).toHaveLength(60);
  expect(summary.view?.text.length).toBe(summary.result.findings.length);
});

test('no rehearsal once the clerk has asked', async () => {
  let asked = false;
  const rehearse = jest.fn();
  const original = WebSession.prototype.check;
  const check = jest.spyOn(WebSession.prototype, 'check');
  check.mockImplementation(async function (this: WebSession, ...args) {
    const summary = await original.apply(this, args);
    if (check.mock.calls.length === 2) asked = true; // the clerk chooses a file during the mid-sized round
    return summary;
  });
  await warmUp(webCodec, { wanted: () => asked, households: 10, rounds: 1, mid: 60, large: 0, rehearse });
  expect(check).toHaveBeenCalledTimes(2);
  expect(rehearse).not.toHaveBeenCalled();
});

test('the mid-sized round is left out when the clerk asks while its file is being written', async () => {
  let asked = false;
  const check = jest.spyOn(WebSession.prototype, 'check');
  const engine = jest.spyOn(actions, 'checkGrid');
  const write = writeGrid.gridPackage;
  const writing = jest.spyOn(writeGrid, 'gridPackage');
  writing.mockImplementation(async (...args) => {
    // The second file written is the mid-sized one: the clerk chooses a file meanwhile.
    if (writing.mock.calls.length === 2) asked = true;
    return write(...args);
  });
  const rehearse = jest.fn();
  expect(
    await warmUp(webCodec, { wanted: () => asked, households: 10, rounds: 1, mid: 60, large: 120, rehearse }),
  ).toBe(2); // the small round and the large one
  expect(engine).toHaveBeenCalledTimes(1);
  expect(check).toHaveBeenCalledTimes(1);
  expect(rehearse).not.toHaveBeenCalled();
});

test('the large round is left out once the clerk has asked', async () => {
  let asked = false;
  jest.spyOn(WebSession.prototype, 'check').mockImplementation(async function (this: WebSession) {
    asked = true;
    return { result: {} as never, sheets: [] };
  });
  const engine = jest.spyOn(actions, 'checkGrid');
  expect(await warmUp(webCodec, { wanted: () => asked, households: 10, rounds: 1, large: 120 })).toBe(1);
  expect(engine).not.toHaveBeenCalled();
});

test('stops after the round under way once the clerk asks for something', async () => {
  let asked = false;
  const check = jest.spyOn(WebSession.prototype, 'check').mockImplementation(async function (this: WebSession) {
    asked = true; // the clerk chooses a file during the first round
    return { result: {} as never, sheets: [] };
  });
  const rounds = await warmUp(webCodec, { wanted: () => asked, households: 10, rounds: 8 });
  expect(rounds).toBe(1);
  expect(check).toHaveBeenCalledTimes(1);
});

test('never starts when the clerk has already asked', async () => {
  const open = jest.spyOn(WebSession.prototype, 'open');
  expect(await warmUp(webCodec, { wanted: () => true, households: 10 })).toBe(0);
  expect(open).not.toHaveBeenCalled();
});

test("a failure inside the warm-up is swallowed: the clerk's own check reports real problems", async () => {
  jest.spyOn(WebSession.prototype, 'open').mockRejectedValue(new Error('unreadable'));
  await expect(warmUp(webCodec, { wanted: () => false, households: 10 })).resolves.toBe(0);
});
