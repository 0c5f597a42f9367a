// npm run bench:player — the first content page of the BerAKHLAK course in Chromium under the issue's
// throttle (150 ms RTT, 1.6 Mbps, CPU 4x slower), beside a plain HTML page of the same text served in the
// same run, and beside the budget. Prints figures; asserts nothing.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

interface Transfer {
  url: string;
  bytes: number;
}

interface Load {
  /** what the page asked for before its load event: all it needs to be read and used (a study page's
   * text, pop-ups and Previous/Next work from its HTML and a small script; the app is fetched after) */
  first: Transfer[];
  /** everything transferred until the app was interactive and the network had been idle for 1 s */
  untilApp: Transfer[];
  /** what the page fetched after that, in the background (other screens, for instant moves and offline) */
  later: Transfer[];
  lcp: number;
  /** ms from navigation to the load event, and to the app's hydration */
  usable: number;
  ready: number;
}

const IDLE_MS = 1000;
/** a phone's screen, for the first page and for page turns alike */
const PHONE = { width: 412, height: 860 };
const LATER_MS = 8000;

async function measure(browser: Browser, url: string, readyWhen: 'app' | 'load'): Promise<Load> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: PHONE,
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
  const done: Transfer[] = [];
  const urls = new Map<string, string>();
  const inFlight = new Set<string>();
  let lastActivity = Date.now();
  const path = (u: string) => u.replace(/^https?:\/\/[^/]+/, '');
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    inFlight.add(e.requestId);
    lastActivity = Date.now();
  });
  const end = (id: string, bytes: number) => {
    if (!inFlight.delete(id)) return;
    done.push({ url: path(urls.get(id) ?? ''), bytes });
    lastActivity = Date.now();
  };
  cdp.on('Network.loadingFinished', (e) => end(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => end(e.requestId, 0));
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const usable = Date.now() - started;
  if (readyWhen === 'app') await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  const ready = Date.now() - started;
  // interactive, then quiet: nothing in flight and nothing finished for IDLE_MS
  while (inFlight.size > 0 || Date.now() - lastActivity < IDLE_MS) await page.waitForTimeout(50);
  const untilApp = [...done];
  await page.waitForTimeout(LATER_MS);
  while (inFlight.size > 0) await page.waitForTimeout(50);
  const later = done.slice(untilApp.length);
  // the page's own clock says which requests began before its load event had finished
  const beganEarly = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const early = performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime < nav.loadEventEnd)
      .map((r) => r.name);
    return [nav.name, ...early];
  });
  const first = done.filter((t) => beganEarly.some((u) => path(u) === t.url));
  const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  await context.close();
  return { first, untilApp, later, lcp, usable, ready };
}

interface NextPage {
  /** keydown to the next paint (Event Timing, as INP measures it), ms; 0 when under the API's 16 ms floor */
  paint: number[];
  /** the same, without CPU throttling */
  paint1x: number[];
  /** main-thread CPU time of each page turn without throttling (thread time from a trace), ms */
  cpu: number[];
  /** the part of `cpu` up to the first frame committed after the key: what the learner waits for */
  toPaint: number[];
}

/**
 * Turns pages with real ArrowRight presses: key-to-paint at 4x CPU slowdown (twice, from a fresh load) and
 * again unthrottled, then (for the app) main-thread CPU time unthrottled. `app` false: a plain page, ready at its load event.
 */
