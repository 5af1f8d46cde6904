// PDF printing in the desktop app: Electron's printToPDF on a hidden window. The window lives in
// its own in-memory session that may load nothing but the one page being printed, runs no
// JavaScript, and is destroyed afterwards (or at once when the export is cancelled).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow as BrowserWindowType, Session } from 'electron';
import { ApiError } from '@shared/api/errors';

export interface PrintDeps {
  BrowserWindow: typeof BrowserWindowType;
  /** An in-memory session reserved for printing (session.fromPartition('marginalia-print')). */
  session: Session;
  tmpdir?: string;
}

const cancelled = (): ApiError => new ApiError('cancelled', 'The export was cancelled.');

export function electronPdfPrinter(
  deps: PrintDeps,
): (html: string, signal?: AbortSignal) => Promise<Uint8Array> {
  let queue: Promise<unknown> = Promise.resolve();
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);

  const printOne = async (html: string, signal?: AbortSignal): Promise<Uint8Array> => {
    if (signal?.aborted) throw cancelled();
    const dir = fs.mkdtempSync(path.join(deps.tmpdir ?? os.tmpdir(), 'marginalia-print-'));
    const file = path.join(dir, 'edition.html');
    fs.writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    deps.session.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: details.url !== url && !details.url.startsWith('data:') });
    });
    const window = new deps.BrowserWindow({
      show: false,
      webPreferences: {
        session: deps.session,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
      },
    });
    const abort = (): void => {
      if (!window.isDestroyed()) window.destroy();
    };
    signal?.addEventListener('abort', abort, { once: true });
    try {
      await window.loadURL(url);
      if (signal?.aborted) throw cancelled();
      const pdf = await window.webContents.printToPDF({
        printBackground: true,
        preferCSSPageSize: true,
        generateDocumentOutline: true,
      });
      return new Uint8Array(pdf);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw error instanceof ApiError
        ? error
        : new ApiError('internal', `The PDF could not be printed: ${(error as Error).message}`);
    } finally {
      signal?.removeEventListener('abort', abort);
      abort();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  // One print at a time: the session's request filter names the one page being printed.
  return (html, signal) => {
    const next = queue.then(() => printOne(html, signal));
    queue = next.catch(() => undefined);
    return next;
  };
}
