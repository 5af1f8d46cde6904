// The desktop app's start-up in the situations a user meets and no test machine here can show
// with a real Electron: a library folder given as a relative or missing path, or one that cannot
// be used; a launch with --no-sandbox; a packaged app; links and files handed over by the
// system, to the first instance or a second one; a link arriving on macOS with no window open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emitApp, invoke, recorded, resetFakeElectron } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

import { dialog } from 'electron';
import { startDesktopApp, type StartOptions } from '../../src/main/electron/start';
import { desktopDataDir } from '../../src/main/electron/data-dir';
import { defaultDataDir } from '../../src/main/paths';
import { filesFromArgv, MAX_OPENED_FILES } from '../../src/main/electron/open-files';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'resources/sample/wilson-center-110374.txt');

function temp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `marginalia-start-${prefix}-`));
}

function options(overrides: Partial<StartOptions> = {}): StartOptions {
  return {
    env: { MARGINALIA_DATA_DIR: temp('library') },
    argv: ['/opt/Marginalia/marginalia'],
    cwd: os.tmpdir(),
    platform: 'linux',
    ...overrides,
  };
}

/** Start-up imports the sample through the parse worker: give a busy machine time. */
const SLOW = { timeout: 20_000, interval: 50 };

async function started(): Promise<void> {
  await vi.waitFor(() => expect(recorded.windows.length).toBeGreaterThan(0), SLOW);
}

let stderr: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  stderr.mockRestore();
});

describe('the library folder', () => {
  it('is the folder the CLI uses by default, on every system', () => {
    const config = temp('xdg');
    const previous = process.env['XDG_CONFIG_HOME'];
    process.env['XDG_CONFIG_HOME'] = config;
    try {
      resetFakeElectron();
      startDesktopApp(options({ env: {} }));
      expect(recorded.paths.get('userData')).toBe(defaultDataDir());
      if (process.platform === 'linux') {
        expect(recorded.paths.get('userData')).toBe(path.join(config, 'Marginalia'));
      }
      expect(fs.statSync(defaultDataDir()).isDirectory()).toBe(true);
    } finally {
      if (previous === undefined) delete process.env['XDG_CONFIG_HOME'];
      else process.env['XDG_CONFIG_HOME'] = previous;
    }
  });

  it('may be a relative MARGINALIA_DATA_DIR that does not exist yet', async () => {
    const cwd = temp('cwd');
    resetFakeElectron();
    startDesktopApp(options({ env: { MARGINALIA_DATA_DIR: 'my library/2026' }, cwd }));
    const expected = path.join(cwd, 'my library/2026');
    expect(recorded.paths.get('userData')).toBe(expected);
    await started();
    expect(fs.existsSync(path.join(expected, 'library.sqlite'))).toBe(true);
  });

  it('that cannot be used stops the start with a sentence, not a crash, and no dialog in CI', () => {
    const blocker = path.join(temp('file'), 'library');
    fs.writeFileSync(blocker, 'not a folder');
    resetFakeElectron();
    startDesktopApp(options({ env: { MARGINALIA_DATA_DIR: blocker, CI: 'true' } }));
    expect(recorded.exitCodes).toEqual([1]);
    expect(recorded.paths.has('userData')).toBe(false);
    expect(recorded.windows).toHaveLength(0);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(stderr).toHaveBeenCalledWith(
      `Marginalia could not start: The library folder ${blocker} (set by MARGINALIA_DATA_DIR) cannot be created: a file of that name is in the way.\n`,
    );
  });

  it('that cannot be used is shown in a dialog to a person at the screen', () => {
    const blocker = path.join(temp('file'), 'library');
    fs.writeFileSync(blocker, '');
    resetFakeElectron();
    startDesktopApp(options({ env: { MARGINALIA_DATA_DIR: blocker } }));
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Marginalia could not start',
      expect.stringContaining('a file of that name is in the way'),
    );
    expect(recorded.exitCodes).toEqual([1]);
  });

  it('is resolved against the working folder and created', () => {
    const cwd = temp('resolve');
    expect(desktopDataDir({ MARGINALIA_DATA_DIR: ' lib ' }, cwd)).toBe(path.join(cwd, 'lib'));
    expect(fs.statSync(path.join(cwd, 'lib')).isDirectory()).toBe(true);
  });
});

