import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The staff app. `vite build -c vite.dashboard.config.ts` builds it into dist/dashboard, served by the
// Lentera server under /staff/ (src/server/plugins/dashboard.ts): hashed files in assets/ cache for a
// year, index.html never.
export default defineConfig({
  plugins: [svelte()],
  root: fileURLToPath(new URL('./src/dashboard', import.meta.url)),
  base: '/staff/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    cssCodeSplit: false,
    // the CSP allows no inline script, and Vite's preload polyfill would be one
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
