// PDF printing without Electron (the browser mode, the CLI, the tests): the system's Chromium,
// headless, prints the same HTML the desktop app prints with Electron's printToPDF. The page is
// written to a private temporary folder and printed with a throwaway profile; the page's own
// Content-Security-Policy (default-src 'none') lets no script or remote resource run or load.
// Everything is removed afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '@shared/api/errors';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** How long one PDF may take before the print is abandoned. */
const PRINT_TIMEOUT_MS = 120_000;

/** The Chromium to print with: MARGINALIA_CHROMIUM, else the first one installed, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env['MARGINALIA_CHROMIUM'];
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((file) => fs.existsSync(file)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'PDF export needs Chrome or Chromium, and none was found. Install one (on Debian or Ubuntu: ' +
  '`sudo apt install chromium`) or set MARGINALIA_CHROMIUM to its path — or export HTML and ' +
  'print it from your browser.';

/** Prints an HTML document to PDF with headless Chromium. */
export async function printHtmlWithChromium(
  html: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const chromium = findChromium();
  if (!chromium) throw new ApiError('unsupported', NO_CHROMIUM_MESSAGE);
  if (signal?.aborted) throw new ApiError('cancelled', 'The export was cancelled.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-pdf-'));
  try {
    const page = path.join(dir, 'edition.html');
    const pdf = path.join(dir, 'edition.pdf');
    fs.writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      new URL(`file://${page}`).href,
    ];
    await run(chromium, args, signal);
    if (!fs.existsSync(pdf) || fs.statSync(pdf).size === 0) {
      throw new ApiError(
        'internal',
        'Chromium ran but wrote no PDF. Try exporting HTML and printing it.',
      );
    }
    return new Uint8Array(fs.readFileSync(pdf));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const stop = (): void => void child.kill('SIGKILL');
    const timer = setTimeout(stop, PRINT_TIMEOUT_MS);
    signal?.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ApiError('unsupported', `Chromium could not be started: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      if (signal?.aborted) reject(new ApiError('cancelled', 'The export was cancelled.'));
      else if (code === 0) resolve();
      else {
        const reason = stderr.split('\n').find((l) => /error/i.test(l) && !/dbus/i.test(l));
        reject(
          new ApiError(
            'internal',
            `Chromium could not print the PDF (exit ${code})${reason ? `: ${reason.trim()}` : ''}.`,
          ),
        );
      }
    });
  });
}
