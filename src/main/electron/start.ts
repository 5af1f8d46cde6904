// The desktop app's start-up: lifecycle, window, protocol and IPC wiring only. Everything else
// lives in services that run the same under the CLI and the browser bridge. The order matters:
// the library folder and the single-instance lock come before `ready`, the session guards
// before the first page loads.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { LibraryDoor, type AppContext } from '../api/local';
import { APP_ROOT, PRELOAD_FILE, RENDERER_DIR, RESOURCES_DIR } from '../paths';
import { APP_ORIGIN, APP_SCHEME, serveAppRequest } from './app-protocol';
import { attachContextMenu, keepSpellcheckOffline } from './context-menu';
import { desktopDataDir } from './data-dir';
import { DeepLinkRouter } from './deep-link';
import { electronHost } from './host';
import { registerIpc } from './ipc';
import { filesFromArgv, importOpenedFiles } from './open-files';
import { electronPdfPrinter } from './print-pdf';
import { blockRemoteRequests, lockDownWebContents, restrictPermissions } from './security';
import { askBeforeLeavingUnsavedWords } from './unsaved-guard';
import { createMainWindow } from './window';

export interface StartOptions {
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
  cwd: string;
  platform: NodeJS.Platform;
}

/**
 * A start-up that cannot go on: the reason goes to stderr, and to a dialog for a person at the
 * screen. Automated runs (CI set, as GitHub Actions and the smoke test do) get no modal dialog,
 * which would wait forever for a click that never comes.
 */
export function failStartup(
  message: string,
  env: StartOptions['env'],
  write: (text: string) => void = (text) => process.stderr.write(text),
): void {
  write(`Marginalia could not start: ${message}\n`);
  const automated = env['CI'] !== undefined && !['', '0', 'false'].includes(env['CI']);
  if (!automated) dialog.showErrorBox('Marginalia could not start', message);
  app.exit(1);
}

/**
 * Chromium's sandbox is part of the app's security; `--no-sandbox` (which some launchers add
 * when the system's sandbox is not set up) would run every page without it.
 */
export function unsandboxedLaunch(hasSwitch: (name: string) => boolean): string | null {
  if (!hasSwitch('no-sandbox')) return null;
  return (
    'Marginalia does not run without Chromium’s sandbox (it was started with --no-sandbox). ' +
    'On Ubuntu 23.10 and later, install the .deb package, which sets the sandbox up, or run ' +
    'from source after the chrome-sandbox steps in the README.'
  );
}

/** The window icon where the system takes it from the window (macOS uses the app bundle's). */
export function windowIcon(platform: NodeJS.Platform): string | undefined {
  if (platform === 'linux') return path.join(APP_ROOT, 'resources/icons/png/512x512.png');
  if (platform === 'win32') return path.join(APP_ROOT, 'resources/icons/icon.ico');
  return undefined;
}

