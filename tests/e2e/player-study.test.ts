import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { focusedText, holdBack, ready, tabTo } from './support/player.ts';
import { E2E_SITE } from './support/site.ts';
import { type StaticServer, serveStatic } from './support/static-server.ts';

// A learner studies the BerAKHLAK course from the static export, in Chromium.

describe.skipIf(!hasChromium())('player: studying', () => {
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

  async function open(context: BrowserContext, path = ''): Promise<Page> {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url + path);
    await ready(page);
    return page;
  }

  it('keyboard only: a material read to "selesai", a pop-up opened and closed, progress shown at home', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context);

    await tabTo(page, (el) => el.tagName === 'A' && el.textContent?.trim() === 'Berorientasi Pelayanan');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Berorientasi Pelayanan');
    expect(await page.locator('h1').textContent()).toBe('Berorientasi Pelayanan');

    await tabTo(page, (el) => el.textContent?.trim() === 'Mulai materi');
    await page.keyboard.press('Enter');
    // the cover's title has the same id: wait for the first page's own title
    await expect.poll(() => page.locator('h1').textContent()).not.toBe('Berorientasi Pelayanan');
    expect(await page.locator('h1').getAttribute('id')).toBe('main-title');

    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const title = (await page.locator('h1').textContent())?.trim() ?? '';
      if (/selesai$/.test(title)) break;
      seen.push(title);
      // the title has focus after each move, so a screen reader announces the new page
      await expect.poll(() => focusedText(page)).toBe(title);
      const popup = page.locator('.blocks .popup button');
      if ((await popup.count()) > 0) {
        const label = (await popup.first().textContent())?.trim() ?? '';
        await tabTo(page, (el) => el.matches('.blocks .popup button'));
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
        expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
        expect(await focusedText(page)).toBe(label);
        seen.push('popup');
      }
      // time on the page: the read rule counts it
      await page.clock.runFor(6000);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('h1').textContent()).not.toBe(title);
    }
    expect(await page.locator('h1').textContent()).toBe('Materi 1 selesai'.replace('1', '2'));
    expect(seen).toContain('popup');
    expect(seen.filter((s) => s !== 'popup')).toHaveLength(6);
    await expect.poll(() => page.locator('.lead').textContent()).toContain('6 dari 6');

    await tabTo(page, (el) => el.textContent?.trim() === 'Kembali ke beranda');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Bangga Melayani Bangsa');
    const card = page.locator('li.material', { hasText: 'Berorientasi Pelayanan' });
    expect(await card.locator('.count').textContent()).toContain('6 dari 6 halaman selesai');
    await context.close();
  });

  it('a study page works before the app has loaded: pop-up, arrow keys, and what was done is kept', async () => {
    const context = await browser.newContext();
    // a slow network: the app's script does not arrive until the test lets it
    const { release } = await holdBack(context, '**/assets/main-*.js');
    const page = await context.newPage();
    await page.goto(`${server.url}berorientasi-pelayanan/nilai-dasar-kode-etik-kode-perilaku/`);
    expect(await page.locator('h1').textContent()).toBe('Nilai Dasar, Kode Etik, dan Kode Perilaku');
    expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();

    // the pop-up opens from the keyboard with its content (a regulation card inside), Esc closes it
    await tabTo(page, (el) => el.matches('.blocks .popup button'));
    const label = await focusedText(page);
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[open]');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await focusedText(page)).toBe('Prinsip ASN sebagai profesi');
    expect(await dialog.textContent()).toContain('profesionalitas jabatan');
    expect(await dialog.locator('.resource h3, .resource h4').first().textContent()).toContain(
      'Nomor 5 Tahun 2014',
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedText(page)).toBe(label);

    // the arrow key follows the Next link: a page of its own, still without the app
    await page.keyboard.press('ArrowRight');
    await page.waitForURL('**/panduan-perilaku-berorientasi-pelayanan/');
    expect(await page.locator('h1').textContent()).toBe('Panduan Perilaku Berorientasi Pelayanan');
    expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();

    // the app arrives and takes over; the first page counts as seen, its pop-up as opened
    release();
    await ready(page);
    const firstPageSeen = () =>
      page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.endsWith(':learner')) ?? '';
        return JSON.parse(localStorage.getItem(key) ?? '{}').pages?.['nilai-dasar-kode-etik-kode-perilaku']
          ?.seen;
      });
    await expect.poll(firstPageSeen).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Nilai Dasar, Kode Etik, dan Kode Perilaku');
    await expect.poll(() => page.locator('.blocks .popup button.seen').count()).toBe(1);
    await context.close();
  });

  it('a figure keeps its space before its picture arrives, so the text below it does not move', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const { release } = await holdBack(context, '**/media/*.svg');
    const page = await context.newPage();
    await page.goto(`${server.url}akuntabel/tingkatan-akuntabilitas/`);
    const figure = page.locator('.blocks figure').first();
    const caption = figure.locator('figcaption');
    const picture = figure.locator('img');
    expect(await picture.evaluate((img) => (img as HTMLImageElement).complete)).toBe(false);
    const before = await caption.boundingBox();
    const box = await picture.boundingBox();
    // the drawing is square: as tall as the column is wide, before a byte of it has arrived
    expect(box?.height).toBeGreaterThan(250);
    expect(Math.abs((box?.height ?? 0) - (box?.width ?? 0))).toBeLessThan(2);
    release();
    await expect
      .poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect((await caption.boundingBox())?.y).toBe(before?.y);
    await context.close();
  });

  it('Menu pressed before the app has loaded opens as soon as the app arrives', async () => {
    const context = await browser.newContext();
    const { release, requested } = await holdBack(context, '**/assets/main-*.js');
    const page = await context.newPage();
    await page.goto(`${server.url}berorientasi-pelayanan/nilai-dasar-kode-etik-kode-perilaku/`);
    expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();

    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    // the press is not lost: the button says it is busy while the app is on its way
    expect(await menu.getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(requested).toBeGreaterThan(0);

    release();
    await ready(page);
    const dialog = page.getByRole('dialog', { name: 'Menu' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => dialog.getByRole('link', { name: /Beranda/ }).count()).toBeGreaterThan(0);
    expect(await menu.getAttribute('aria-busy')).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });

  it('the next page is built while the learner reads: out of reach of Tab and screen readers, then shown as it is', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}akuntabel/pengertian-akuntabilitas/`);
    await ready(page);
    // built in the background once the whole material is there
    const ahead = page.locator('.study .ahead');
    await expect.poll(() => ahead.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await ahead.first().getAttribute('aria-hidden')).toBe('true');
    expect(await ahead.first().evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    // out of view: beside the column, clipped by it (nothing of it can be seen or clicked), and the page
    // does not scroll sideways to it
    const hidden = (el: Element) => {
      const box = el.getBoundingClientRect();
      const column = el.closest('.pages')?.getBoundingClientRect();
      if (!column || !(box.right <= column.left || box.left >= column.right)) return false;
      const x = Math.min(Math.max(box.left + 20, 0), document.documentElement.clientWidth - 1);
      const y = Math.min(column.top + 40, innerHeight - 1);
      return !document.elementFromPoint(x, y)?.closest('.ahead');
    };
    for (const el of await ahead.all()) expect(await el.evaluate(hidden)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(
      await page.evaluate(() => document.documentElement.clientWidth),
    );
    expect(await page.locator('.study .blocks').count()).toBe(1);
    // Tab goes from the text to the pager without entering a page built ahead
    await tabTo(page, (el) => el.matches('.pager a[rel="next"]'));
    expect(await page.evaluate(() => !!document.activeElement?.closest('.ahead'))).toBe(false);

    // the page turned to is the element built ahead (after the one on screen), now shown
    const next = ahead.last();
    expect(await next.evaluate((el) => el.previousElementSibling?.classList.contains('blocks'))).toBe(true);
    await next.evaluate((el) => {
      (el as HTMLElement & { builtAhead?: boolean }).builtAhead = true;
    });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lima Tingkatan Akuntabilitas');
    const shown = page.locator('.study .blocks');
    expect(await shown.evaluate((el) => (el as HTMLElement & { builtAhead?: boolean }).builtAhead)).toBe(
      true,
    );
    expect(await shown.getAttribute('aria-hidden')).toBeNull();
    // usable from the frame after the one that shows it
    await expect.poll(() => shown.evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    expect(await page.locator('.study .ahead:not([inert])').count()).toBe(0);
    expect(await shown.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(100);
    await expect.poll(() => shown.evaluate(hidden)).toBe(false);
    for (const el of await page.locator('.study .ahead').all()) expect(await el.evaluate(hidden)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('Next pressed at the foot of a page shows the next from its top, and the column keeps the height of the page on screen', async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${server.url}akuntabel/pengertian-akuntabilitas/`);
    await ready(page);
    await expect.poll(() => page.locator('.study .ahead').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // the learner has read to the Next button
    const nextButton = page.locator('.pager a[rel="next"]');
    await nextButton.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(200);
    // where the page on screen ends and what follows it begins: the pager sits right below the text
    const fit = () =>
      page.evaluate(() => {
        const shown = document.querySelector('.study .blocks')?.getBoundingClientRect();
        const column = document.querySelector('.study .pages')?.getBoundingClientRect();
        const pager = document.querySelector('.study .pager')?.getBoundingClientRect();
        if (!shown || !column || !pager) return undefined;
        return {
          column: Math.round(column.height - shown.height),
          gap: Math.round(pager.top - shown.bottom),
        };
      });
    const before = await fit();
    expect(before?.column).toBe(0);
    expect(before?.gap).toBeGreaterThanOrEqual(0);

    await nextButton.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lima Tingkatan Akuntabilitas');
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    // a longer page: the column grows with it, the pager follows the text at the same distance
    await expect.poll(fit).toEqual(before);

    // the page grows as the learner works in it (the check's feedback): so does the column
    const check = page.locator('.study .blocks form.check');
    await check.locator('.option').first().click();
    const height = await page.locator('.study .pages').evaluate((el) => el.getBoundingClientRect().height);
    await check.getByRole('button', { name: 'Periksa jawaban' }).click();
    await check.locator('.feedback strong').waitFor();
    await expect
      .poll(() => page.locator('.study .pages').evaluate((el) => el.getBoundingClientRect().height))
      .toBeGreaterThan(height);
    await expect.poll(fit).toEqual(before);

    // two presses in quick succession: no press is lost, whether or not the page after is built yet
    await page.locator('h1').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mekanisme Akuntabilitas');
    await expect
      .poll(() => page.evaluate(() => location.pathname))
      .toBe('/akuntabel/mekanisme-akuntabilitas/');
    await expect.poll(fit).toEqual(before);
    await context.close();
  });

  it('reload in the middle of a material resumes at the same page, and home offers to continue there', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'akuntabel/pengertian-akuntabilitas/');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lima Tingkatan Akuntabilitas');
    // the address bar follows once the new page is painted
    await expect
      .poll(() => page.evaluate(() => location.pathname))
      .toBe('/akuntabel/tingkatan-akuntabilitas/');

    await page.reload();
    await ready(page);
    expect(await page.locator('h1').textContent()).toBe('Lima Tingkatan Akuntabilitas');

    // a shared hash link lands on the same page
    await page.goto(`${server.url}#/akuntabel/tingkatan-akuntabilitas`);
    await ready(page);
    expect(await page.locator('h1').textContent()).toBe('Lima Tingkatan Akuntabilitas');

    await page.goto(server.url);
    await ready(page);
    await expect
      .poll(() => page.locator('.hero .button').textContent())
      .toContain('Lanjutkan: Lima Tingkatan Akuntabilitas');
    await context.close();
  });

  it('after the first visit the course works offline, reloads included', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    // the service worker takes over once it has cached the whole course
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((done) =>
          navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
        );
      }
    });
    await context.setOffline(true);

    await page.reload();
    await ready(page);
    expect(await page.locator('h1').textContent()).toContain('Bangga Melayani Bangsa');
    expect(await page.locator('header .offline').count()).toBe(1);

    // a page never opened before, by its address, with its material's data from the cache
    await page.goto(`${server.url}loyal/loyal-bela-negara/`);
    await ready(page);
    await expect.poll(() => page.locator('.blocks .prose').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('h1').textContent()).not.toBe('');
    expect(await page.locator('.status[role="alert"]').count()).toBe(0);

    // search works offline too
    await page.goto(`${server.url}_alat/cari/`);
    await ready(page);
    await page.fill('#q', 'gratifikasi');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.results li').count()).toBeGreaterThan(0);
    await context.close();
  });
});
