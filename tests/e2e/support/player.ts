import type { Page } from 'playwright-core';

/** waits until the app has hydrated (or mounted) and read the learner's progress */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
}

/** presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses */
export async function tabTo(page: Page, matches: (el: Element) => boolean, max = 60): Promise<void> {
  const test = matches.toString();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((source) => {
      const el = document.activeElement;
      // biome-ignore lint/security/noGlobalEval: the predicate is the test's own function, passed as text
      return el ? (0, eval)(`(${source})`)(el) === true : false;
    }, test);
    if (found) return;
  }
  throw new Error(`no focusable element matched after ${max} Tab presses: ${test}`);
}

export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
