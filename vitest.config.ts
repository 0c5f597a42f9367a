import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// unit tests run everywhere; e2e tests need Debian's chromium and a built player
export default defineConfig({
  test: {
    projects: [
      {
        // compiles runes in *.svelte.ts state classes so they are tested without a DOM
        plugins: [svelte()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/*.test.ts', 'tests/server/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          // CLI and server tests spawn processes: generous limits for busy 2-core machines
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
