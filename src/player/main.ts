import './styles/app.css';
import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { serverApi } from './account/server-api.ts';
import { afterPaint } from './after-paint.ts';
import { type RichKind, richKinds } from './blocks/kinds.ts';
import { blockRegistry } from './blocks/registry.svelte.ts';
import { APP_ID, BOOT_ID, type Boot } from './boot.ts';
import type { Player } from './context.ts';
import { loadMessages } from './i18n/index.ts';
import { parseRoute, type RouteMode, routePath } from './routing/route.ts';
import { Account } from './state/account.svelte.ts';
import { CourseData } from './state/course-data.svelte.ts';
import { Navigator } from './state/navigator.svelte.ts';
import { Online } from './state/online.svelte.ts';
import { Progress } from './state/progress.svelte.ts';
import { ServerLink } from './state/server-link.svelte.ts';
import { Settings } from './state/settings.svelte.ts';
import { DEFAULT_SETTINGS, readSettings } from './state/settings-store.ts';
import { Sync } from './state/sync.svelte.ts';
import { Views, viewFor } from './state/views.svelte.ts';
import { takeBeforeAppEvents } from './tracker/before-app-events.ts';
import { browserStore, LocalTracker } from './tracker/local-tracker.ts';
import { viewLoaders } from './views/lazy.ts';

declare global {
  interface Window {
    /** set by a host page (an LMS package) that owns the path: the player then uses hash routes */
    LENTERA_HASH_ROUTES?: boolean;
  }
}

async function start() {
  const bootElement = document.getElementById(BOOT_ID);
  const target = document.getElementById(APP_ID);
  if (!bootElement || !target) return;
  const boot = JSON.parse(bootElement.textContent ?? '{}') as Boot;
  const { outline } = boot;
  // the entry script sits in <root>/assets/, so its parent is the player's root wherever it is served
  const root = new URL('..', import.meta.url).href;
  const mode: RouteMode = location.protocol === 'file:' || window.LENTERA_HASH_ROUTES ? 'hash' : 'path';

  // the address bar follows once the new page is painted: pushState costs a frame's worth on slow phones
  const bar = {
    push: (url: string) => afterPaint(() => history.pushState(null, '', url)),
    replace: (url: string) => afterPaint(() => history.replaceState(null, '', url)),
  };
  const nav = new Navigator({ outline, route: { kind: 'home' }, mode, root, bar, afterPaint });
  // a shared deep link #/akuntabel/tingkatan works in every mode; in path mode it becomes a path
  const hashPath = location.hash.startsWith('#/') ? location.hash.slice(2) : undefined;
  const path = hashPath ?? (mode === 'hash' ? '' : nav.pathOf(location));
  const route = parseRoute(path, outline);
  if (mode === 'path' && hashPath !== undefined) nav.go(route, { replace: true });
  else nav.route = route;

  const store = browserStore();
  // a learner who chose English: its messages are fetched alongside the rest, not after hydrating
  const lang = readSettings(store).lang;
  if (lang !== 'id') loadMessages(lang).catch(() => {});
  const data = new CourseData({
    outline,
    ...(boot.outlineFile ? { outlineFile: boot.outlineFile } : {}),
    materials: boot.materials ?? [],
    ...(boot.library ? { library: boot.library } : {}),
    fetchJson: async (file) => {
      const response = await fetch(new URL(file, root));
      if (!response.ok) throw new Error(`${response.status} ${file}`);
      return response.json();
    },
  });
  if ('material' in route && !data.shows(route)) await data.loadMaterial(route.material);
  // the richer blocks (figures, videos, regulations, checks, reflections) when this page has some: the
  // HTML preloads their chunk alongside the app's
  const shown = 'material' in route ? data.materials.get(route.material) : undefined;
  const pages = route.kind === 'page' ? shown?.pages.filter((p) => p.id === route.page) : shown?.pages;
  const kinds = new Set<RichKind>();
  for (const page of pages ?? []) richKinds(page.blocks, kinds);
  if (kinds.size) await blockRegistry.load(kinds).catch(() => {});
  if (route.kind === 'glossary' || route.kind === 'regulations') await data.loadLibrary();

  const views = new Views({ loaders: viewLoaders });
  const view = viewFor(route);
  if (view !== 'page') await Promise.all([views.load(view), data.loadOutline()]);

  const settings = new Settings({ store, initial: DEFAULT_SETTINGS });
  // progress is written once the turned page is painted: storage never delays it
  const device = new LocalTracker({ courseId: outline.id, store, defer: afterPaint });
  const progress = new Progress({ tracker: device, materials: outline.materials });
  // served by the Lentera server: accounts, and progress sent there once the learner is signed in
  const api = serverApi(document);
  const link = new ServerLink({
    account: new Account({ api }),
    sync: new Sync(),
    progress,
    device,
    materials: outline.materials,
    // its own chunk: only pages served by the Lentera server ever load it
    serverTracker: async (userId, onAuthRequired) => {
      const { HttpTracker } = await import('./tracker/http-tracker.ts');
      return new HttpTracker({
        courseId: outline.id,
        userId,
        store,
        ...(api ? { api } : {}),
        onAuthRequired,
      });
    },
  });
  const player: Player = { settings, progress, nav, data, views, online: new Online(), link };

  // hydrate the HTML when it was rendered for this very route; otherwise (a cached shell, a hash route)
  // render afresh
  if (mode === 'path' && boot.route === routePath(route)) {
    // a pop-up the page opened before the app ran stays open until the learner closes it
    const open = document.querySelector('dialog[open]');
    if (open) await new Promise((closed) => open.addEventListener('close', closed, { once: true }));
    hydrate(App, { target, props: { player } });
  } else {
    target.textContent = '';
    mount(App, { target, props: { player } });
  }
  document.documentElement.dataset.app = 'on';
  settings.load();
  await Promise.all([progress.resume(), settings.ready()]);
  for (const event of takeBeforeAppEvents(store, outline.id)) progress.record(event);
  document.documentElement.dataset.ready = 'true';
  performance.mark('lentera-ready');
  link.start();
  // opened without a network: once it returns, ask again who is signed in (and send progress there)
  addEventListener('online', () => {
    if (link.account.status === 'unreachable') void link.start();
  });

  // the rest of the material and the other screens, in the background once the page is ready: moving on
  // never waits for the network
  const idle = (fn: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 2000);
  const later = () =>
    setTimeout(
      () =>
        idle(() => {
          if ('material' in route) data.loadMaterial(route.material);
          data.loadOutline();
          blockRegistry.load().catch(() => {});
          views.loadAll();
        }),
      1500,
    );
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });

  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    // after the first page is on screen: the course is cached for offline use in the background
    const register = () => navigator.serviceWorker.register(new URL('sw.js', root), { scope: root });
    if (document.readyState === 'complete') setTimeout(register, 1000);
    else addEventListener('load', () => setTimeout(register, 1000), { once: true });
  }
}

start();
