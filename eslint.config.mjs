// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.mjs';

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
