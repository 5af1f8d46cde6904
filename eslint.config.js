// ESLint for the whole repository: TypeScript rules, React hooks in the renderer, and the walls
// between the app's layers (checked by tests/unit/house/layers.test.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const NODE = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];
const OUTER = ['**/cli/**', '**/transports/**', '**/electron/**', '**/main/index'];

/** Each layer's files and what they may not import (patterns on the import specifier). */
const LAYERS = [
  {
    files: ['src/shared/**/*.ts'],
    forbid: [
      ...NODE,
      'electron',
      'better-sqlite3',
      'react',
      'react-dom',
      '@lexical/react',
      '**/main/**',
      '**/renderer/**',
      '**/preload/**',
    ],
    message:
      'src/shared runs in every process: no Node, Electron, DOM or app code, only shared modules.',
  },
  {
    files: ['src/main/db/**/*.ts'],
    forbid: ['**/services/**', '**/api/**', ...OUTER, 'electron'],
    message: 'src/main/db is the bottom layer: it imports only db and shared modules.',
  },
  {
    files: ['src/main/services/**/*.ts'],
    forbid: ['**/api/**', ...OUTER, 'electron', 'better-sqlite3'],
    message: 'Services import db repositories and shared modules; OS features come through Host.',
  },
  {
    files: ['src/main/api/**/*.ts'],
    forbid: [...OUTER, '**/db/**', 'electron', 'better-sqlite3'],
    message: 'The API imports services and shared modules, never a door or the database.',
  },
  {
    files: [
      'src/main/cli/**/*.ts',
      'src/main/transports/**/*.ts',
      'src/main/electron/**/*.ts',
      'src/main/index.ts',
    ],
    forbid: ['**/services/**', '**/db/**', 'better-sqlite3'],
    message: 'The doors (cli, transports, electron) go through src/main/api (router, local).',
    allowTypeImports: true,
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
      'coverage/**',
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
  // The walls inside the app: transports/electron/cli → api → services → db, nothing upward, and
  // src/shared on its own. tests/unit/main/layers.test.ts proves each wall stops an import.
  ...LAYERS.map(({ files, forbid, message, allowTypeImports }) => ({
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // '@shared/…' is every layer's to import (its own folders are called api/ too).
          patterns: [
            {
              group: [...forbid, '!@shared/**'],
              message,
              allowTypeImports: allowTypeImports ?? false,
            },
          ],
        },
      ],
    },
  })),
  {
    // SQL is prepared only in the data layer.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: 'SQL belongs in src/main/db (a repository); services use ctx.<repository>.',
        },
      ],
    },
  },
);
