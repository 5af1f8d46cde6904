// The Electron shell's whole start-up, with `electron` replaced by recording fakes: the library
// opens in the user-data folder with the sample, the app:// protocol and the IPC channel are
// registered, remote requests are blocked, and the window opens isolated and sandboxed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => ({
  appListeners: new Map<string, Listener[]>(),
  ipcHandlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, Listener>(),
  privileged: [] as unknown[],
  windows: [] as { options: { webPreferences: Record<string, unknown> }; url: string | null }[],
  beforeRequest: null as Listener | null,
  permissionRequest: null as Listener | null,
  paths: new Map<string, string>(),
  defaultProtocolClient: [] as unknown[][],
}));

vi.mock('electron', () => {
  const on = (name: string, listener: Listener) => {
    const list = recorded.appListeners.get(name) ?? [];
    list.push(listener);
    recorded.appListeners.set(name, list);
  };
  const fakeSession = () => ({
    setPermissionRequestHandler: (fn: Listener) => (recorded.permissionRequest = fn),
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: (fn: Listener) => (recorded.beforeRequest = fn) },
    protocol: { handle: () => undefined },
  });
  class BrowserWindow {
    static getAllWindows = () => recorded.windows;
    webContents = { getURL: () => '', loadURL: async () => undefined };
    private record: (typeof recorded.windows)[number];
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.record = { options, url: null };
      recorded.windows.push(this.record);
    }
    once(): void {}
    on(): void {}
    show(): void {}
    async loadURL(url: string): Promise<void> {
      this.record.url = url;
    }
  }
  const app = {
    on,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    setAsDefaultProtocolClient: (...args: unknown[]) => recorded.defaultProtocolClient.push(args),
    setPath: (name: string, value: string) => recorded.paths.set(name, value),
    getPath: (name: string) => recorded.paths.get(name) ?? os.tmpdir(),
    getVersion: () => '0.0.0-test',
    quit: () => undefined,
    exit: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, fn: Listener) => recorded.ipcHandlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
      handle: (scheme: string, fn: Listener) => recorded.protocolHandlers.set(scheme, fn),
    },
    session: { defaultSession: fakeSession(), fromPartition: () => fakeSession() },
    shell: { openExternal: vi.fn() },
  };
});

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electron-main-'));

beforeAll(async () => {
  process.env['MARGINALIA_DATA_DIR'] = dataDir;
  await import('../../src/main/index');
  // Let app.whenReady().then(…) run.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(() => {
  delete process.env['MARGINALIA_DATA_DIR'];
});

describe('the desktop app starting up', () => {
  it('opens its library in the user-data folder, with the sample record', async () => {
    expect(recorded.paths.get('userData')).toBe(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'library.sqlite'))).toBe(true);
    const invoke = recorded.ipcHandlers.get('marginalia:invoke')!;
    const sender = { senderFrame: { url: 'app://marginalia/index.html', parent: null } };
    const result = (await invoke(sender, 'records.list', {})) as {
      ok: boolean;
      value: { recordId: string }[];
    };
    expect(result.ok).toBe(true);
    expect(result.value.map((r) => r.recordId)).toEqual(['110374']);
  });

  it('serves the renderer from a privileged app:// scheme', () => {
    expect(recorded.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ secure: true }),
      }),
    ]);
    expect(recorded.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one window, isolated and sandboxed, on the app page', () => {
    expect(recorded.windows).toHaveLength(1);
    const window = recorded.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(window.options.webPreferences['preload'])).toMatch(
      /out[/\\]preload[/\\]index\.cjs$/,
    );
    expect(window.url).toBe('app://marginalia/index.html');
  });

  it('blocks remote requests and grants no permissions', () => {
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (answer: { cancel: boolean }) => (cancel = answer.cancel));
      return cancel;
    };
    expect(verdict('https://example.org/tracker.js')).toBe(true);
    expect(verdict('app://marginalia/assets/index.js')).toBe(false);
    const answer = vi.fn();
    recorded.permissionRequest!(null, 'geolocation', answer);
    expect(answer).toHaveBeenCalledWith(false);
  });

  it('locks down every web contents it creates, and registers marginalia:// links', () => {
    expect(recorded.appListeners.get('web-contents-created')).toHaveLength(1);
    expect(recorded.defaultProtocolClient.map((args) => args[0])).toContain('marginalia');
  });
});
