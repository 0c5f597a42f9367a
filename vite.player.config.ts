import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The learner player. `vite build -c vite.player.config.ts` builds the browser app into dist/player/client
// (relative URLs, so one build works under any path); adding `--ssr src/player/render.ts --outDir
// dist/player/ssr` builds the server renderer the static export and the Lentera server use.
export default defineConfig({
  plugins: [svelte()],
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
      input: 'src/player/main.ts',
    },
  },
});
