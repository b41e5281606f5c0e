// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.mjs';

/** Packages that need Node or Electron, which the page must never bundle. */
const NODE_ONLY_PACKAGES = String.raw`^(node:|electron|yaml$|zod$|markdown-it|chokidar|write-file-atomic)`;

/**
 * One `no-restricted-imports` block per source folder: the other folders it may not import (by
 * relative path), and the packages it may not use.
 * @param {Record<string, { folders: string[], why: string, packages?: string, extra?: { regex: string, message: string }[] }>} rules
 * @returns {import('eslint').Linter.Config[]}
 */
function importBoundaries(rules) {
  return Object.entries(rules).map(([files, rule]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(\.\./)+(${rule.folders.join('|')})(/|$)`,
              message: rule.why,
            },
            ...(rule.packages === undefined ? [] : [{ regex: rule.packages, message: rule.why }]),
            ...(rule.extra ?? []),
          ],
        },
      ],
    },
  }));
}

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/']),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  svelte.configs.recommended,

  // Type-aware linting everywhere. tsconfig.json is a solution file: the project service follows
  // its references to tsconfig.scripts.json (the .mjs files), tsconfig.node.json and tsconfig.web.json.
  // In .mjs files, the no-unsafe-* rules do not see a JSDoc cast of an `any` value
  // (typescript-eslint/typescript-eslint#4824): declare such a value `unknown` first, then cast it.
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // The same for every file, .ts or .svelte, so the project service is not reloaded.
        extraFileExtensions: ['.svelte'],
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
  },

  // Svelte components and rune modules: svelte-eslint-parser, with typescript-eslint for <script lang="ts">.
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig,
      },
    },
    rules: {
      // TypeScript (and svelte-check) already catch undefined names, and know about types and runes.
      'no-undef': 'off',
      // Known limitation (sveltejs/eslint-plugin-svelte#1150): ESLint sees an imported component through
      // svelte's ambient `*.svelte` module, with `any` props. Annotate the parameters of callbacks
      // passed to child components, e.g. onpick={(slide: number) => ...}; svelte-check checks the rest.
    },
  },

  // The renderer runs in the browser, everything else in Node.
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    ignores: ['src/renderer/**'],
    languageOptions: { globals: globals.node },
  },

  // Folders mean what they say (ARCHITECTURE.md): each side imports only what it may run.
  ...importBoundaries({
    'src/shared/**': {
      folders: ['main', 'node', 'renderer', 'preload', 'preview', 'cli'],
      why: 'src/shared holds only what both sides of the IPC boundary use: it imports nothing else',
      packages: '^[^.]',
    },
    'src/renderer/**': {
      folders: ['main', 'node', 'preload', 'preview', 'cli'],
      why: 'the page runs in a sandboxed browser: it may use src/shared, never Node or Electron code',
      packages: NODE_ONLY_PACKAGES,
    },
    'src/node/**': {
      folders: ['main', 'renderer', 'preload', 'preview', 'cli'],
      why: 'src/node is plain Node code shared by main, the preview and the CLIs: no Electron, no page',
      packages: '^electron$',
    },
    'src/preload/**': {
      folders: ['main', 'node', 'renderer', 'preview', 'cli'],
      why: 'the preload only turns the IPC contract in src/shared into window.kiosk',
    },
    'src/preview/**': {
      folders: ['main', 'renderer', 'preload', 'cli'],
      why: 'the preview runs in plain Node: it shares src/node with main, never main itself',
      packages: '^electron$',
    },
    'src/cli/**': {
      folders: ['main', 'renderer', 'preload', 'preview'],
      why: 'the command-line tools run in plain Node: they share src/node with main, never main itself',
      packages: '^electron$',
    },
    'src/main/**': {
      folders: ['renderer', 'preload'],
      why: 'main reaches the page only through the IPC contract in src/shared',
      extra: [
        {
          regex: String.raw`^(\.\./)+cli/(?!.*-command$)`,
          message: "main may run a command-line tool's *-command module, never its terminal entry point",
        },
        {
          regex: String.raw`^(\.\./)+preview/(?!server$)`,
          message: "main may start the preview's server (the preview window), never its terminal entry point",
        },
      ],
    },
  }),

  // Team-wide rule settings.
  {
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // No warnings in this project (lint runs with --max-warnings 0): the recommended "warn"s are errors.
      'svelte/no-at-debug-tags': 'error',
      'svelte/no-inspect': 'error',
    },
  },

  // Tests may assert that a value they just set up is there.
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
