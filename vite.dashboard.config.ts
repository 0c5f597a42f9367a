import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The staff app. `vite build -c vite.dashboard.config.ts` builds it into dist/dashboard, served by the
// Lentera server under /staff/ (src/server/plugins/dashboard.ts): hashed files in assets/ cache for a
// year, index.html never. `vitest run -c vite.dashboard.config.ts` runs the staff app's unit tests,
// including the *.svelte.ts state classes, which need the Svelte compiler.
export default defineConfig({
  plugins: [svelte()],
  root: 'src/dashboard',
  base: '/staff/',
  publicDir: false,
  build: {
    outDir: '../../dist/dashboard',
    emptyOutDir: true,
    target: 'es2022',
    cssCodeSplit: false,
    // the CSP allows no inline script, and Vite's preload polyfill would be one
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    root: '.',
    include: ['src/dashboard/**/*.test.ts'],
    environment: 'node',
  },
});
