import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { RICH_CHUNKS } from './src/player/blocks/kinds.ts';

// The learner player. `vite build -c vite.player.config.ts` builds the browser app into dist/player/client
// (relative URLs, so one build works under any path); adding `--ssr src/player/render.ts --outDir
// dist/player/ssr` builds the server renderer the static export and the Lentera server use.
const PLAYER = 'src/player/';
/** modules loaded on demand: the screens other than the study page, and what only they use */
const ON_DEMAND = new RegExp(
  `${PLAYER}(views/(Home|Cover|Done|NotFound)|tools/|evaluation/|search/|components/Menu|tracker/http-tracker|i18n/en)`,
);
/** parts of the Svelte runtime only screens loaded on demand use: they load with them */
const RUNTIME_ON_DEMAND =
  /node_modules\/svelte\/src\/reactivity\/(index-client|map|set|date|url|url-search-params|media-query)\.js/;
/** a study page's script before the app: its own small file, sharing nothing with the app */
const BEFORE_APP = /src\/player\/before-app(-config)?\.ts$/;
/** the richer blocks, in chunks of their own (src/player/blocks/kinds.ts) */
const RICH_FILES = Object.values(RICH_CHUNKS).flatMap((chunk) =>
  chunk.files.map((file) => `${PLAYER}${file}`),
);

export default defineConfig({
  plugins: [
    svelte({
      // screens loaded on demand bring their styles in their script (Svelte injects them once); server
      // rendering puts them in the page it renders, so only the first page's own screen is inlined
      dynamicCompileOptions: ({ filename }) => (ON_DEMAND.test(filename) ? { css: 'injected' } : undefined),
    }),
  ],
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/player/client',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    cssCodeSplit: true,
    modulePreload: false,
    assetsInlineLimit: 0,
    rolldownOptions: {
      // the app, and what a study page runs before it (src/player/before-app.ts)
      input: ['src/player/main.ts', 'src/player/before-app.ts'],
      output: {
        // one file for the app (the Svelte runtime, the shell and the study page); each other screen, the
        // richer blocks (two chunks) and the server's tracker load on demand
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'app',
              test: (id) =>
                !BEFORE_APP.test(id) &&
                !ON_DEMAND.test(id) &&
                !RUNTIME_ON_DEMAND.test(id) &&
                !RICH_FILES.some((file) => id.includes(file)),
            },
          ],
        },
      },
    },
  },
});
