/**
 * Runs `fn` once the browser has painted the next frame: for work the learner does not see (the address
 * bar, the tab title), so it never delays the new page. Runs at once where there are no frames.
 */
export function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') fn();
  else requestAnimationFrame(() => setTimeout(fn, 0));
}
