import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Course } from '../../course/model.ts';
import { RICH_CHUNKS, type RichKind, richKinds } from '../blocks/kinds.ts';
import { projectCourse } from '../data/public-course.ts';
import type { DocumentAssets, RenderInput } from '../render.ts';
import { allRoutes, type Route, routePath } from '../routing/route.ts';
import { serviceWorkerSource } from './service-worker.ts';

// The static export: the player and a course as plain files that any web server (or none, later an
// LMS) can serve. Every route is prerendered to HTML with its text; data and media have
// content-hashed names; a service worker keeps the whole course (video excepted) for offline use.

/** What the export needs of the server-rendering build (dist/player/ssr/render.js). */
export interface Renderer {
  renderDocument(input: RenderInput & { assets: DocumentAssets }): string;
}

export interface StaticExportOptions {
  course: Course;
  /** built media path (media/name.hash.ext) to bytes */
  media: ReadonlyMap<string, Uint8Array>;
  /** the browser build (dist/player/client) */
  clientDir: string;
  renderer: Renderer;
  outDir: string;
  /** for the Lentera server: pages then carry its API root, and the player uses accounts and HttpTracker */
  server?: { api: string };
  /** write `.br` and `.gz` beside every text file (default true) */
  precompress?: boolean;
}

export interface StaticExportReport {
  routes: number;
  files: string[];
  /** files the service worker precaches */
  precache: string[];
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

/** the stylesheets a chunk brings, its static imports' included, in order and each once */
function chunkCss(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [...(chunk.imports ?? []).flatMap((k) => chunkCss(manifest, k, seen)), ...(chunk.css ?? [])];
}

const VIDEO = /\.(mp4|webm|m4v|ogv)$/i;
/** text files a server sends compressed; the export writes `.br` and `.gz` beside each */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.vtt', '.txt']);
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli at its best quality and gzip at level 9, computed once here rather than per request: the
 * server sends them as they are (@fastify/static `preCompressed`, nginx `brotli_static`/`gzip_static`).
 */
async function precompress(path: string): Promise<void> {
  const bytes = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
}

function hash(content: string | Uint8Array, length = 10): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

function routeFile(route: Route): string {
  const path = routePath(route);
  return path === '' ? 'index.html' : `${path}/index.html`;
}

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0b5d57"/><path d="M16 6c3 4 5 6.5 5 10a5 5 0 0 1-10 0c0-3.5 2-6 5-10z" fill="#fff"/><path d="M12 25h8" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>
`;

export async function exportStatic(options: StaticExportOptions): Promise<StaticExportReport> {
  const { course, media, clientDir, renderer, outDir } = options;
  const manifest = JSON.parse(await readFile(join(clientDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entryKey = 'src/player/main.ts';
  const entry = manifest[entryKey];
  // a study page's script that runs before the app (src/player/before-app.ts)
  const beforeApp = manifest['src/player/before-app.ts']?.file;
  if (!entry || !beforeApp) {
    throw new Error(
      `no src/player/main.ts or src/player/before-app.ts entry in ${clientDir}/.vite/manifest.json: run npm run build:player`,
    );
  }
  // the app's own stylesheet (the shell and the study page) is inlined into every page; the screens
  // loaded on demand and the richer blocks carry theirs in their scripts (vite.player.config.ts), and
  // server rendering puts those of the screen a page shows into its <head>
  const entryCss = chunkCss(manifest, entryKey);
  const css = (await Promise.all(entryCss.map((file) => readFile(join(clientDir, file), 'utf8')))).join('\n');
  // the entry's static imports are preloaded with it: no waterfall of module requests
  const chunkFiles = (keys: string[]) =>
    keys.map((key) => manifest[key]?.file).filter((f): f is string => !!f);
  const preload = chunkFiles(entry.imports ?? []);
  // and with a page that has richer blocks, their chunks (the app loads them before hydrating that page)
  const richChunk = (kind: RichKind) => manifest[`src/player/${RICH_CHUNKS[kind].entry}`]?.file;

  await rm(outDir, { recursive: true, force: true });
  const written: string[] = [];
  const write = async (file: string, content: string | Uint8Array) => {
    const path = join(outDir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    written.push(file);
  };

  // the app's scripts (and any stylesheet a chunk has, for the service worker to keep; the app's own is
  // inlined into every page, so it is not copied)
  for (const file of await listFiles(join(clientDir, 'assets'))) {
    if (entryCss.includes(`assets/${file}`)) continue;
    await mkdir(dirname(join(outDir, 'assets', file)), { recursive: true });
    await copyFile(join(clientDir, 'assets', file), join(outDir, 'assets', file));
    written.push(`assets/${file}`);
  }

  const dataFiles = new Map<string, string>();
  const { outline, outlineFile, materials, library } = projectCourse({
    course,
    nameFile: (base, json) => {
      const file = `data/${base}.${hash(json)}.json`;
      dataFiles.set(file, json);
      return file;
    },
  });
  for (const [file, json] of dataFiles) await write(file, json);
  for (const [file, bytes] of media) await write(file, bytes);

  const routes = allRoutes(outline);
  for (const route of routes) {
    const material = 'material' in route ? materials.get(route.material) : undefined;
    const pages =
      route.kind === 'page'
        ? material?.pages.filter((p) => p.id === route.page)
        : route.kind === 'print'
          ? material?.pages
          : [];
    const kinds = new Set<RichKind>();
    for (const page of pages ?? []) richKinds(page.blocks, kinds);
    const richer = [...kinds].map(richChunk).filter((f): f is string => !!f);
    const assets = { script: entry.file, beforeApp, preload: [...new Set([...preload, ...richer])], css };
    const html = renderer.renderDocument({
      outline,
      outlineFile,
      route,
      ...(material ? { materials: [material] } : {}),
      ...(route.kind === 'glossary' || route.kind === 'regulations' ? { library } : {}),
      ...(options.server ? { server: options.server } : {}),
      assets,
    });
    await write(routeFile(route), html);
  }

  await write('icon.svg', ICON);
  await write(
    'manifest.webmanifest',
    `${JSON.stringify(
      {
        name: outline.title,
        short_name: 'Lentera',
        lang: outline.language,
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f5',
        theme_color: '#0b5d57',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      null,
      2,
    )}\n`,
  );

  // offline: the home page (also the shell for any other address), the app, all data and media but video
  const precache = [
    'index.html',
    'manifest.webmanifest',
    'icon.svg',
    ...written.filter((f) => f.startsWith('assets/')),
    ...dataFiles.keys(),
    ...[...media.keys()].filter((f) => !VIDEO.test(f)),
  ];
  const cacheName = `lentera-${outline.id}-${hash(precache.join('\n') + (await readFile(join(outDir, 'index.html'))))}`;
  await write('sw.js', serviceWorkerSource({ cacheName, precache }));
  if (options.precompress !== false) {
    const text = written.filter((file) => COMPRESSIBLE.has(extname(file)));
    // a few at a time: brotli's best quality is slow, and the machine may be shared
    for (let i = 0; i < text.length; i += 8) {
      await Promise.all(text.slice(i, i + 8).map((file) => precompress(join(outDir, file))));
    }
  }
  return { routes: routes.length, files: written, precache };
}
