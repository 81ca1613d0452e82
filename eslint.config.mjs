import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // public/embed.js is minified from embed/loader.js (scripts/build-embed.mjs), which is linted.
  globalIgnores(['.next/**', '.next-*/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'next-env.d.ts', '.tmp/**', '.bench/**', 'public/embed.js']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '**/*.cjs', 'jest.config.js', 'next.config.js', '__tests__/support/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
]);
