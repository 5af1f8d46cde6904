// The Electron shell's logic, with `electron` mocked: window options, IPC wiring and the
// navigation and protocol guards.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (...args: unknown[]) => unknown>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
  },
}));

import { ipcMain } from 'electron';
import { registerIpc, isTrustedSender, INVOKE_CHANNEL } from '../../src/main/electron/ipc';
import { contextDoor } from '../../src/main/api/router';
import { createMainWindow } from '../../src/main/electron/window';
import {
  linkAction,
  lockDownWebContents,
  restrictPermissions,
} from '../../src/main/electron/security';
import { SECURE_WEB_PREFERENCES } from './support/security-baseline';
import { isAppUrl, serveAppRequest } from '../../src/main/electron/app-protocol';
import { electronHost } from '../../src/main/electron/host';
import { importSample, memoryContext, tempDir } from '../unit/support/context';
import fs from 'node:fs';
import path from 'node:path';

function event(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent } } as never;
}

describe('the app window', () => {
  function openWindow() {
    const instances: FakeWindow[] = [];
    class FakeWindow {
      loadURL = vi.fn(() => Promise.resolve());
      once = vi.fn((name: string, cb: () => void) => name === 'ready-to-show' && cb());
      show = vi.fn();
      constructor(public options: { webPreferences: object }) {
        instances.push(this);
      }
    }
    createMainWindow(FakeWindow as never, {
      preload: '/app/out/preload/index.cjs',
      url: 'app://marginalia/index.html',
    });
    return instances[0]!;
  }

  it('is isolated, sandboxed and without Node', () => {
    expect(openWindow().options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      ...SECURE_WEB_PREFERENCES,
    });
  });

  it('loads the app URL and shows itself when ready', () => {
    const window = openWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://marginalia/index.html');
    expect(window.show).toHaveBeenCalled();
  });
});

