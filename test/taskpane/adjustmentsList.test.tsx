/**
 * @jest-environment jsdom
 */
/**
 * The 调整 tab at a county's size: 20,000 proposed adjustments are a virtual list (a few dozen
 * lines in the page, not 20,000), reached by keyboard (↓, End, Space ticks and unticks) and by a
 * click on the line's box, which changes the household once.
 */
import { act, useState } from 'react';
import { AdjustmentsTab } from '../../src/taskpane/components/AdjustmentsTab';
import type { Adjustment } from '../../src/domain/types';
import { smallResult } from './fixture';
import { click, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

function county(n: number): Adjustment[] {
  const model = smallResult().adjustments[0];
  return Array.from({ length: n }, (_, i) => ({ ...model, household: i, row: i + 2, headName: `户主${i}` }));
}

function Tab(props: { adjustments: Adjustment[] }) {
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  return (
    <AdjustmentsTab
      adjustments={props.adjustments}
      excluded={excluded}
      onToggle={(household, include) =>
        setExcluded((was) => {
          const next = new Set(was);
          if (include) next.delete(household);
          else next.add(household);
          return next;
        })
      }
      onGenerate={() => undefined}
      busy={false}
    />
  );
}

const options = (c: HTMLElement) => [...c.querySelectorAll('[role="option"]')];

describe('调整 tab', () => {
  it('draws a screenful of 20,000 adjustments, reaches the last by keyboard and unticks it', async () => {
    view = await render(<Tab adjustments={county(20_000)} />);
    const c = view.container;
    expect(c.textContent).toContain('列入调整花名册 20,000 / 20,000 户');
    expect(options(c).length).toBeGreaterThan(5);
    expect(options(c).length).toBeLessThan(40);
    expect(c.querySelectorAll('input[type="checkbox"]').length).toBe(options(c).length);

    const list = c.querySelector('[role="listbox"]') as HTMLElement;
    expect(list.getAttribute('aria-label')).toBe('调整');
    const key = (k: string) =>
      act(async () => void list.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    await act(async () => list.focus());
    await key('End');
    const active = () => c.ownerDocument.getElementById(list.getAttribute('aria-activedescendant')!)!;
    expect(active().getAttribute('aria-label')).toContain('把 户主19999 列入调整花名册 （已列入）');
    expect(options(c).length).toBeLessThan(40);

    await key(' ');
    expect(c.textContent).toContain('列入调整花名册 19,999 / 20,000 户');
    expect(active().getAttribute('aria-label')).toContain('户主19999 列入调整花名册 （未列入）');
    expect((active().querySelector('input[type="checkbox"]') as HTMLInputElement).checked).toBe(false);

    await key('ArrowUp');
    expect(active().getAttribute('aria-label')).toContain('户主19998');
    await key('Enter');
    expect(c.textContent).toContain('列入调整花名册 19,998 / 20,000 户');
    await key('Home');
    expect(active().getAttribute('aria-label')).toContain('户主0 ');
  });

  it('a click on a line’s box changes that household once', async () => {
    view = await render(<Tab adjustments={county(30)} />);
    const c = view.container;
    const boxes = () => [...c.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    await click(boxes()[2]);
    expect(c.textContent).toContain('列入调整花名册 29 / 30 户');
    expect(
      boxes()
        .map((b) => b.checked)
        .indexOf(false),
    ).toBe(2);
    await click(boxes()[2]);
    expect(c.textContent).toContain('列入调整花名册 30 / 30 户');
  });
});
