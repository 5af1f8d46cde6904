// Launches the real desktop app with Playwright's Electron driver. Machines that installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 (CI here: no GitHub downloads) have no Electron binary, and
// this test says so and skips; on a developer's machine it runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string | null {
  try {
    const pathFile = path.join(ROOT, 'node_modules/electron/path.txt');
    const dist = path.join(ROOT, 'node_modules/electron/dist');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(dist, fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('the desktop app opens the sample record in a secure window', async () => {
  test.skip(
    binary === null,
    'No Electron binary installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1). ' +
      'Run `npm install` without it, then `npm start` once, to run this test.',
  );
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT],
    env: { ...process.env, NODE_ENV: 'production', MARGINALIA_DATA_DIR: userData },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toContainText(
      'Ciphered Telegram No. 3917',
    );
    await expect(window.getByRole('region', { name: /Russian/ })).toBeVisible();
    // Isolated and sandboxed: the page sees no Node, only the one bridge function.
    const exposed = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { marginalia: object }).marginalia),
      origin: location.origin,
    }));
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['invoke'],
      origin: 'app://marginalia',
    });
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
