import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { horizontalOverflow, ready } from './support/player.ts';
import { E2E_SITE } from './support/site.ts';
import { type StaticServer, serveStatic } from './support/static-server.ts';

// Accessibility (axe-core, WCAG 2.1 AA: no serious or critical violation) and small screens (360 px,
// no horizontal scroll) on every kind of screen, in both languages and in dark mode.

interface Screen {
  name: string;
  path: string;
  /** brings the screen into the state to check */
  prepare?: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  { name: 'home', path: '' },
  { name: 'cover', path: 'akuntabel/' },
  {
    name: 'page with a pop-up open',
    path: 'akuntabel/gratifikasi/',
    prepare: async (page) => {
      await page.locator('.blocks .popup button').first().click();
      await page.waitForSelector('dialog[open]');
      // measured once its opening animation has ended: mid-animation boxes have fractional edges
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
    },
  },
  {
    name: 'page with a table and a figure',
    path: 'akuntabel/tingkatan-akuntabilitas/',
    prepare: async (page) => {
      await page.locator('.blocks details.description summary').first().click();
    },
  },
  { name: 'page with a check and a reflection', path: 'akuntabel/rangkuman-akuntabel/' },
  { name: 'done', path: 'akuntabel/_selesai/' },
  {
    name: 'search',
    path: '_alat/cari/',
    prepare: async (page) => {
      await page.fill('#q', 'integritas');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.results li');
    },
  },
  { name: 'glossary', path: '_alat/glosarium/' },
  { name: 'regulation library', path: '_alat/regulasi/' },
  { name: 'notes', path: '_alat/catatan/' },
  { name: 'print view', path: 'akuntabel/_cetak/' },
  {
    name: 'menu',
    path: '',
    prepare: async (page) => {
      await page.locator('header button', { hasText: /Menu/ }).click();
      await page.waitForSelector('dialog[open] nav');
    },
  },
];

const MODES = [
  { name: 'Bahasa Indonesia, light', lang: 'id', theme: 'light' },
  { name: 'English, light', lang: 'en', theme: 'light' },
  { name: 'Bahasa Indonesia, dark', lang: 'id', theme: 'dark' },
  { name: 'English, dark', lang: 'en', theme: 'dark' },
] as const;

describe.skipIf(!hasChromium())('player: accessibility and small screens', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic({ root: E2E_SITE });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const mode of MODES) {
    it(`no serious or critical axe violation on any screen (${mode.name})`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: mode.theme,
        serviceWorkers: 'block',
      });
      await context.addInitScript(
        (settings) => {
          localStorage.setItem('lentera:settings', JSON.stringify(settings));
        },
        { lang: mode.lang, theme: mode.theme },
      );
      const page = await context.newPage();
      const problems: string[] = [];
      for (const screen of SCREENS) {
        await page.goto(server.url + screen.path);
        await ready(page);
        await screen.prepare?.(page);
        if (mode.lang === 'en')
          expect(await page.locator('.skip-link').textContent()).toBe('Skip to content');
        for (const v of await seriousViolations(page)) problems.push(`${screen.name}: ${v}`);
      }
      expect(problems).toEqual([]);
      await context.close();
      // thirteen screens through axe-core: a shared 2-core machine needs more than the default minute
    }, 150_000);
  }

  it('at 360 px no screen scrolls sideways, and touch targets are at least 44 px', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const screen of SCREENS) {
      await page.goto(server.url + screen.path);
      await ready(page);
      await screen.prepare?.(page);
      // boxes are measured at rest: mid-animation (a dialog rising into place) their edges are fractional
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${screen.name}: ${overflow}px wider than the screen`);
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            'button, .button, header a, .pager a, .toc a, label:has(input[type=radio])',
          ),
        ]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.height > 0 && r.height < 44)
          .map(
            ({ el, r }) =>
              `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(r.height)}px`,
          ),
      );
      for (const s of small) problems.push(`${screen.name}: ${s}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
