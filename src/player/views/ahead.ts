// Pages built before the learner asks for them: the page before and the page after the one on screen,
// kept hidden, so a page turn shows a page that already exists instead of building it.

/** The pages to keep built around `current`, in the material's order: the one before, itself, the one after. */
export function pagesAround(order: readonly string[], current: string): string[] {
  const at = order.indexOf(current);
  if (at < 0) return [current];
  return order.slice(Math.max(0, at - 1), at + 2);
}

/**
 * The pages in the document: those built so far and the one on screen, in the material's order, so a
 * page already in the document never moves (moving it would cost a layout and drop focus inside it).
 */
export function pageSlots(order: readonly string[], built: readonly string[], current: string): string[] {
  const wanted = new Set([...built, current]);
  const inOrder = order.filter((id) => wanted.has(id));
  return inOrder.includes(current) ? inOrder : [...inOrder, current];
}

/** The space between two pages on the track, so nothing of a neighbour shows in the column's clip margin. */
export const PAGE_GAP = '2rem';

/**
 * Where a page stands on the track, as a CSS length from the track's start: its place in the material's
 * order (a page the order does not list goes after the others, as in `pageSlots`), one column and a gap each.
 */
export function trackPlace(order: readonly string[], id: string): string {
  const at = order.indexOf(id);
  return `calc(${at < 0 ? order.length : at} * (100% + ${PAGE_GAP}))`;
}

/**
 * Draws a figure once, off screen, at the size the page shows it: an SVG figure lays out its own
 * document and records its drawing on first paint (5–10 ms on a laptop, four times that on a phone);
 * done while the learner reads, the page turn finds it ready.
 */
export function warmImage(img: HTMLImageElement): void {
  const width = img.clientWidth;
  const height = img.clientHeight;
  if (!width || !height || typeof OffscreenCanvas !== 'function') return;
  new OffscreenCanvas(width, height).getContext('2d')?.drawImage(img, 0, 0, width, height);
}
