import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/browser';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Generous limits: these are flows, not timings (speed is measured in `npm run bench`), and
  // a machine shared by several builds runs them two or three times slower than a quiet one.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1440, height: 960 },
    locale: 'en-GB',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
});
