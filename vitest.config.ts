// The unit tests (vitest, in Node) and how their coverage of src is reported.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'tests/electron/**/*.test.ts',
      'tests/packaging/**/*.test.ts',
    ],
    environment: 'node',
    // Imports run in the parse worker: build it from the sources first.
    globalSetup: ['tests/unit/support/worker-bundle.ts'],
    testTimeout: 20_000,
    // `npm run test:unit -- --coverage`: what the unit tests run of src, by V8's own counters.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/**/*.d.ts'],
      reporter: ['text-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
