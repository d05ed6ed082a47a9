// Windowed rendering, framework-free: with a fixed row height, the rows a viewport shows follow
// from the scroll offset alone, so only those (plus some overscan) are ever in the DOM.

export type RowWindow = { start: number; end: number }; // [start, end) row indexes

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 12): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end };
}

// Whether more rows should be fetched: the window reaches within `margin` rows of the loaded end.
export const needsMore = (window: RowWindow, loaded: number, margin = 100) => window.end + margin > loaded;
