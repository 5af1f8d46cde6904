import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the core only through the typed API client.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', '**/main/**', 'better-sqlite3'] },
      ],
    },
  },
  {
    // Shared code runs in every process: no Node, no Electron, no DOM-only modules.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', 'better-sqlite3', 'react', 'react-dom'] },
      ],
    },
  },
  {
    // Services are plain Node: OS features reach them through the Host interface.
    files: [
      'src/main/services/**/*.ts',
      'src/main/db/**/*.ts',
      'src/main/api/**/*.ts',
      'src/main/cli/**/*.ts',
      'src/main/transports/http-*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'] }],
    },
  },
);
