import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The browser preview is a plain Node program built alongside the main process, so that
          // both load content with the very same code.
          preview: resolve(__dirname, 'src/preview/cli.ts'),
          // Command-line tools for staff and installers, sharing the kiosk's own modules.
          'content-check': resolve(__dirname, 'src/cli/content-check.ts'),
          'set-pin': resolve(__dirname, 'src/cli/set-pin.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require anything: bundle it whole.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.mjs') })],
    build: {
      minify: true,
      // Inlined data: URLs would need a looser Content-Security-Policy.
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: resolve(__dirname, 'src/renderer/index.html'),
      },
    },
  },
});
