// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'e2e/screenshots/**',
      'bin/**',
      'scripts/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The core is framework-free: HTTP and UI adapters depend on it, never the reverse.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', 'fastify-*', '@fastify/*'],
              message: 'src/core must not import fastify.',
            },
            {
              group: ['react', 'react-*', '@mantine/*', '@tanstack/*'],
              message: 'src/core must not import react.',
            },
            {
              group: ['**/server/**', '**/cli/**', '**/web/**'],
              message: 'src/core must not import its adapters.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pass configuration in; src/core reads no process globals.' },
      ],
    },
  },
  {
    // Tests and their harness may read the environment (CI, database URLs) like any edge.
    files: ['src/**/*.test.ts', 'src/core/db/testing/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // The web app may use only the contract (*.schema.ts) and pure helpers from core.
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/*.repository',
                '**/*.service',
                '**/core/db/**',
                '**/server/**',
                '**/cli/**',
              ],
              message: 'The web app imports only *.schema.ts from core.',
            },
          ],
        },
      ],
    },
  },
  {
    // Worker threads are plain JavaScript, so they start without a TypeScript loader: no type info.
    files: ['src/**/*.worker.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