describe('navigation and new windows', () => {
  const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
  let openHandler: (details: { url: string }) => { action: string };
  const opened: string[] = [];
  const routed: string[] = [];
  beforeEach(() => {
    listeners.clear();
    opened.length = 0;
    routed.length = 0;
    const contents = {
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      on: (name: string, fn: (e: { preventDefault(): void }, url: string) => void) =>
        listeners.set(name, fn),
    };
    lockDownWebContents(contents as never, {
      openExternal: (url) => opened.push(url),
      openDeepLink: (url) => routed.push(url),
    });
  });

  it('denies every new window, handing web and mailto: links to the system', () => {
    for (const url of [
      'https://example.org',
      'mailto:archivist@example.org?subject=Record%20110374',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'marginalia://record/k7m2q9xa',
    ]) {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([
      'https://example.org',
      'mailto:archivist@example.org?subject=Record%20110374',
    ]);
    expect(routed).toEqual(['marginalia://record/k7m2q9xa']);
  });

  it('tells links apart by scheme only', () => {
    expect(linkAction('HTTPS://EXAMPLE.ORG/x')).toBe('external');
    expect(linkAction('MAILTO:a@b.org')).toBe('external');
    expect(linkAction('mailto:')).toBe('refuse');
    expect(linkAction('data:text/html,<script>')).toBe('refuse');
    expect(linkAction('vbscript:x')).toBe('refuse');
  });

  it('blocks navigation away from the app and webviews', () => {
    const prevent = vi.fn();
    listeners.get('will-navigate')!({ preventDefault: prevent }, 'https://evil.example');
    listeners.get('will-redirect')!({ preventDefault: prevent }, 'file:///etc/passwd');
    listeners.get('will-attach-webview')!({ preventDefault: prevent }, '');
    expect(prevent).toHaveBeenCalledTimes(3);
    const allowed = vi.fn();
    listeners.get('will-navigate')!(
      { preventDefault: allowed },
      'app://marginalia/index.html#/record/x',
    );
    expect(allowed).not.toHaveBeenCalled();
  });

  it('grants no permission but writing text to the clipboard, to the app page only', () => {
    type Request = (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
      d: { requestingUrl: string },
    ) => void;
    let request: Request = () => undefined;
    let check: (c: unknown, p: string, origin: string) => boolean = () => true;
    restrictPermissions({
      setPermissionRequestHandler: (fn: Request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as never);
    const answer = vi.fn();
    const app = { requestingUrl: 'app://marginalia/index.html#/record/x' };
    request(null, 'media', answer, app);
    request(null, 'clipboard-read', answer, app);
    request(null, 'clipboard-sanitized-write', answer, app);
    request(null, 'clipboard-sanitized-write', answer, { requestingUrl: 'https://evil.example/' });
    expect(answer.mock.calls).toEqual([[false], [false], [true], [false]]);
    expect(check(null, 'clipboard-sanitized-write', 'app://marginalia')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://marginalia.evil')).toBe(false);
    expect(check(null, 'clipboard-read', 'app://marginalia')).toBe(false);
    expect(check(null, 'notifications', 'app://marginalia')).toBe(false);
  });
});

describe('IPC', () => {
  it('serves the API on one channel to the app page only', async () => {
    const ctx = memoryContext();
    await importSample(ctx);
    registerIpc(ipcMain, contextDoor(ctx));
    const handle = handlers.get(INVOKE_CHANNEL)!;
    const ok = (await handle(event('app://marginalia/index.html'), 'records.list', {})) as {
      ok: boolean;
    };
    expect(ok.ok).toBe(true);
    const foreign = await handle(event('https://evil.example/'), 'records.list', {});
    expect(foreign).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Refused/) },
    });
    const subframe = await handle(event('app://marginalia/index.html', {}), 'records.list', {});
    expect(subframe).toMatchObject({ ok: false });
    const invalid = await handle(event('app://marginalia/index.html'), 'records.get', { id: 7 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('trusts the dev server only when one is configured', () => {
    expect(isTrustedSender(event('http://localhost:5173/'))).toBe(false);
    expect(isTrustedSender(event('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('app://marginalia.evil/x')).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const dir = tempDir('protocol');
  fs.writeFileSync(path.join(dir, 'index.html'), '<title>x</title>');

  it('serves the renderer with a strict CSP', async () => {
    const response = serveAppRequest(dir, 'app://marginalia/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await response.text()).toBe('<title>x</title>');
  });

  it('never serves files outside it', () => {
    expect(serveAppRequest(dir, 'app://marginalia/../../etc/passwd').status).toBe(404);
    // A malformed %-escape is a bad request, not an exception (issue 14, point 5).
    expect(serveAppRequest(dir, 'app://marginalia/%ZZ').status).toBe(400);
    expect(serveAppRequest(dir, 'app://marginalia/%c0%ae%c0%ae/etc/passwd').status).toBe(400);
    expect(serveAppRequest(dir, 'app://marginalia/%2e%2e%2f%2e%2e%2fetc%2fpasswd').status).toBe(
      404,
    );
    expect(serveAppRequest(dir, 'app://other/index.html').status).toBe(404);
  });
});

describe('native dialogs', () => {
  it('returns the picked files, or null when cancelled', async () => {
    const dialog = {
      showOpenDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePaths: ['/a.txt'] })
        .mockResolvedValueOnce({ canceled: true, filePaths: [] }),
      showSaveDialog: vi.fn().mockResolvedValue({ canceled: false, filePath: '/notes.md' }),
    };
    const host = electronHost(dialog as never, () => null);
    expect(host.nativeDialogs).toBe(true);
    expect(await host.pickImportFiles()).toEqual(['/a.txt']);
    expect(await host.pickImportFiles()).toBeNull();
    expect(await host.pickSavePath('n.md', [])).toBe('/notes.md');
  });

  it('names the file being exported in the save dialog title', async () => {
    // Linux portal choosers older than version 4 drop defaultPath: the title still says it.
    const dialog = {
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn().mockResolvedValue({ canceled: true, filePath: '' }),
    };
    const host = electronHost(dialog as never, () => null);
    expect(await host.pickSavePath('Telegram 3917.md', [])).toBeNull();
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      title: 'Export “Telegram 3917.md”',
      defaultPath: 'Telegram 3917.md',
      filters: [],
    });
  });
});