async function nextPage(browser: Browser, url: string, app: boolean, turns = 8): Promise<NextPage> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: PHONE });
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const open = async () => {
    await page.goto(url);
    if (!app) return;
    await page.waitForSelector('html[data-ready="true"]');
    // let the background prefetch of other screens finish: it is not part of a page turn
    await page.waitForTimeout(LATER_MS);
  };
  const turn = async (i: number) => {
    const before = await page.locator('h1').textContent();
    await page.evaluate((i) => performance.mark(`turn-${i}`), i);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent !== t, before, {
      polling: 100,
    });
    await page.waitForTimeout(300);
  };
  // key to paint as the learner feels it (Event Timing, as INP measures it), from the first page on
  const keyToPaint = async (rate: number) => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await open();
    await page.evaluate(() => {
      const w = window as unknown as { __turns: number[] };
      w.__turns = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'keydown') w.__turns.push(e.duration);
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const counts: number[] = [];
    for (let i = 0; i < turns; i++) {
      await turn(i);
      counts.push(await page.evaluate(() => (window as unknown as { __turns: number[] }).__turns.length));
    }
    const durations = await page.evaluate(() => (window as unknown as { __turns: number[] }).__turns);
    // one Event Timing entry per turn at most: a turn without one took under 16 ms to paint
    return counts.map((n, i) => (n > (counts[i - 1] ?? 0) ? (durations[n - 1] ?? 0) : 0));
  };
  // two loads of 8 turns: Event Timing counts in 8 ms steps, so a median of 8 jumps by a step between runs
  const paint = [...(await keyToPaint(4)), ...(await keyToPaint(4))];
  const paint1x = await keyToPaint(1);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (!app) {
    await context.close();
    return { paint, paint1x, cpu: [], toPaint: [] };
  }

  // main-thread CPU of each turn, unthrottled (throttling's own spinning would count as CPU time),
  // from a Chromium trace: back to the material's first page, then the same turns again
  await open();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  for (let i = 0; i < turns; i++) await turn(i);
  await page.evaluate(() => performance.mark('turn-end'));
  await cdp.send('Tracing.end');
  await traced;
  await context.close();
  return { paint, paint1x, ...cpuPerTurn(events, turns) };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

