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
        test: { name: 'unit', include: ['tests/unit/**/*.spec.ts'] },
      },
      {
        // Real folders, real watchers, real time: slower, and run on their own.
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.spec.ts'] },
      },
    ],
  },
});