export function startDesktopApp(options: StartOptions): void {
  const { env, argv, cwd, platform } = options;
  // Only a development run loads the dev server: in a packaged app an environment variable
  // must never point the window, and with it the API bridge, at another page.
  const devServerUrl = app.isPackaged ? undefined : env['ELECTRON_RENDERER_URL'];

  const unsandboxed = unsandboxedLaunch((name) => app.commandLine.hasSwitch(name));
  if (unsandboxed) return failStartup(unsandboxed, env);

  // One library folder for the app and the CLI (and the single-instance lock lives in it).
  let dataDir: string;
  try {
    dataDir = desktopDataDir(env, cwd);
    app.setPath('userData', dataDir);
  } catch (error) {
    return failStartup((error as Error).message, env);
  }

  // Portal file choosers older than version 4 ignore the suggested file name: use GTK's then.
  if (platform === 'linux') app.commandLine.appendSwitch('xdg-portal-required-version', '4');

  // Every session the app makes (the window's, the PDF printer's) keeps spelling dictionaries
  // off the network from the moment it exists.
  app.on('session-created', (created) => keepSpellcheckOffline(created, dataDir, platform));

  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  let mainWindow: BrowserWindow | null = null;
  // marginalia://record/ID#annotation-ID links from exported notes open the app at that span.
  const deepLinks = new DeepLinkRouter(
    app,
    () => mainWindow,
    devServerUrl ?? `${APP_ORIGIN}/index.html`,
  );

  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(
      contents,
      {
        openExternal: (url) => {
          shell.openExternal(url).catch((error: unknown) => {
            console.error(`Marginalia: could not open ${url}: ${(error as Error).message}`);
          });
        },
        openDeepLink: (url) => deepLinks.openUrl(url),
      },
      devServerUrl,
    );
    attachContextMenu(contents, Menu, BrowserWindow);
  });

  if (!app.requestSingleInstanceLock()) {
    // The running instance gets this one's arguments through `second-instance`.
    app.quit();
    return;
  }
  deepLinks.register(argv, app.isPackaged);

  let door: LibraryDoor | null = null;
  let waitingFiles = filesFromArgv(argv, cwd);
  const openFiles = (files: string[]): void => {
    if (files.length === 0) return;
    // A damaged library (the window offers its backups) keeps opened files until it is restored.
    const ctx: AppContext | null = door?.context() ?? null;
    if (!ctx) {
      waitingFiles = [...waitingFiles, ...files];
      return;
    }
    void importOpenedFiles(ctx, files).then(({ recordId, failures }) => {
      if (recordId) deepLinks.open({ recordId, annotationId: null });
      if (failures.length === 0) return;
      const options = {
        type: 'warning' as const,
        message:
          failures.length === 1
            ? `${path.basename(failures[0]!.file)} could not be imported.`
            : `${failures.length} files could not be imported.`,
        detail: failures.map((f) => `${path.basename(f.file)}: ${f.reason}`).join('\n'),
      };
      const parent = mainWindow;
      void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
    });
  };

  app.on('second-instance', (_event, secondArgv, workingDirectory) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    deepLinks.handleArgv(secondArgv);
    openFiles(filesFromArgv(secondArgv, workingDirectory));
  });
  // macOS: a file dropped on the Dock icon or opened with the app.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFiles([file]);
  });

  app
    .whenReady()
    .then(async () => {
      const opened = await LibraryDoor.open({
        dataDir,
        version: app.getVersion(),
        host: electronHost(
          dialog,
          () => mainWindow,
          electronPdfPrinter({ BrowserWindow, session: session.fromPartition('marginalia-print') }),
        ),
        // A packaged app keeps the sample beside app.asar (extraResources).
        seedSampleFrom: app.isPackaged ? process.resourcesPath : RESOURCES_DIR,
        backups: 'default',
      });
      app.on('will-quit', () => opened.close());

      protocol.handle(APP_SCHEME, (request) => serveAppRequest(RENDERER_DIR, request.url));
      restrictPermissions(session.defaultSession, devServerUrl);
      blockRemoteRequests(session.defaultSession, devServerUrl);
      registerIpc(ipcMain, opened, devServerUrl);

      const open = (): void => {
        mainWindow = createMainWindow(BrowserWindow, {
          preload: PRELOAD_FILE,
          url: deepLinks.initialUrl(),
          icon: windowIcon(platform),
        });
        askBeforeLeavingUnsavedWords(mainWindow, dialog);
        mainWindow.on('closed', () => (mainWindow = null));
      };
      open();
      deepLinks.whenNoWindow(open);
      app.on('activate', () => {
        if (!mainWindow) open();
      });
      door = opened;
      const openWaiting = (): void => {
        const files = waitingFiles;
        waitingFiles = [];
        openFiles(files);
      };
      opened.onChange((ctx) => ctx && openWaiting());
      openWaiting();
    })
    .catch((error: unknown) => failStartup((error as Error).message, env));

  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
}
