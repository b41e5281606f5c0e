import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import {
  META_CONTENT_SECURITY_POLICY,
  WORKBENCH_META_CONTENT_SECURITY_POLICY,
} from './src/node/http/security-headers';

/**
 * Each page's CSP meta tag, from the one policy the protocol and the preview also send: the
 * kiosk's page, and the preview's workbench (which may show the kiosk page in a frame).
 */
const contentSecurityPolicyMeta: Plugin = {
  name: 'clinic-kiosk:content-security-policy',
  transformIndexHtml: (_html, context) => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: context.filename.endsWith('workbench.html')
          ? WORKBENCH_META_CONTENT_SECURITY_POLICY
          : META_CONTENT_SECURITY_POLICY,
      },
      injectTo: 'head-prepend',
    },
  ],
};

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
          report: resolve(__dirname, 'src/cli/report.ts'),
          // Reads the content folder in a process of its own (src/node/content/agent.ts).
          'content-agent': resolve(__dirname, 'src/node/content/agent-process.ts'),
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
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.mjs') }), contentSecurityPolicyMeta],
    build: {
      minify: true,
      // Inlined data: URLs would need a looser Content-Security-Policy.
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // The preview's workbench (src/renderer/src/workbench): served by the preview only.
          workbench: resolve(__dirname, 'src/renderer/workbench.html'),
        },
      },
    },
  },
});
