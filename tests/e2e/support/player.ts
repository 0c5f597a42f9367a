import type { BrowserContext, Page } from 'playwright-core';

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

/**
 * A slow network for the requests matching `pattern`: they wait until the returned `release` is called
 * (and `requested` tells how many have been asked for meanwhile).
 */
export async function holdBack(
  context: BrowserContext,
  pattern: string,
): Promise<{ release: () => void; requested: () => number }> {
  let release = () => {};
  const arrives = new Promise<void>((done) => (release = done));
  let asked = 0;
  await context.route(pattern, async (route) => {
    asked++;
    await arrives;
    await route.continue();
  });
  return { release, requested: () => asked };
}
