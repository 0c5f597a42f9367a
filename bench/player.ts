// npm run bench:player — the first content page of the BerAKHLAK course in Chromium under the issue's
// throttle (150 ms RTT, 1.6 Mbps, CPU 4x slower), beside a plain HTML page of the same text served in the
// same run, and beside the budget. Prints figures; asserts nothing.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { MaterialData, Outline } from '../src/player/data/public-course.ts';
import { launchChromium } from '../tests/e2e/support/browser.ts';
import { buildPlayer, exportCourse, REPO } from '../tests/e2e/support/site.ts';
import { serveStatic } from '../tests/e2e/support/static-server.ts';

const SITE = join(REPO, 'dist/bench/berakhlak');
const PLAIN = join(REPO, 'dist/bench/plain');
const MATERIAL = 'akuntabel';
const PAGE = 'pengertian-akuntabilitas';
const RUNS = 3;

interface Load {
  bytes: number;
  requests: number;
  lcp: number;
  ready: number;
  urls: string[];
}

async function measure(browser: Browser, url: string, readyWhen: 'app' | 'load'): Promise<Load> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 412, height: 860 },
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const finished = new Map<string, number>();
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, e.encodedDataLength));
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  if (readyWhen === 'app') await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  const ready = Date.now() - started;
  // what arrived up to the moment the page was ready (the background prefetch and precache start later)
  const ids = [...finished.keys()];
  await page.waitForTimeout(300);
  const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  const result = {
    bytes: ids.reduce((sum, id) => sum + (finished.get(id) ?? 0), 0),
    requests: ids.length,
    lcp,
    ready,
    urls: ids.map((id) => (urls.get(id) ?? '').replace(/^https?:\/\/[^/]+/, '')),
  };
  await context.close();
  return result;
}

async function nextPageMs(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page: Page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ms = await page.evaluate(async () => {
      const before = document.querySelector('h1')?.textContent;
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      // until the new page is painted: its title is in the DOM and a frame has been produced
      while (document.querySelector('h1')?.textContent === before) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    });
    times.push(ms);
  }
  await context.close();
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  console.log('building the player and exporting content/berakhlak …');
  await buildPlayer();
  await exportCourse({ source: 'content/berakhlak', out: SITE });

  // the plain page: the same title and text, no app, no styles beyond the browser's
  const html = await readFile(join(SITE, MATERIAL, PAGE, 'index.html'), 'utf8');
  const boot = JSON.parse(
    (/<script type="application\/json" id="lentera-boot">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}').replace(
      /\\u003c/g,
      '<',
    ),
  ) as { outline: Outline };
  const stub = boot.outline.materials.find((m) => m.id === MATERIAL);
  const material = JSON.parse(await readFile(join(SITE, stub?.file ?? ''), 'utf8')) as MaterialData;
  const page = material.pages.find((p) => p.id === PAGE);
  const text = (page?.blocks ?? []).map((b) => (b.kind === 'prose' ? b.html : '')).join('\n');
  await mkdir(PLAIN, { recursive: true });
  await writeFile(
    join(PLAIN, 'index.html'),
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page?.title}</title></head><body><h1>${page?.title}</h1>${text}</body></html>`,
  );

  // offline: everything the service worker precaches, compressed as the server sends it
  const sw = await readFile(join(SITE, 'sw.js'), 'utf8');
  const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/s.exec(sw)?.[1] ?? '[]') as string[];
  let offline = gzipSync(sw, { level: 9 }).length;
  for (const file of precache) offline += gzipSync(await readFile(join(SITE, file)), { level: 9 }).length;

  const site = await serveStatic({ root: SITE });
  const plain = await serveStatic({ root: PLAIN });
  const browser = await launchChromium();
  try {
    const lentera: Load[] = [];
    const baseline: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await measure(browser, plain.url, 'load'));
      lentera.push(await measure(browser, `${site.url}${MATERIAL}/${PAGE}/`, 'app'));
    }
    const next = await nextPageMs(browser, `${site.url}${MATERIAL}/${PAGE}/`);
    const l = lentera[0] as Load;
    const b = baseline[0] as Load;
    const lcpL = median(lentera.map((x) => x.lcp));
    const lcpB = median(baseline.map((x) => x.lcp));
    const readyL = median(lentera.map((x) => x.ready));
    const row = (name: string, plainValue: string, lenteraValue: string, budget: string, ok: boolean) =>
      console.log(
        `${name.padEnd(34)}${plainValue.padStart(14)}${lenteraValue.padStart(14)}${budget.padStart(14)}  ${ok ? 'within' : 'OVER'}`,
      );
    console.log(
      `\nFirst content page /${MATERIAL}/${PAGE}/ — Chromium, 150 ms RTT, 1.6 Mbps, CPU 4x slower; median of ${RUNS}`,
    );
    console.log(
      `${''.padEnd(34)}${'plain HTML'.padStart(14)}${'Lentera'.padStart(14)}${'budget'.padStart(14)}`,
    );
    row('bytes over the wire (compressed)', kib(b.bytes), kib(l.bytes), '≤ 30.0 KiB', l.bytes <= 30 * 1024);
    row('requests', String(b.requests), String(l.requests), '≤ 4', l.requests <= 4);
    row('LCP', `${(lcpB / 1000).toFixed(2)} s`, `${(lcpL / 1000).toFixed(2)} s`, '≤ 1.00 s', lcpL <= 1000);
    row('interactive (app hydrated)', '—', `${(readyL / 1000).toFixed(2)} s`, '—', true);
    row(
      'next page (median of 5, CPU 4x)',
      '—',
      `${median(next).toFixed(1)} ms`,
      '≤ 50 ms',
      median(next) <= 50,
    );
    row('whole course offline, no video', '—', kib(offline), '≤ 250.0 KiB', offline <= 250 * 1024);
    console.log(`\nLentera requests: ${l.urls.join(', ')}`);
    console.log(`offline precache: ${precache.length} files`);
  } finally {
    await browser.close();
    await site.close();
    await plain.close();
  }
}

await main();
