// Playwright settings for the `_electron` smoke test alone, as the GitHub workflow runs it on
// Linux, Windows and macOS: it drives Electron's own window, so it needs no browser.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: 'electron-smoke.spec.ts',
  outputDir: 'test-results/electron',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
