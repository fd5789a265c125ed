/**
 * @jest-environment jsdom
 *
 * The web page's pane gets a check's result from its worker without the per-household lists
 * (households, sample: session.ts forPage), which were most of what crossed (#12). What the clerk
 * sees must not change: the counts, the 问题 list, the 统计 tab and 公示名单's left-out households
 * are the same as the pane shows with the whole result in-process (inside Excel), and the JSON
 * report is the worker's, byte for byte the one made from the whole result.
 */
import { TextEncoder } from 'node:util';
import { serialize } from 'node:v8';
import type { CheckResult } from '../../src/domain/types';
import { App } from '../../src/taskpane/App';
import type { PaneActions } from '../../src/taskpane/actions';
import { findingsView } from '../../src/taskpane/model/findingRows';
import { heldBackHouseholds } from '../../src/taskpane/model/heldBack';
import { forPage, slicedReplies } from '../../src/taskpane/worker/protocol';
import { buildReport, reportJson } from '../../src/workbook/output/report';
import { bigResult, fakeActions, memorySettings, smallResult } from './fixture';
import { button, click, flush, render, type Rendered } from './render';

// jsdom has no TextEncoder; the report's JSON is encoded with one (in the worker on the web page).
Object.assign(globalThis, { TextEncoder });

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

/** The standalone shell's actions over what its worker answers (check-worker.ts, session.ts). */
function pageActions(result: CheckResult): PaneActions & { calls: string[] } {
  const answer = forPage({ result, sheets: ['花名册', '家庭成员'], view: findingsView(result, 'zh') });
  const actions = fakeActions(result, {
    check: async () => answer,
    findingsView: async (lang) => findingsView(result, lang),
    heldBack: async (exclude) => heldBackHouseholds(result, exclude),
    report: async (policy) => {
      actions.calls.push('report');
      return reportJson(buildReport(result, policy, { maskIds: false }));
    },
  });
  return actions;
}

const tab = (name: string) =>
  click([...view!.container.querySelectorAll('[role="tab"]')].find((t) => t.textContent!.startsWith(name))!);

/** The pane's text after a check, on each tab, and after generating 公示名单. */
async function seen(actions: PaneActions): Promise<string[]> {
  view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
  await flush();
  const texts = [view.container.textContent!];
  await tab('统计');
  texts.push(view.container.querySelector('[role="tabpanel"]')!.textContent!);
  await tab('调整');
  texts.push(view.container.querySelector('[role="tabpanel"]')!.textContent!);
  await click(button(view.container, '更多'));
  await click([...document.querySelectorAll('[role="menuitem"]')].find((m) => m.textContent === '生成公示名单')!);
  await flush();
  texts.push(view.container.textContent!);
  view.unmount();
  view = undefined;
  return texts;
}

describe('the page without the households shows what the pane shows with them', () => {
  test.each([
    ['three households', smallResult],
    ['300 households in 12 villages', () => bigResult(300)],
  ])('%s', async (_, make) => {
    const result = make();
    const whole = await seen(fakeActions(result));
    const page = await seen(pageActions(result));
    expect(page).toEqual(whole);
    // The statistics name every village with findings, and 公示名单 names who it leaves out.
    expect(whole[1]).toContain(result.households[0].village);
    expect(whole[3]).toContain('未列入公示');
    expect(whole[3]).toContain(
      result.households[result.findings.find((f) => f.severity === 'error')!.household!].headName,
    );
  });
});

test('what crosses after a check holds no household list, and its size does not follow the households', () => {
  const bytes = (result: CheckResult) => {
    const replies = slicedReplies(1, forPage({ result, sheets: ['花名册'], view: findingsView(result, 'zh') }), [
      'result',
      'view',
    ]);
    for (const r of replies) {
      if ('slice' in r && r.slice.part === 'result') expect(['findings', 'adjustments']).toContain(r.slice.key);
      if ('ok' in r && r.ok) expect(Object.keys((r.value as { result: object }).result)).not.toContain('households');
    }
    return replies.reduce((n, r) => n + serialize(r).length, 0);
  };
  const result = bigResult(2000);
  const crossed = bytes(result);
  // The same findings and adjustments with ten times the households cross in the same bytes.
  const more = {
    ...result,
    households: Array.from({ length: 10 }, () => result.households).flat(),
    sample: Array.from({ length: 10 }, () => result.sample).flat(),
  };
  expect(bytes(more)).toBe(crossed);
});

test('导出核查报告 on the page downloads the worker’s report', async () => {
  const blobs: Blob[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:report'), revokeObjectURL: () => {} });
  // The download link's click would navigate, which jsdom does not do.
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  const result = smallResult();
  const made: Uint8Array[] = [];
  const actions = pageActions(result);
  const report = actions.report!;
  actions.report = (policy) => report(policy).then((bytes) => (made.push(bytes), bytes));
  view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
  await flush();
  await click(button(view.container, '更多'));
  await click([...document.querySelectorAll('[role="menuitem"]')].find((m) => m.textContent === '导出核查报告')!);
  await flush();
  expect(actions.calls).toContain('report');
  expect(view.container.textContent).toContain('已导出');
  expect(blobs.map((b) => [b.size, b.type])).toEqual([[made[0].length, 'application/json']]);
});