describe('security at start', () => {
  it('refuses to run without the sandbox', () => {
    resetFakeElectron({ switches: ['no-sandbox'] });
    startDesktopApp(options({ env: { CI: '1', MARGINALIA_DATA_DIR: temp('x') } }));
    expect(recorded.exitCodes).toEqual([1]);
    expect(recorded.windows).toHaveLength(0);
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/does not run without Chromium/));
  });

  it('in a packaged app ignores ELECTRON_RENDERER_URL and claims marginalia:// links', async () => {
    resetFakeElectron({ packaged: true });
    const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
    (process as { resourcesPath?: string }).resourcesPath = path.join(ROOT, 'resources');
    try {
      startDesktopApp(
        options({
          env: {
            MARGINALIA_DATA_DIR: temp('packaged'),
            ELECTRON_RENDERER_URL: 'https://evil.example/',
          },
        }),
      );
      await started();
      expect(recorded.windows[0]!.url).toBe('app://marginalia/index.html');
      expect(recorded.defaultProtocolClient).toEqual([['marginalia']]);
      // The sample comes from beside app.asar (extraResources).
      const list = (await invoke('records.list')) as { value: { recordId: string }[] };
      expect(list.value.map((r) => r.recordId)).toEqual(['110374']);
    } finally {
      (process as { resourcesPath?: string }).resourcesPath = resourcesPath;
    }
  });

  it('keeps spelling dictionaries off the network on Linux and Windows, not on macOS', async () => {
    const dir = temp('spell');
    resetFakeElectron();
    startDesktopApp(options({ env: { MARGINALIA_DATA_DIR: dir }, platform: 'linux' }));
    const urls: string[] = [];
    emitApp('session-created', {
      setSpellCheckerDictionaryDownloadURL: (url: string) => urls.push(url),
    });
    expect(urls).toEqual([`file://${path.join(dir, 'Dictionaries')}/`]);
    // Each start runs to its window before the next, so none finishes inside a later test.
    await started();
    resetFakeElectron();
    startDesktopApp(options({ platform: 'darwin' }));
    emitApp('session-created', {
      setSpellCheckerDictionaryDownloadURL: (url: string) => urls.push(url),
    });
    expect(urls).toHaveLength(1);
    await started();
  });

  it('falls back to the GTK file chooser when the Linux portal is older than version 4', async () => {
    resetFakeElectron();
    startDesktopApp(options({ platform: 'linux' }));
    expect(recorded.appendedSwitches).toEqual([['xdg-portal-required-version', '4']]);
    await started();
    resetFakeElectron();
    startDesktopApp(options({ platform: 'win32' }));
    expect(recorded.appendedSwitches).toEqual([]);
    await started();
  });
});

