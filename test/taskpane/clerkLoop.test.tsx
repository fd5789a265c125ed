/**
 * @jest-environment jsdom
 *
 * The clerk's loop in the pane (issue #11): checking on opening, one primary button that marks
 * and writes the adjustment roster, focus on the results, Enter in a setting checks, a finding
 * that opens to its whole message and its row, and on the web page a download that says what it
 * holds and a tab that asks before closing with results not downloaded.
 */
import { act } from 'react';
import { sheetFromValues } from '../../src/domain/grid';
import { App } from '../../src/taskpane/App';
import type { PaneActions } from '../../src/taskpane/actions';
import { fakeActions, memorySettings, smallResult } from './fixture';
import { button, click, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const options = (c: HTMLElement) => [...c.querySelectorAll('[role="option"]')];

/** The standalone shell's extras: a file is open and can be downloaded. */
function webActions(result = smallResult()) {
  const actions = fakeActions(result, {
    download: async () => {
      actions.calls.push('download');
      return '儒林镇.checked.xlsx';
    },
  });
  return actions;
}

describe('inside Excel', () => {
  it('checks on opening with the loaded settings, and focus goes to the counts', async () => {
    const actions = fakeActions(smallResult());
    view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
    await flush();
    expect(actions.calls).toEqual(['check 2018-01-15']);
    expect(view.container.querySelector('[data-testid="error-count"]')).not.toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('核查结果');
    expect(document.activeElement?.textContent).toMatch(/错误\s*\d+/);
  });

  it('does not check on opening when not asked to (the web page waits for a file)', async () => {
    const actions = fakeActions(smallResult());
    view = await render(<App actions={actions} settings={memorySettings()} />);
    await flush();
    expect(actions.calls).toEqual([]);
  });

  it('one click after the check marks the cells and writes the adjustment roster', async () => {
    const result = smallResult();
    expect(result.adjustments.length).toBeGreaterThan(0);
    const actions = fakeActions(result);
    view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
    await flush();
    await click(button(view.container, '标注并生成调整花名册'));
    await flush();
    expect(actions.calls.slice(1)).toEqual([`mark zh ${result.findings.length}`, 'generate adjustments exclude=']);
    expect(view.container.textContent).toContain('已标注 3 个单元格，已生成“调整花名册”');
  });

  it('with no household to adjust, marks and says that no adjustment roster was needed', async () => {
    const result = { ...smallResult(), adjustments: [] };
    const actions = fakeActions(result);
    view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
    await flush();
    await click(button(view.container, '标注并生成调整花名册'));
    await flush();
    expect(actions.calls.slice(1)).toEqual([`mark zh ${result.findings.length}`]);
    expect(view.container.textContent).toContain('没有拟调整的户，未生成调整花名册');
  });

  it('Enter in a settings field checks', async () => {
    const actions = fakeActions(smallResult());
    view = await render(<App actions={actions} settings={memorySettings()} />);
    await flush();
    await click(view.container.querySelector('button[aria-expanded]')!);
    const township = [...view.container.querySelectorAll('label')].find((l) => l.textContent === '乡镇')!;
    const input = document.getElementById(township.getAttribute('for')!) as HTMLInputElement;
    await act(async () => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await flush();
    expect(actions.calls).toEqual(['check 2018-01-15']);
  });

  it('清除标注 with nothing marked says so instead of "0 cells restored"', async () => {
    const actions = fakeActions(smallResult(), { clear: async () => 0 });
    view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
    await flush();
    await click(button(view.container, '清除标注'));
    await flush();
    expect(view.container.textContent).toContain('没有需要清除的标注');
    expect(view.container.textContent).not.toContain('恢复 0');
  });
});

describe('公示名单', () => {
  it('names the households left out for unresolved errors', async () => {
    const result = smallResult();
    const actions = fakeActions(result);
    view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
    await flush();
    await click(button(view.container, '更多'));
    const item = [...document.querySelectorAll('[role="menuitem"]')].find((m) => m.textContent === '生成公示名单')!;
    await click(item);
    await flush();
    expect(actions.calls.at(-1)).toBe('generate publicity exclude=');
    const withErrors = [...new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.household!))];
    const who = withErrors.map((h) => `第${result.households[h].row}行 ${result.households[h].headName}`).join('、');
    expect(view.container.textContent).toContain(
      `已生成工作表“publicity”；${withErrors.length}户有未解决的错误，未列入公示：${who}`,
    );
  });
});

