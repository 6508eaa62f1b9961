import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface RowRange {
  start: number;
  end: number;
}

/**
 * Which rows of a list of fixed-height rows are on screen (plus `overscan` rows each side, and at
 * least `minRows`), following the page's scroll: a 5,000-paper list renders a few dozen rows.
 */
export function useWindowRange(list: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number, minRows: number): RowRange {
  const compute = (): RowRange => {
    const top = list.current?.getBoundingClientRect().top ?? 0;
    const first = Math.max(0, Math.floor(-top / rowHeight));
    const visible = Math.ceil((typeof innerHeight === 'number' ? innerHeight : 800) / rowHeight);
    const start = Math.max(0, Math.min(first - overscan, count - minRows));
    const end = Math.min(count, Math.max(first + visible + overscan, start + minRows));
    return { start, end };
  };
  const [range, setRange] = useState<RowRange>(compute);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = compute();
      setRange((previous) => (previous.start === next.start && previous.end === next.end ? previous : next));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    // Content above the list that grows or shrinks (a panel opening) moves the list without a
    // scroll wherever the browser does not anchor the scroll position.
    const page = new ResizeObserver(schedule);
    page.observe(document.body);
    return () => {
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
      page.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [count, rowHeight]);

  // A shorter list after filtering: clamp at once rather than a frame later.
  const start = Math.max(0, Math.min(range.start, count - minRows));
  return { start, end: Math.min(count, Math.max(range.end, start + minRows)) };
}

/**
 * The indexes of the rows to render, in order (the Tab order follows the list): the range's, and
 * `kept`'s (-1 for none) wherever it is. A row holding the focus is kept: scrolled or resized out of
 * the range and taken off the page, it took the focus with it, and the note being typed went on as
 * the page's keys (x selected a paper, b opened the bulk status menu: QA).
 */
export function renderedIndexes({ start, end }: RowRange, kept: number): number[] {
  const indexes: number[] = [];
  if (kept >= 0 && kept < start) indexes.push(kept);
  for (let index = start; index < end; index++) indexes.push(index);
  if (kept >= end) indexes.push(kept);
  return indexes;
}

/**
 * How tall every row is: `designed()` (px, for the window's width), or more when the rows on screen
 * need more, as with Chrome's minimum font size, so none is cut. Measured before paint after each
 * render; between resizes it only grows, so rows never flicker between two heights.
 */
export function useRowHeight(list: RefObject<HTMLElement | null>, designed: () => number): number {
  const [height, setHeight] = useState(designed);
  const measure = () => {
    let needed = 0;
    for (const row of list.current?.children ?? []) {
      if (!(row instanceof HTMLElement)) continue;
      // scrollHeight holds the padding and whatever overflows; the border is outside it.
      needed = Math.max(needed, row.scrollHeight + row.offsetHeight - row.clientHeight);
    }
    if (needed > height) setHeight(Math.ceil(needed));
  };
  useLayoutEffect(measure);
  useEffect(() => {
    // Zoomed, widened or narrowed, or the minimum font size lowered: from the height designed for
    // the new width, measured anew after the render.
    const remeasure = () => setHeight(designed());
    addEventListener('resize', remeasure);
    return () => removeEventListener('resize', remeasure);
  }, [designed]);
  return height;
}

/**
 * Keeps the rows on screen where they are when rows come or go above them (a paper saved in
 * another tab, under "Newest added"): rows are placed by index, so the browser's own scroll
 * anchoring cannot, and the list moved a row under the reader. `viewTop`: where the window's
 * visible part starts (below the sticky toolbar). A new search, filter or order (`query`) is
 * shown from its top instead.
 */
