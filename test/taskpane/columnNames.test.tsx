/**
 * @jest-environment jsdom
 */
/** 表头对应 in the pane's settings (#10 point 2): the roster's own header for a field reaches the check. */
import type { Policy } from '../../src/domain/policy';
import { App } from '../../src/taskpane/App';
import { fakeActions, memorySettings, smallResult } from './fixture';
import { click, flush, named, render, selectOption, type, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const settingsToggle = (c: HTMLElement) =>
  [...c.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-expanded') !== null && b.textContent?.includes('核查参数'),
  )!;
const buttonNamed = (c: HTMLElement, name: string) =>
  [...c.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;

describe('表头对应', () => {
  it('a field named in the settings is checked with that header and saved with the settings', async () => {
    const policies: Policy[] = [];
    const base = fakeActions(smallResult());
    const actions = {
      ...base,
      check: async (...args: Parameters<typeof base.check>) => {
        policies.push(args[0]);
        return base.check(...args);
      },
    };
    const settings = memorySettings();
    view = await render(<App actions={actions} settings={settings} />);
    await flush();
    await click(settingsToggle(view.container));
    await click(buttonNamed(view.container, '添加'));
    await selectOption(named(view.container, '字段'), 'coveredPersons');
    await type(named(view.container, '表中的列名'), '享受低保人员数');
    await click(buttonNamed(view.container, '开始核查'));
    await flush();
    expect(policies.at(-1)?.columns).toEqual({ coveredPersons: '享受低保人员数' });
    expect(settings.saved.at(-1)?.columns).toEqual([{ field: 'coveredPersons', header: '享受低保人员数' }]);

    await click(named(view.container, '删除“保障人数”的对应'));
    await click(buttonNamed(view.container, '重新核查'));
    await flush();
    expect(policies.at(-1)?.columns).toEqual({});
  });
});
