import { render } from 'svelte/server';
import { emptyLearnerState } from '../evaluation/learner-state.ts';
import App from './App.svelte';
import { SERVER_META } from './account/server-api.ts';
import { BEFORE_APP_ID, type BeforeAppConfig } from './before-app-config.ts';
import Check from './blocks/Check.svelte';
import Figure from './blocks/Figure.svelte';
import ReflectNote from './blocks/Reflect.svelte';
import Regulation from './blocks/Regulation.svelte';
import { blockRegistry } from './blocks/registry.svelte.ts';
import Video from './blocks/Video.svelte';
import { APP_ID, BOOT_ID, type Boot, scriptJson } from './boot.ts';
import type { Player } from './context.ts';
import {
  type Library,
  type MaterialData,
  materialSlice,
  type Outline,
  outlineSlice,
} from './data/public-course.ts';
import { type Route, relativeRoot, routePath } from './routing/route.ts';
import { Account } from './state/account.svelte.ts';
import { CourseData } from './state/course-data.svelte.ts';
import { Navigator } from './state/navigator.svelte.ts';
import { Progress } from './state/progress.svelte.ts';
import { Settings } from './state/settings.svelte.ts';
import { DEFAULT_SETTINGS, SETTINGS_BOOT_SCRIPT } from './state/settings-store.ts';
import { Sync } from './state/sync.svelte.ts';
import { Views } from './state/views.svelte.ts';
import { beforeAppKey } from './tracker/before-app-events.ts';
import { eagerViews } from './views/eager.ts';

// Server rendering of any route: the static export prerenders every route with it, and the Lentera
// server will render the same routes per request. Learner progress is not known here; the app fills it
// in once it has hydrated.

// every block at hand: the browser loads the richer ones as their own chunk
blockRegistry.provide({
  regulation: Regulation,
  figure: Figure,
  video: Video,
  check: Check,
  reflect: ReflectNote,
});

export interface RenderInput {
  outline: Outline;
  route: Route;
  /** the material the route shows, if any */
  materials?: MaterialData[];
  library?: Library;
  /** data file of the whole outline: a study page then carries only a slice of it */
  outlineFile?: string;
  /** set when the page is for the Lentera server: its API root, e.g. `/api/v1/` */
  server?: { api: string };
}

export function renderRoute(input: RenderInput): { head: string; body: string } {
  const data = new CourseData({
    outline: input.outline,
    fetchJson: () => Promise.reject(new Error('no fetching while rendering on the server')),
    materials: input.materials ?? [],
    ...(input.library ? { library: input.library } : {}),
  });
  const player: Player = {
    settings: new Settings({ initial: DEFAULT_SETTINGS }),
    progress: new Progress({
      tracker: { record() {}, flush: async () => {}, resume: async () => emptyLearnerState() },
      materials: input.outline.materials,
    }),
    nav: new Navigator({ outline: input.outline, route: input.route, mode: 'path' }),
    data,
    views: new Views({ loaded: eagerViews }),
    online: { value: true },
    link: {
      account: new Account({ api: input.server?.api }),
      sync: new Sync(),
      login: async () => 'OFFLINE',
      logout: async () => false,
    },
  };
  const { head, body } = render(App, { props: { player } });
  return { head, body };
}

export interface DocumentAssets {
  /** the app's entry script, relative to the player's root */
  script: string;
  /** a study page's script that runs before the app and loads it (src/player/before-app.ts) */
  beforeApp?: string;
  /** modules the entry imports, relative to the player's root */
  preload?: string[];
  /** the stylesheet's text, inlined so the first page needs no extra request */
  css: string;
  /** theme colour for the browser's UI */
  themeColor?: string;
}

/** A whole HTML document for a route, with every URL relative to the route's own directory. */
export function renderDocument(input: RenderInput & { assets: DocumentAssets }): string {
  const { outline, route, assets } = input;
  const { head, body } = renderRoute(input);
  const base = relativeRoot(route);
  // the data the page shows travels inside it: one request fewer, and nothing to wait for before hydrating.
  // A study page carries only its own page of the material (a cover none): the app fetches the rest once
  // the page is ready, so the first page is not weighed down by the pages after it
  const slice = (m: MaterialData) =>
    route.kind === 'page'
      ? materialSlice(m, [route.page])
      : route.kind === 'print'
        ? m
        : materialSlice(m, []);
  const materials = (input.materials ?? []).map(slice);
  const slim = route.kind === 'page' && input.outlineFile !== undefined;
  const boot: Boot = {
    outline: slim ? outlineSlice(outline, route.material) : outline,
    ...(slim ? { outlineFile: input.outlineFile } : {}),
    route: routePath(route),
    ...(materials.length ? { materials } : {}),
    ...(input.library ? { library: input.library } : {}),
  };
  const description = outline.subtitle ?? outline.title;
  const preload = (assets.preload ?? []).map((file) => `${base}${file}`);
  // a study page works from its HTML and a small script that fetches the app once the page has loaded
  // (src/player/before-app.ts); other screens need the app at once
  const beforeApp: BeforeAppConfig | undefined =
    route.kind === 'page' && assets.beforeApp
      ? {
          script: `${base}${assets.script}`,
          preload,
          key: beforeAppKey(outline.id),
          material: route.material,
          page: route.page,
        }
      : undefined;
  const scripts = beforeApp
    ? `<script type="application/json" id="${BEFORE_APP_ID}">${scriptJson(beforeApp)}</script>
<script type="module" src="${base}${assets.beforeApp}"></script>`
    : `<script type="module" src="${base}${assets.script}"></script>\n${preload
        .map((file) => `<link rel="modulepreload" href="${file}">`)
        .join('')}`;
  return `<!doctype html>
<html lang="${outline.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${input.server ? `<meta name="${SERVER_META}" content="${escapeAttr(input.server.api)}">\n` : ''}${head}
<meta name="description" content="${escapeAttr(description)}">
<meta name="theme-color" content="${assets.themeColor ?? '#0b5d57'}">
<link rel="manifest" href="${base}manifest.webmanifest">
<link rel="icon" href="${ICON_DATA_URL}">
<script>${SETTINGS_BOOT_SCRIPT}</script>
<style>${assets.css}</style>
${scripts}
</head>
<body>
<div id="${APP_ID}">${body}</div>
<script type="application/json" id="${BOOT_ID}">${scriptJson(boot)}</script>
</body>
</html>
`;
}

// inlined: a favicon would otherwise be one more request on the first page
const ICON_DATA_URL = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0b5d57"/><path d="M16 6c3 4 5 6.5 5 10a5 5 0 0 1-10 0c0-3.5 2-6 5-10z" fill="#fff"/></svg>')}`;

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export { allRoutes, parseRoute, type Route, routePath } from './routing/route.ts';
