/**
 * A small windowing list: only the rows inside the viewport (plus a few either side) are in the
 * DOM, so 10,000 findings scroll as smoothly as 10. Each kind of row has a fixed height, which
 * keeps the position of any row a prefix sum and the first visible row a binary search.
 *
 * Keyboard: the list is one tab stop (role listbox); ↑/↓ move between selectable rows, PgUp/PgDn
 * by a screenful, Home/End to the ends, Enter or Space activates. The active row is announced
 * through aria-activedescendant and is always scrolled into view (so it is always rendered).
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** A rendered line's state: the active line, and whether the list has the keyboard focus. */
export interface RowState {
  active: boolean;
  focused: boolean;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Top of each row, offsets[items.length] the total height (listOffsets for the findings). */
  offsets: Float64Array;
  getKey: (item: T) => string;
  isSelectable: (item: T) => boolean;
  renderItem: (item: T, state: RowState) => ReactNode;
  onActivate: (item: T) => void;
  /** Accessible name of a selectable row (defaults to its text content). */
  itemLabel?: (item: T) => string;
  /** Accessible name of the list. */
  label: string;
  /** Height of the scrolling viewport in px; defaults to filling the parent (CSS height 100%). */
  height?: number;
  /** Rows rendered beyond the viewport on each side. */
  overscan?: number;
  /** Used until the viewport has been measured (and in environments without layout). */
  fallbackViewport?: number;
  className?: string;
}

/** Index of the row that covers pixel y (the last row whose top is ≤ y). */
export function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rows to render for a scroll position: [start, end). */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan: number,
): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  const first = rowAt(offsets, scrollTop);
  const last = rowAt(offsets, scrollTop + viewport);
  return [Math.max(0, first - overscan), Math.min(n, last + 1 + overscan)];
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, offsets, getKey, isSelectable, renderItem, onActivate, label } = props;
  const overscan = props.overscan ?? 6;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(props.height ?? props.fallbackViewport ?? 480);
  const [active, setActiveState] = useState(-1);
  // Mirrors `active` synchronously: focus and click handlers run in the same tick.
  const activeRef = useRef(-1);
  const setActive = useCallback((i: number) => {
    activeRef.current = i;
    setActiveState(i);
  }, []);
  const [focused, setFocused] = useState(false);
  const baseId = useId();

  const total = offsets[items.length];

  // A new list (filter, search, new result) starts at the top with nothing active.
  useEffect(() => {
    setActive(-1);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [items, setActive]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);

  const scrollIntoView = useCallback(
    (i: number) => {
      const el = scroller.current;
      if (!el) return;
      // Bring the row's group header along when moving up onto a group's first finding.
      const top = offsets[i] - (i > 0 && !isSelectable(items[i - 1]) ? offsets[i] - offsets[i - 1] : 0);
      const bottom = offsets[i + 1];
      if (top < el.scrollTop) el.scrollTop = top;
      else if (bottom > el.scrollTop + viewport) el.scrollTop = bottom - viewport;
      setScrollTop(el.scrollTop);
    },
    [offsets, items, isSelectable, viewport],
  );

  const step = useCallback(
    (from: number, dir: 1 | -1): number => {
      for (let i = from + dir; i >= 0 && i < items.length; i += dir) if (isSelectable(items[i])) return i;
      return from;
    },
    [items, isSelectable],
  );

  /** Row i if selectable, else the nearest selectable row towards dir (or the other way); -1 if none. */
  const nearest = useCallback(
    (i: number, dir: 1 | -1): number => {
      const at = Math.min(items.length - 1, Math.max(0, i));
      if (isSelectable(items[at])) return at;
      const there = step(at, dir);
      if (there !== at) return there;
      const back = step(at, dir === 1 ? -1 : 1);
      return back !== at ? back : -1;
    },
    [items, isSelectable, step],
  );

  const moveTo = useCallback(
    (i: number) => {
      if (i < 0 || i >= items.length) return;
      setActive(i);
      scrollIntoView(i);
    },
    [items.length, scrollIntoView, setActive],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    const page = Math.max(1, Math.floor(viewport / (total / items.length)));
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = active < 0 ? nearest(0, 1) : step(active, 1);
        break;
      case 'ArrowUp':
        next = active < 0 ? nearest(0, 1) : step(active, -1);
        break;
      case 'Home':
        next = nearest(0, 1);
        break;
      case 'End':
        next = nearest(items.length - 1, -1);
        break;
      case 'PageDown':
        next = nearest(Math.max(active, 0) + page, 1);
        break;
      case 'PageUp':
        next = nearest(active - page, -1);
        break;
      case 'Enter':
      case ' ':
        if (active >= 0) onActivate(items[active]);
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    moveTo(next);
  };

  const [start, end] = visibleRange(offsets, scrollTop, viewport, overscan);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i];
    const selectable = isSelectable(item);
    rows.push(
      <div
        key={getKey(item)}
        id={selectable ? `${baseId}-${i}` : undefined}
        role={selectable ? 'option' : 'presentation'}
        aria-selected={selectable ? i === active : undefined}
        aria-label={selectable ? props.itemLabel?.(item) : undefined}
        data-index={i}
        style={{ position: 'absolute', top: offsets[i], left: 0, right: 0, height: offsets[i + 1] - offsets[i] }}
        onMouseDown={(e) => e.preventDefault() /* keep focus on the list, not the row */}
        onClick={
          selectable
            ? () => {
                setActive(i);
                scroller.current?.focus();
                onActivate(item);
              }
            : undefined
        }
      >
        {renderItem(item, { active: i === active, focused })}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className={props.className}
      role="listbox"
      aria-label={label}
      aria-activedescendant={active >= 0 ? `${baseId}-${active}` : undefined}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onFocus={() => {
        setFocused(true);
        // Start from the first row on screen, so the active row is one the clerk can see.
        if (activeRef.current < 0 && items.length) setActive(nearest(rowAt(offsets, scrollTop), 1));
      }}
      onBlur={() => setFocused(false)}
      style={{ position: 'relative', overflowY: 'auto', height: props.height ?? '100%' }}
    >
      <div style={{ position: 'relative', height: total }}>{rows}</div>
    </div>
  );
}