function cpuPerTurn(events: TraceEvent[], turns: number): { cpu: number[]; toPaint: number[] } {
  const marks = events.filter((e) => /^turn-/.test(e.name) && e.ph !== 'M');
  const mark = (name: string) => marks.find((m) => m.name === name);
  const first = mark('turn-0');
  if (!first) return { cpu: [], toPaint: [] };
  const main = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && e.pid === first.pid && e.args?.name === 'CrRendererMain',
  );
  const onMain = (e: TraceEvent) => e.ph === 'X' && e.pid === first.pid && e.tid === main?.tid;
  const tasks = events.filter((e) => e.name === 'RunTask' && onMain(e));
  const commits = events.filter((e) => e.name === 'Commit' && onMain(e));
  const keydowns = events.filter(
    (e) =>
      e.name === 'EventDispatch' &&
      onMain(e) &&
      (e.args as { data?: { type?: string } })?.data?.type === 'keydown',
  );
  const cpu: number[] = [];
  const toPaint: number[] = [];
  const sum = (from: number, to: number) =>
    tasks.filter((t) => t.ts >= from && t.ts < to).reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000;
  for (let i = 0; i < turns; i++) {
    const from = mark(`turn-${i}`)?.ts ?? 0;
    const to = mark(i + 1 < turns ? `turn-${i + 1}` : 'turn-end')?.ts ?? 0;
    cpu.push(sum(from, to));
    const key = keydowns.find((k) => k.ts >= from && k.ts < to);
    const commit = key ? commits.find((c) => c.ts > key.ts) : undefined;
    toPaint.push(commit ? sum(from, commit.ts + 1) : 0);
  }
  return { cpu, toPaint };
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

  // the plain page turn: the material's pages in one document, the next one shown by a few lines of script
  const from = material.pages.findIndex((p) => p.id === PAGE);
  const turnPages = material.pages.slice(from);
  const proseOf = (p: (typeof material.pages)[number]) =>
    p.blocks.map((b) => (b.kind === 'prose' ? b.html : '')).join('\n');
  await mkdir(join(PLAIN, 'turns'), { recursive: true });
  await writeFile(
    join(PLAIN, 'turns', 'index.html'),
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page?.title}</title></head><body><h1 id="t" tabindex="-1">${page?.title}</h1>${turnPages.map((p, i) => `<section${i ? ' hidden' : ''}>${proseOf(p)}</section>`).join('')}<script>
const titles = ${JSON.stringify(turnPages.map((p) => p.title))};
const sections = document.querySelectorAll('section');
let at = 0;
addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowRight' || at + 1 >= sections.length) return;
  sections[at].hidden = true;
  sections[++at].hidden = false;
  const title = document.getElementById('t');
  title.textContent = titles[at];
  title.focus({ preventScroll: true });
  scrollTo(0, 0);
});
</script></body></html>`,
  );

  // offline: everything the service worker precaches, compressed as the server sends it
  const sw = await readFile(join(SITE, 'sw.js'), 'utf8');
  const precache = [
    'sw.js',
    ...(JSON.parse(/const PRECACHE = (\[.*?\]);/s.exec(sw)?.[1] ?? '[]') as string[]),
  ];
  let offlineBr = 0;
  let offlineGzip = 0;
  for (const file of precache) {
    const bytes = await readFile(join(SITE, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    const br = await readFile(join(SITE, `${file}.br`)).then(
      (b) => b.length,
      () => undefined,
    );
    offlineGzip += Math.min(gz, bytes.length);
    offlineBr += Math.min(br ?? gz, bytes.length);
  }

  const site = await serveStatic({ root: SITE });
  const siteGzip = await serveStatic({ root: SITE, precompressed: false });
  const plain = await serveStatic({ root: PLAIN });
  const browser = await launchChromium();
  const target = (base: string) => `${base}${MATERIAL}/${PAGE}/`;
  try {
    const lentera: Load[] = [];
    const gzipOnly: Load[] = [];
    const baseline: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await measure(browser, plain.url, 'load'));
      lentera.push(await measure(browser, target(site.url), 'app'));
      gzipOnly.push(await measure(browser, target(siteGzip.url), 'app'));
    }
    const next = await nextPage(browser, target(site.url), true);
    const plainNext = await nextPage(browser, `${plain.url}turns/`, false);
    const sum = (t: Transfer[]) => t.reduce((n, x) => n + x.bytes, 0);
    const l = lentera[0] as Load;
    const b = baseline[0] as Load;
    const bytesL = median(lentera.map((x) => sum(x.first)));
    const bytesG = median(gzipOnly.map((x) => sum(x.first)));
    const requestsL = median(lentera.map((x) => x.first.length));
    const lcpL = median(lentera.map((x) => x.lcp));
    const lcpB = median(baseline.map((x) => x.lcp));
    const readyL = median(lentera.map((x) => x.ready));
    const usableL = median(lentera.map((x) => x.usable));
    const untilAppL = median(lentera.map((x) => sum(x.untilApp)));
    const paint = median(next.paint);
    const paint1x = median(next.paint1x);
    const ms = (x: number) => (x === 0 ? '< 16 ms' : `${x.toFixed(0)} ms`);
    const cpu = median(next.cpu);
    const toPaint = median(next.toPaint);
    const row = (name: string, plainValue: string, lenteraValue: string, budget: string, ok?: boolean) =>
      console.log(
        `${name.padEnd(44)}${plainValue.padStart(12)}${lenteraValue.padStart(12)}${budget.padStart(14)}  ${ok === undefined ? '' : ok ? 'within' : 'OVER'}`,
      );
    console.log(
      `\nFirst content page /${MATERIAL}/${PAGE}/ — Chromium, ${PHONE.width}×${PHONE.height} screen (page turns too), 150 ms RTT, 1.6 Mbps, CPU 4x slower; median of ${RUNS}`,
    );
    console.log(
      'counted: every request made before the load event; by then the text is on screen and pop-ups, Previous/Next and the arrow keys work (src/player/before-app.ts), and the page starts fetching the app',
    );
    console.log(
      `${''.padEnd(44)}${'plain HTML'.padStart(12)}${'Lentera'.padStart(12)}${'budget'.padStart(14)}`,
    );
    row(
      'bytes over the wire (brotli, precompressed)',
      kib(sum(b.first)),
      kib(bytesL),
      '≤ 30.0 KiB',
      bytesL <= 30 * 1024,
    );
    row('bytes over the wire (gzip only)', '', kib(bytesG), '≤ 30.0 KiB', bytesG <= 30 * 1024);
    row('requests', String(b.first.length), String(requestsL), '≤ 4', requestsL <= 4);
    row('LCP', `${(lcpB / 1000).toFixed(2)} s`, `${(lcpL / 1000).toFixed(2)} s`, '≤ 1.00 s', lcpL <= 1000);
    row(
      'page usable (load event)',
      `${(median(baseline.map((x) => x.usable)) / 1000).toFixed(2)} s`,
      `${(usableL / 1000).toFixed(2)} s`,
      '—',
    );
    row('app interactive (hydrated)', '—', `${(readyL / 1000).toFixed(2)} s`, '—');
    row('bytes until the app is interactive (brotli)', '—', kib(untilAppL), '—');
    row(
      `next page: key to paint (median of ${next.paint.length})`,
      ms(median(plainNext.paint)),
      ms(paint),
      '≤ 50 ms',
      paint <= 50,
    );
    row(
      'next page: key to paint, CPU not slowed',
      ms(median(plainNext.paint1x)),
      ms(paint1x),
      '≤ 50 ms',
      paint1x <= 50,
    );
    row(
      'next page: CPU to the paint (1x, × 4)',
      '—',
      `${(toPaint * 4).toFixed(0)} ms`,
      '≤ 50 ms',
      toPaint * 4 <= 50,
    );
    row('next page: all CPU of a turn (1x, × 4)', '—', `${(cpu * 4).toFixed(0)} ms`, '—');
    row(
      'whole course offline, no video (brotli)',
      '—',
      kib(offlineBr),
      '≤ 250.0 KiB',
      offlineBr <= 250 * 1024,
    );
    row(
      'whole course offline, no video (gzip)',
      '—',
      kib(offlineGzip),
      '≤ 250.0 KiB',
      offlineGzip <= 250 * 1024,
    );
    const list = (t: Transfer[]) => t.map((x) => `${x.url} ${kib(x.bytes)}`).join(', ');
    console.log(`\nfirst load, one run: ${list(l.first)}`);
    console.log(
      `then, until the app is interactive: ${list(l.untilApp.filter((t) => !l.first.includes(t)))}`,
    );
    // what the page's HTML is made of, each part compressed alone (together they compress a little better)
    const br = (text: string) =>
      brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    const bootJson =
      /<script type="application\/json" id="lentera-boot">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const markup = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '').replace(bootJson, '');
    console.log(
      `first page HTML, each part alone (brotli): markup ${kib(br(markup))}, inlined CSS ${kib(br(css))}, boot data ${kib(br(bootJson))}`,
    );
    console.log(
      `afterwards, in the background (other screens, for instant moves and offline): ${l.later.length} requests, ${kib(sum(l.later))}`,
    );
    const each = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    console.log(
      `next page, each turn, key to paint (0: under 16 ms): Lentera ${each(next.paint)} ms (CPU 4x slower), ${each(next.paint1x)} ms (not slowed); plain HTML ${each(plainNext.paint)} ms, ${each(plainNext.paint1x)} ms; plain HTML: the material's pages in one unstyled document, the next shown by a few lines of script`,
    );
    if (paint && median(plainNext.paint))
      console.log(
        `next page, key to paint (4x), Lentera / plain HTML: ${(paint / median(plainNext.paint)).toFixed(2)}`,
      );
    console.log(
      `next page, each turn: CPU to the paint ${next.toPaint.map((x) => x.toFixed(1)).join(' ')} ms; all ${next.cpu.map((x) => x.toFixed(1)).join(' ')} ms (1x; all: also the address bar, title and storage after the paint, and building the following page ahead while idle)`,
    );
    console.log(
      `machine load while measuring (1/5/15 min): ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log(`offline precache: ${precache.length} files`);
  } finally {
    await browser.close();
    await site.close();
    await siteGzip.close();
    await plain.close();
  }
}

await main();