describe('links and files from the system', () => {
  it('finds the files among the arguments: paths, file:// URLs; not switches, links or folders', () => {
    const folder = temp('args');
    const a = path.join(folder, 'a b.txt');
    const b = path.join(folder, 'b.md');
    fs.writeFileSync(a, 'x');
    fs.writeFileSync(b, 'x');
    expect(
      filesFromArgv(
        [
          '/opt/Marginalia/marginalia',
          folder,
          '--allow-file-access-from-files',
          'marginalia://record/abc',
          'a b.txt',
          pathToFileURL(b).href,
          'missing.txt',
          'file://%zz',
          a,
        ],
        folder,
      ),
    ).toEqual([a, b]);
    const many = Array.from({ length: 60 }, (_, i) => {
      const file = path.join(folder, `${i}.txt`);
      fs.writeFileSync(file, 'x');
      return file;
    });
    expect(filesFromArgv(['exe', ...many], folder)).toHaveLength(MAX_OPENED_FILES);
  });

  it('a second instance quits and leaves the work to the first', () => {
    resetFakeElectron({ lock: false });
    startDesktopApp(options({ argv: ['/opt/Marginalia/marginalia', 'marginalia://record/abc'] }));
    expect(recorded.quits).toBe(1);
    expect(recorded.windows).toHaveLength(0);
  });

  it('the running instance shows a link passed by a second one', async () => {
    resetFakeElectron();
    startDesktopApp(options());
    await started();
    // The app's window, whichever it is: a window an earlier test's start-up finishes late may
    // also be recorded.
    for (const window of recorded.windows) window.minimized = true;
    emitApp('second-instance', {}, ['/opt/Marginalia/marginalia', 'marginalia://record/abc'], '/');
    const shown = recorded.windows.filter(
      (window) => window.loads.at(-1) === 'app://marginalia/index.html#/record/abc',
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]!.minimized).toBe(false);
    expect(shown[0]!.focused).toBeGreaterThan(0);
  });

  it('a file passed by a second instance is imported and shown, once', async () => {
    resetFakeElectron();
    startDesktopApp(options());
    await started();
    const folder = temp('argv');
    fs.copyFileSync(SAMPLE, path.join(folder, 'telegram.txt'));
    const list = async () =>
      ((await invoke('records.list')) as { value: { id: string; recordId: string }[] }).value;
    const sampleId = (await list())[0]!.id;
    // The sample is already in the library: the app shows it rather than importing it twice.
    emitApp('second-instance', {}, ['/opt/Marginalia/marginalia', 'telegram.txt'], folder);
    await vi.waitFor(
      () =>
        expect(recorded.windows[0]!.loads.at(-1)).toBe(
          `app://marginalia/index.html#/record/${sampleId}`,
        ),
      SLOW,
    );
    expect(await list()).toHaveLength(1);
  });

  it('a file given at the first start is imported once the library is open', async () => {
    const folder = temp('first');
    const file = path.join(folder, 'other.txt');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(SAMPLE, 'utf8')
        .replace('Ваши телеграммы о перемирии получены.', 'Погода была хорошей.')
        .replace(/110374\s*$/, '999001'),
    );
    resetFakeElectron();
    startDesktopApp(options({ argv: ['/opt/Marginalia/marginalia', '--flag', file] }));
    await started();
    await vi.waitFor(async () => {
      const list = (await invoke('records.list')) as { value: { recordId: string }[] };
      expect(list.value.map((r) => r.recordId).sort()).toEqual(['110374', '999001']);
    }, SLOW);
  });

  it('a file that cannot be imported is reported in a message, with the reason', async () => {
    const folder = temp('bad');
    fs.writeFileSync(path.join(folder, 'scan.odt'), 'PK');
    resetFakeElectron();
    startDesktopApp(options());
    await started();
    emitApp('second-instance', {}, ['/opt/Marginalia/marginalia', 'scan.odt'], folder);
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1), SLOW);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        message: 'scan.odt could not be imported.',
        detail: expect.stringMatching(/^scan\.odt: Marginalia cannot read “\.odt” files/),
      }),
    );
  });

  it('on macOS, a link that arrives with no window open opens one at the link', async () => {
    resetFakeElectron();
    startDesktopApp(options({ platform: 'darwin' }));
    await started();
    recorded.windows[0]!.emit('closed');
    emitApp('window-all-closed');
    expect(recorded.quits).toBe(0);
    emitApp('open-url', { preventDefault: () => undefined }, 'marginalia://record/k7m2q9xa');
    expect(recorded.windows).toHaveLength(2);
    expect(recorded.windows[1]!.url).toBe('app://marginalia/index.html#/record/k7m2q9xa');
  });

  it('on macOS, a link that starts the app becomes the first page', async () => {
    resetFakeElectron();
    startDesktopApp(options({ platform: 'darwin' }));
    // open-url arrives before `ready` when a link launches the app.
    emitApp('open-url', { preventDefault: () => undefined }, 'marginalia://record/first');
    await started();
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]!.url).toBe('app://marginalia/index.html#/record/first');
  });
});