export function useScrollAnchor(list: RefObject<HTMLElement | null>, rows: readonly { id: string }[], rowHeight: number, viewTop: () => number, query: string): void {
  const before = useRef<{ rows: readonly { id: string }[]; rowHeight: number; query: string } | null>(null);
  // How far down the list the window is, in rows, as the reader last saw it (after a scroll or a
  // render). Rows that grow or shrink (the window narrowed or widened) leave the pixel position as
  // it was, which is another row deep in the list (row 1,495 at 1,200 px wide showed 1,190 at 700:
  // QA): the window is put back at that row.
  const rowsAbove = useRef(0);
  const latest = useRef({ rowHeight, viewTop });
  latest.current = { rowHeight, viewTop };
  const seen = () => {
    const element = list.current;
    if (element) rowsAbove.current = (latest.current.viewTop() - element.getBoundingClientRect().top) / latest.current.rowHeight;
  };
  useEffect(() => {
    addEventListener('scroll', seen, { passive: true });
    return () => removeEventListener('scroll', seen);
  }, []);
  useLayoutEffect(() => {
    const previous = before.current;
    before.current = { rows, rowHeight, query };
    const element = list.current;
    if (previous && element && previous.query === query && previous.rowHeight !== rowHeight && rowsAbove.current > 0) {
      scrollBy({ top: rowsAbove.current * rowHeight - (viewTop() - element.getBoundingClientRect().top), behavior: 'instant' });
    }
    seen();
    if (!previous || !element || previous.query !== query || previous.rowHeight !== rowHeight) return;
    // Not scrolled yet: the window is where it was, so the row first on screen is the previous
    // rows' at this index. Only once the list is scrolled into: above it, new papers are seen.
    const above = viewTop() - element.getBoundingClientRect().top;
    if (above <= 0) return;
    const index = Math.floor(above / rowHeight);
    const id = previous.rows[index]?.id;
    if (id === undefined || rows[index]?.id === id) return;
    const now = rows.findIndex((row) => row.id === id);
    if (now >= 0) scrollBy({ top: (now - index) * rowHeight, behavior: 'instant' });
  }, [rows, rowHeight, query]);
}

/**
 * Keeps the rows where they are on screen when what stands above the list changes height while the
 * reader's pointer or focus is in it: the Undo bar a Remove brings (and takes away 10 s later), the
 * selection's bar the first checkbox brings, the line on papers waiting for arXiv. They pushed the
 * rows 49–116 px under the pointer, and the next click landed beside the control it was aimed at,
 * on another row's (QA). The window scrolls by as much, as the browser's own scroll anchoring
 * would if the rows were not placed by index. `shown`: whether the list is on the page.
 */
export function useRowsStayPut(list: RefObject<HTMLElement | null>, shown: boolean): void {
  useEffect(() => {
    const element = list.current;
    if (!shown || !element) return;
    // Where the list starts in the window as the reader last saw it: a scroll (theirs) moves it. Not
    // its place in the page: at the page's end, a shorter page scrolls up by itself, and the rows
    // moved twice (review).
    const windowTop = () => element.getBoundingClientRect().top;
    let seen = windowTop();
    const scrolled = () => void (seen = windowTop());
    // Where the reader's pointer last moved or pressed: not where the page slid under a still pointer
    // (an import's rows coming under it, then its result line: the window scrolled under a click on Select all).
    let pointerIn = false;
    const pointed = (event: PointerEvent) => {
      if (event.type === 'pointermove' && event.movementX === 0 && event.movementY === 0) return;
      pointerIn = element.contains(event.target as Node);
    };
    const observer = new ResizeObserver(() => {
      const moved = windowTop() - seen;
      if (moved !== 0 && (pointerIn || element.contains(document.activeElement))) scrollBy({ top: moved, behavior: 'instant' });
      seen = windowTop();
    });
    // What is above the list: the sticky top (toolbar, the bars, Lost edits) and the export and import
    // controls; their padding too (a narrow window's is smaller).
    for (let above = element.previousElementSibling; above; above = above.previousElementSibling) observer.observe(above, { box: 'border-box' });
    addEventListener('pointermove', pointed, true);
    addEventListener('pointerdown', pointed, true);
    addEventListener('scroll', scrolled, { passive: true });
    return () => {
      observer.disconnect();
      removeEventListener('pointermove', pointed, true);
      removeEventListener('pointerdown', pointed, true);
      removeEventListener('scroll', scrolled);
    };
  }, [shown]);
}
