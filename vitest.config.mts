import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte({ configFile: './svelte.config.mjs' })],
  test: {
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.spec.ts'],
          exclude: ['tests/unit/renderer/**'],
        },
      },
      {
        // The page's code, compiled for the browser as the kiosk runs it (Svelte's runes are only
        // reactive there), in a DOM that happy-dom provides.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: { name: 'renderer', include: ['tests/unit/renderer/**/*.spec.ts'], environment: 'happy-dom' },
      },
      {
        // Real folders, real watchers, real time: slower, and run on their own.
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.spec.ts'] },
      },
    ],
  },
});
