/**
 * @jest-environment jsdom
 *
 * On the web page the worker sends a check's counts (a Tally) as soon as the engine is done,
 * ahead of the findings list and the result (#12): the clerk sees the households, errors,
 * warnings and adjustments at once, the same numbers the whole result then shows, and the list
 * follows.
 */
import type { CheckResult } from '../../src/domain/types';
import { App } from '../../src/taskpane/App';
import type { CheckOutcome } from '../../src/taskpane/actions';
import { findingsView } from '../../src/taskpane/model/findingRows';
import { tallyOf } from '../../src/taskpane/model/tally';
import { forPage } from '../../src/taskpane/worker/protocol';
import { bigResult, fakeActions, memorySettings, smallResult } from './fixture';
import { flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const text = (id: string) => view!.container.querySelector(`[data-testid="${id}"]`)?.textContent;
/** The counts' section (SummaryCards). */
const countsText = () => view!.container.querySelector('[data-testid="error-count"]')!.closest('section')!.textContent;

test('the counts are shown as soon as they come, before the findings list', async () => {
  const result = bigResult(300);
  let answer!: (o: CheckOutcome) => void;
  const actions = fakeActions(result, {
    check: (_policy, onProgress) => {
      onProgress({ phase: 'check', done: 1, total: 1, tally: tallyOf(result) } as Parameters<typeof onProgress>[0]);
      return new Promise<CheckOutcome>((resolve) => (answer = resolve));
    },
  });
  view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
  await flush();
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  expect(text('error-count')).toBe(String(errors));
  expect(text('warning-count')).toBe(String(warnings));
  expect(view.container.textContent).toContain(`${result.adjustments.length}`);
  // The findings list has not come yet: none of its rows is shown.
  expect(view.container.querySelectorAll('[role="tab"]')).toHaveLength(0);
  const counts = countsText();

  answer({ ...forPage({ result, sheets: ['花名册'], view: findingsView(result, 'zh') }) });
  await flush();
  expect(view.container.querySelectorAll('[role="tab"]').length).toBeGreaterThan(0);
  // The same numbers once the whole result is there.
  expect(countsText()).toBe(counts);
});

test('the tally counts what the findings and adjustments hold', () => {
  const check = (result: CheckResult) => {
    const t = tallyOf(result);
    expect(t.counts.error + t.counts.warning + t.counts.info).toBe(result.findings.length);
    expect(t.counts.error).toBe(result.findings.filter((f) => f.severity === 'error').length);
    expect(t.adjustments).toBe(result.adjustments.length);
    expect(t.adjustmentsByType.reduce((n, [, k]) => n + k, 0)).toBe(result.adjustments.length);
    expect(t.adjustmentsByType.every(([, k]) => k > 0)).toBe(true);
    expect(t.households).toBe(result.summary.households);
  };
  check(smallResult());
  check(bigResult(300));
});
