// The benchmarks that time what a user sees start `marginalia serve` on their library and drive
// the system's Chromium against it, as the end-to-end tests do.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type * as PlaywrightCore from 'playwright-core';

export interface BrowserSession {
  /** The address `serve` printed, with its access token. */
  url: string;
  browser: PlaywrightCore.Browser;
  close(): Promise<void>;
}

const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Serves `dataDir` and launches a headless Chromium; null, with a line saying so, when there is
 * no Chromium or no built app (the browser figures are then skipped).
 */
export async function openBrowserSession(
  log: (line: string) => void,
  dataDir: string,
): Promise<BrowserSession | null> {
  const executablePath = [process.env['MARGINALIA_CHROMIUM'] ?? '', ...CHROMIUMS].find(
    (file) => file !== '' && fs.existsSync(file),
  );
  const cli = path.resolve('out/main/cli.js');
  if (!executablePath || !fs.existsSync(cli)) {
    log('  (Chromium or the built CLI not found: browser figures skipped)');
    return null;
  }
  // Loaded only here, when browser figures are taken: the bench bundle stays small.
  const moduleName = 'playwright-core';
  const { chromium } = (await import(/* @vite-ignore */ moduleName)) as typeof PlaywrightCore;
  const server = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = out.split('\n').find((l) => l.startsWith('http://'));
        if (found) resolve(found.trim());
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    return {
      url,
      browser,
      close: async () => {
        await browser.close();
        server.kill('SIGTERM');
      },
    };
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
}
