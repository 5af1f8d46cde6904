// The desktop shell's part in exports: marginalia:// links reach the window as the renderer's
// route, and PDFs are printed by a hidden, script-less window in a session that can load only
// the page being printed. Electron is stood in for by small fakes of the parts used.
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { appUrlFor, DeepLinkRouter, deepLinkFromArgv } from '../../src/main/electron/deep-link';
import { electronPdfPrinter } from '../../src/main/electron/print-pdf';

const LINK = 'marginalia://record/k7m2q9xa#annotation-0f8e2c1a-1b2c-4d3e-8f90-123456789abc';
const ROUTE = '#/record/k7m2q9xa?annotation=0f8e2c1a-1b2c-4d3e-8f90-123456789abc';

function fakeApp() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    setAsDefaultProtocolClient: vi.fn(() => true),
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn)),
    emit: (name: string, ...args: unknown[]) => listeners.get(name)?.(...args),
  };
}

function fakeWindow(url = 'app://marginalia/index.html#/record/other') {
  return {
    isMinimized: () => true,
    restore: vi.fn(),
    focus: vi.fn(),
    webContents: { getURL: () => url, loadURL: vi.fn(() => Promise.resolve()) },
  };
}

describe('marginalia:// links', () => {
  it('are found among command-line arguments, and only well-formed ones', () => {
    expect(deepLinkFromArgv(['/usr/bin/marginalia', '--flag', LINK])).toEqual({
      recordId: 'k7m2q9xa',
      annotationId: '0f8e2c1a-1b2c-4d3e-8f90-123456789abc',
    });
    expect(deepLinkFromArgv(['marginalia://record/../x', 'https://example.org'])).toBeNull();
    expect(
      appUrlFor('app://marginalia/index.html#/old', { recordId: 'a', annotationId: null }),
    ).toBe('app://marginalia/index.html#/record/a');
  });

  it('register the protocol and open the first window at a link given at start', () => {
    const app = fakeApp();
    const router = new DeepLinkRouter(app as never, () => null, 'app://marginalia/index.html');
    router.register(['/opt/Marginalia/marginalia', LINK], true);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('marginalia');
    expect(router.initialUrl()).toBe(`app://marginalia/index.html${ROUTE}`);
    expect(router.initialUrl()).toBe('app://marginalia/index.html');
  });

  it('in development, leave the handler the installed app registered alone', () => {
    // On Windows setAsDefaultProtocolClient would re-point the registry at the source tree.
    const app = fakeApp();
    const router = new DeepLinkRouter(app as never, () => null, 'http://localhost:5173/');
    router.register(['/electron', 'out/main/index.js', LINK], false);
    expect(app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
    expect(router.initialUrl()).toBe(`http://localhost:5173/${ROUTE}`);
  });

  it('a link arriving while the first page still loads never becomes an unhandled rejection', async () => {
    const app = fakeApp();
    const window = fakeWindow();
    const aborted = Object.assign(new Error("ERR_ABORTED (-3) loading 'app://marginalia/'"), {
      errno: -3,
      code: 'ERR_ABORTED',
    });
    window.webContents.loadURL.mockImplementation(() => Promise.reject(aborted));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = new DeepLinkRouter(app as never, () => window as never, 'app://marginalia/');
    router.register([], true);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      router.handleArgv([LINK]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
      expect(errors).not.toHaveBeenCalled();
      window.webContents.loadURL.mockImplementation(() =>
        Promise.reject(Object.assign(new Error('ERR_FILE_NOT_FOUND (-6)'), { errno: -6 })),
      );
      router.handleArgv([LINK]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
      expect(errors).toHaveBeenCalledWith(
        expect.stringMatching(/could not load .*ERR_FILE_NOT_FOUND/),
      );
    } finally {
      process.off('unhandledRejection', unhandled);
      errors.mockRestore();
    }
  });

  it('bring the running window forward at the span (second instance, macOS open-url)', () => {
    const app = fakeApp();
    const window = fakeWindow();
    const router = new DeepLinkRouter(
      app as never,
      () => window as never,
      'app://marginalia/index.html',
    );
    router.register([], false);
    router.handleArgv(['/opt/Marginalia/marginalia', LINK]);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.loadURL).toHaveBeenLastCalledWith(
      `app://marginalia/index.html${ROUTE}`,
    );
    const event = { preventDefault: vi.fn() };
    app.emit('open-url', event, 'marginalia://record/abc');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.webContents.loadURL).toHaveBeenLastCalledWith(
      'app://marginalia/index.html#/record/abc',
    );
    app.emit('open-url', event, 'marginalia://record/<bad>');
    expect(window.webContents.loadURL).toHaveBeenCalledTimes(2);
  });
});

describe('PDF printing in the desktop app', () => {
  function fakes(fail = false) {
    let filter: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null =
      null;
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn((fn: typeof filter) => (filter = fn)) },
    };
    const windows: { options: Record<string, unknown>; loaded?: string; destroyed: boolean }[] = [];
    class BrowserWindow {
      state: { options: Record<string, unknown>; loaded?: string; destroyed: boolean };
      webContents = {
        printToPDF: vi.fn(async (options: object) => {
          if (fail) throw new Error('printer on fire');
          expect(options).toMatchObject({ printBackground: true, preferCSSPageSize: true });
          return Buffer.from('%PDF-1.7 fake');
        }),
      };
      constructor(options: Record<string, unknown>) {
        this.state = { options, destroyed: false };
        windows.push(this.state);
      }
      async loadURL(url: string) {
        this.state.loaded = url;
        expect(fs.readFileSync(new URL(url), 'utf8')).toContain('<h1>Телеграмма</h1>');
      }
      isDestroyed() {
        return this.state.destroyed;
      }
      destroy() {
        this.state.destroyed = true;
      }
    }
    const decide = (url: string) => {
      let cancel = false;
      filter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    return { session, BrowserWindow, windows, decide };
  }

  it('prints in a hidden window without scripts, that may load only its own page', async () => {
    const { session, BrowserWindow, windows, decide } = fakes();
    const print = electronPdfPrinter({
      BrowserWindow: BrowserWindow as never,
      session: session as never,
    });
    const pdf = await print('<!DOCTYPE html><h1>Телеграмма</h1>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    const [window] = windows;
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        session,
      },
    });
    expect(decide(window!.loaded!)).toBe(false);
    expect(decide('https://tracker.example/pixel.png')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(window!.destroyed).toBe(true);
    expect(fs.existsSync(new URL(window!.loaded!))).toBe(false);
  });

  it('reports a failed print as a sentence and cleans up', async () => {
    const { session, BrowserWindow, windows } = fakes(true);
    const print = electronPdfPrinter({
      BrowserWindow: BrowserWindow as never,
      session: session as never,
    });
    await expect(print('<h1>Телеграмма</h1>')).rejects.toThrow(
      'The PDF could not be printed: printer on fire',
    );
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('stops at once when cancelled', async () => {
    const { session, BrowserWindow } = fakes();
    const print = electronPdfPrinter({
      BrowserWindow: BrowserWindow as never,
      session: session as never,
    });
    const controller = new AbortController();
    controller.abort();
    await expect(print('<h1>Телеграмма</h1>', controller.signal)).rejects.toThrow(
      'The export was cancelled.',
    );
  });
});
