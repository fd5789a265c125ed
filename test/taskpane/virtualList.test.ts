import { rowAt, rowOffsets, visibleRange } from '../../src/taskpane/components/VirtualList';

describe('virtual list geometry', () => {
  // A group row (28 px) before every two findings (46 px): 28, 46, 46, 28, 46, 46, ...
  const items = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 'g' : 'f'));
  const offsets = rowOffsets(items, (it) => (it === 'g' ? 28 : 46));

  it('stacks rows by their own heights', () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[3]).toBe(120);
    expect(offsets[items.length]).toBe(1000 * 120);
  });

  it('finds the row under any pixel', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 27.9)).toBe(0);
    expect(rowAt(offsets, 28)).toBe(1);
    expect(rowAt(offsets, 120 * 500 + 30)).toBe(1501);
    expect(rowAt(offsets, 1e9)).toBe(items.length - 1);
  });

  it('renders the viewport plus the overscan, never the whole list', () => {
    const [start, end] = visibleRange(offsets, 120 * 500, 600, 5);
    expect(start).toBe(1500 - 5);
    expect(offsets[end]).toBeGreaterThanOrEqual(120 * 500 + 600);
    expect(end - start).toBeLessThan(30);
    expect(
      visibleRange(
        rowOffsets([], () => 10),
        0,
        600,
        5,
      ),
    ).toEqual([0, 0]);
  });
});
