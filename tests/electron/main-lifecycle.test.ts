// The Electron shell's whole start-up, with `electron` replaced by recording fakes: the library
// opens in the user-data folder with the sample, the app:// protocol and the IPC channel are
// registered, remote requests are blocked, and the window opens isolated and sandboxed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invoke, recorded, resetFakeElectron } from './support/fake-electron';
import { SECURE_WEB_PREFERENCES } from './support/security-baseline';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electron-main-'));

beforeAll(async () => {
  resetFakeElectron();
  process.env['MARGINALIA_DATA_DIR'] = dataDir;
  await import('../../src/main/index');
  // app.whenReady().then(…) opens the library and imports the sample through the parse worker
  // before it opens the window: give a busy machine time.
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), {
    timeout: 20_000,
    interval: 50,
  });
}, 30_000);

afterAll(() => {
  delete process.env['MARGINALIA_DATA_DIR'];
});

describe('the desktop app starting up', () => {
  it('opens its library in the user-data folder, with the sample record', async () => {
    expect(recorded.paths.get('userData')).toBe(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'library.sqlite'))).toBe(true);
    const result = (await invoke('records.list')) as {
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
    expect(window.options.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(String(window.options.webPreferences['preload'])).toMatch(
      /out[/\\]preload[/\\]index\.cjs$/,
    );
    expect(window.url).toBe('app://marginalia/index.html');
  });

  it('blocks remote requests and grants no permission but writing to the clipboard', () => {
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (answer: { cancel: boolean }) => (cancel = answer.cancel));
      return cancel;
    };
    expect(verdict('https://example.org/tracker.js')).toBe(true);
    expect(verdict('app://marginalia/assets/index.js')).toBe(false);
    const answer = vi.fn();
    recorded.permissionRequest!(null, 'geolocation', answer, {
      requestingUrl: 'app://marginalia/index.html',
    });
    recorded.permissionRequest!(null, 'clipboard-sanitized-write', answer, {
      requestingUrl: 'app://marginalia/index.html',
    });
    expect(answer.mock.calls).toEqual([[false], [true]]);
  });

  it('locks down every web contents it creates, and claims no marginalia:// links in development', () => {
    expect(recorded.appListeners.get('web-contents-created')).toHaveLength(1);
    expect(recorded.defaultProtocolClient).toEqual([]);
  });
});