describe('a finding opens', () => {
  async function opened(extra: Partial<PaneActions> = {}) {
    const result = smallResult();
    const grid = {
      sheets: [
        sheetFromValues('花名册', [
          ['序号', '村', '户主姓名', '身份证号码', '家庭人口', '保障人数', '家庭月人均收入', '月保障金', '入户调查表'],
          [1, '白云村', '杨秀英', 'x', 2, 2, 100, 304.34, '是'],
          [2, '白云村', '龙春梅', 'y', 3, 3, 50, 400, ''],
          [3, '清溪村', '刘建国', 'z', 1, 1, 300, 10, '是'],
        ]),
      ],
    };
    const actions = fakeActions(result, {
      check: async () => ({ result, sheets: ['花名册'], grid }),
      ...extra,
    });
    view = await render(<App actions={actions} settings={memorySettings()} checkOnOpen />);
    await flush();
    return { result, actions };
  }

  it('to its whole message, the rule and column, and the row as written; a second click closes it', async () => {
    const { result, actions } = await opened();
    const first = options(view!.container)[0];
    const label = first.getAttribute('aria-label')!;
    const finding = result.findings.find((f) => label.includes(f.rule) && label.includes(f.cell ?? '\u0000'))!;
    await click(first);
    expect(actions.calls.at(-1)).toBe(`select 花名册!${finding.cell}`);
    const cells = view!.container.querySelector('ul[aria-label]')!;
    expect(cells.getAttribute('aria-label')).toBe(`第${finding.row}行的内容`);
    expect(cells.textContent).toContain('户主姓名：');
    expect(view!.container.textContent).toContain(`规则 ${finding.rule}`);
    // Not clamped: the opened finding's text is the whole message.
    const row = view!.container.querySelector(`[data-index="${first.getAttribute('data-index')}"]`) as HTMLElement;
    expect(parseFloat(row.style.height)).toBeGreaterThan(46);
    await click(options(view!.container)[0]);
    expect(view!.container.querySelector('ul[aria-label]')).toBeNull();
  });
});

describe('on the web page', () => {
  it('after marking, 下载结果 is the primary button and says what the file holds; downloading clears it', async () => {
    const actions = webActions();
    view = await render(<App actions={actions} settings={memorySettings()} standalone checkOnOpen />);
    await flush();
    const download = button(view.container, '下载结果');
    expect(download.className).not.toMatch(/primary/);
    await click(button(view.container, '标注并生成调整花名册'));
    await flush();
    const highlighted = button(view.container, '下载结果');
    const holds = document.getElementById(highlighted.getAttribute('aria-describedby')!)!;
    expect(holds.textContent).toBe('下载的文件含：问题标注、“调整花名册”表');
    expect(() => button(view!.container, '标注并生成调整花名册')).toThrow();
    await click(highlighted);
    await flush();
    expect(actions.calls.at(-1)).toBe('download');
    expect(highlighted.isConnected && highlighted.getAttribute('aria-describedby')).toBeFalsy();
    expect(button(view.container, '标注并生成调整花名册')).toBeTruthy();
  });

  it('closing the tab asks first while results are not downloaded, and not after', async () => {
    const actions = webActions();
    view = await render(<App actions={actions} settings={memorySettings()} standalone checkOnOpen />);
    await flush();
    const closing = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(closing()).toBe(false);
    await click(button(view.container, '一键标注'));
    await flush();
    expect(closing()).toBe(true);
    await click(button(view.container, '下载结果'));
    await flush();
    expect(closing()).toBe(false);
  });
});
