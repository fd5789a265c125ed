/**
 * @jest-environment jsdom
 */
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { RosterError } from '../../src/domain/errors';
import { bigResult, fakeActions, memorySettings, smallResult } from './fixture';
import { button, click, flush, named, render, selectOption, type, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

async function checked(result = smallResult(), actions = fakeActions(result)) {
  const settings = memorySettings();
  view = await render(<App actions={actions} settings={settings} />);
  await click(button(view.container, '开始核查'));
  await flush();
  return { view, actions, result, settings };
}

const options = (c: HTMLElement) => [...c.querySelectorAll('[role="option"]')];

describe('task pane', () => {
  it('checks with the saved settings and shows the counts of errors and warnings', async () => {
    const { view, actions, result, settings } = await checked();
    expect(actions.calls[0]).toBe('check 2018-01-15');
    expect(settings.saved.at(-1)?.asOf).toBe('2018-01-15');
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(view.container.querySelector('[data-testid="error-count"]')!.textContent).toBe(String(errors));
    expect(view.container.querySelector('[data-testid="warning-count"]')!.textContent).toBe(
      String(result.findings.filter((f) => f.severity === 'warning').length),
    );
    expect(view.container.textContent).toContain('第3行');
    expect(view.container.textContent).toContain('龙春梅 · 白云村');
  });

  it('shows the last ribbon command’s result when it opens', async () => {
    view = await render(
      <App
        actions={fakeActions(smallResult())}
        settings={memorySettings()}
        initialNotice={{ ok: false, zh: '上次功能区操作：未找到花名册表头', en: 'header not found' }}
      />,
    );
    expect(view.container.textContent).toContain('上次功能区操作：未找到花名册表头');
  });

  it('says when another sheet also looks like a roster and was not checked', async () => {
    const result = smallResult();
    result.roster.otherCandidates = ['丹口镇'];
    const { view } = await checked(result);
    expect(view.container.textContent).toContain('工作表“丹口镇”也像花名册，未核查');
  });

  it('names the roster it found and checks again on another sheet chosen with 更换', async () => {
    const { view, actions } = await checked();
    expect(view.container.textContent).toContain('花名册（表头第1行，3户）');
    await click(button(view.container, '更换'));
    const sheet = view.container.querySelector('select[aria-label="花名册所在工作表"]') as HTMLSelectElement;
    await selectOption(sheet, '家庭成员');
    await flush();
    expect(actions.calls.at(-1)).toBe('check 2018-01-15 家庭成员');
  });

  it('says so plainly when nothing is wrong', async () => {
    const clean = smallResult();
    const { view } = await checked({ ...clean, findings: [] });
    expect(view.container.textContent).toContain('未发现问题：3户全部符合要求');
  });

  it('narrows the list by severity, category, village and search', async () => {
    const { view, result } = await checked();
    const all = options(view.container).length;
    expect(all).toBe(result.findings.length);
    await selectOption(named(view.container, '类别'), 'DOC');
    expect(options(view.container)).toHaveLength(1);
    expect(options(view.container)[0].textContent).toContain('DOC-01');
    await selectOption(named(view.container, '类别'), '');
    await selectOption(named(view.container, '村'), '清溪村');
    expect(options(view.container).every((o) => o.getAttribute('aria-label')!.includes('刘建国'))).toBe(true);
    await selectOption(named(view.container, '村'), '\u0000');
    await type(named(view.container, '搜索'), '龙春梅');
    expect(options(view.container).length).toBe(result.findings.filter((f) => f.household === 1).length);
    await type(named(view.container, '搜索'), '没有这个人');
    expect(view.container.textContent).toContain('没有符合筛选条件的问题');
  });

  it('selects a finding on click, and with the keyboard (arrows + Enter)', async () => {
    const { view, actions } = await checked();
    const first = options(view.container)[0];
    await click(first);
    expect(actions.calls.at(-1)).toMatch(/^select 花名册!/);
    const list = view.container.querySelector('[role="listbox"]') as HTMLElement;
    const key = (k: string) =>
      act(async () => void list.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    await key('ArrowDown');
    const active = list.getAttribute('aria-activedescendant')!;
    expect(view.container.ownerDocument.getElementById(active)!.getAttribute('aria-selected')).toBe('true');
    await key('Enter');
    const second = options(view.container)[1].getAttribute('aria-label')!;
    expect(second).toContain(actions.calls.at(-1)!.split('!')[1]);
  });

  it('marks, clears and generates the adjustment roster without the unticked households', async () => {
    const { view, actions, result } = await checked();
    await click(button(view.container, '一键标注'));
    await flush();
    expect(actions.calls).toContain(`mark zh ${result.findings.length}`);
    expect(view.container.textContent).toContain('已标注 3 个单元格');
    await click(button(view.container, '清除标注'));
    await flush();
    expect(actions.calls).toContain('clear');

    await click([...view.container.querySelectorAll('[role="tab"]')].find((t) => t.textContent!.startsWith('调整'))!);
    const boxes = [...view.container.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes).toHaveLength(result.adjustments.length);
    await click(boxes[0]);
    await click(button(view.container, '生成调整花名册'));
    await flush();
    expect(actions.calls.at(-1)).toBe(`generate adjustments exclude=${result.adjustments[0].household}`);
    expect(view.container.textContent).toContain('已生成工作表“调整花名册”');
  });

  it('shows a failure in the clerk’s language, the other behind a toggle, never a stack', async () => {
    const failing = fakeActions(smallResult(), {
      check: async () => {
        const e = new RosterError('sheet-not-found', { name: '二月', sheets: ['花名册'] });
        throw Object.assign(e, { stack: 'boom\n    at something (file.js:1:1)' });
      },
    });
    view = await render(<App actions={failing} settings={memorySettings()} />);
    await click(button(view.container, '开始核查'));
    await flush();
    const text = view.container.textContent!;
    expect(text).toContain('找不到工作表“二月”。本工作簿的工作表：花名册');
    expect(text).not.toContain('（Sheet "二月" not found');
    const other = view.container.querySelector('details')!;
    expect(other.open).toBe(false);
    expect(other.querySelector('summary')!.textContent).toBe('English');
    expect(other.textContent).toContain('Sheet "二月" not found. Sheets in this workbook: 花名册');
    expect(text).not.toContain('at something');
  });

  it('switches the whole pane to English', async () => {
    const { view } = await checked();
    await click(view.container.querySelector('button[aria-label="English"]')!);
    expect(button(view.container, 'Mark cells')).toBeTruthy();
    expect(view.container.textContent).toContain('Row 3');
  });

  it('keeps only a window of rows in the DOM at 10,000 findings', async () => {
    const big = bigResult(5000);
    expect(big.findings.length).toBeGreaterThanOrEqual(10000);
    const { view } = await checked(big);
    const rendered = view.container.querySelectorAll('[data-index]').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(view.container.textContent).toContain(`显示 ${big.findings.length.toLocaleString('zh-CN')}`);
  });
});
