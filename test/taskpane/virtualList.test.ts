import { rowAt, visibleRange } from '../../src/taskpane/components/VirtualList';
import { listOffsets } from '../../src/taskpane/model/findingRows';

const HEIGHTS = { group: 28, finding: 46 };

describe('virtual list geometry', () => {
  // A group row (28 px) before every two findings (46 px): 28, 46, 46, 28, 46, 46, ...
  const items = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? ~(i / 3) : i));
  const offsets = listOffsets(items, HEIGHTS, -1, 0);

  it('stacks rows by their own heights, the opened finding by its own', () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[3]).toBe(120);
    expect(offsets[items.length]).toBe(1000 * 120);
    const opened = listOffsets(items, HEIGHTS, 4, 100);
    expect([opened[4], opened[5], opened[items.length]]).toEqual([120 + 28, 120 + 28 + 100, 1000 * 120 + 54]);
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
    expect(visibleRange(listOffsets([], HEIGHTS, -1, 0), 0, 600, 5)).toEqual([0, 0]);
  });
});
