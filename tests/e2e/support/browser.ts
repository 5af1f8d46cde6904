// Finds a Chromium to drive: the one a user already has (Debian's package here), else
// Playwright's own download; when there is none, says exactly what to install.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string {
  const fromEnv = process.env['MARGINALIA_CHROMIUM'];
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`MARGINALIA_CHROMIUM=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const system = SYSTEM_CHROMIUMS.find((file) => fs.existsSync(file));
  if (system) return system;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && fs.existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: on Debian/Ubuntu ' +
      '`sudo apt install chromium`, elsewhere `npx playwright install chromium`, or point ' +
      'MARGINALIA_CHROMIUM at a Chrome/Chromium executable.',
  );
}

/** Flags for a quiet headless Chromium on a machine without network or a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
