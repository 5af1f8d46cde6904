// The Electron shell: lifecycle, window, protocol and IPC wiring only. Everything else lives in
// services that run the same under the CLI and the browser bridge.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { APP_SCHEME, APP_ORIGIN, serveAppRequest } from './electron/app-protocol';
import { DeepLinkRouter } from './electron/deep-link';
import { electronHost } from './electron/host';
import { registerIpc } from './electron/ipc';
import { electronNativeBinding } from './electron/native-binding';
import { electronPdfPrinter } from './electron/print-pdf';
import { blockRemoteRequests, denyPermissions, lockDownWebContents } from './electron/security';
import { createMainWindow } from './electron/window';
import { PRELOAD_FILE, RENDERER_DIR, RESOURCES_DIR } from './paths';
import { openWorkbench } from './api/local';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
// A library folder other than the default, for portable use and for tests.
const dataDirOverride = process.env['MARGINALIA_DATA_DIR'];
if (dataDirOverride) app.setPath('userData', dataDirOverride);
let mainWindow: BrowserWindow | null = null;
// marginalia://record/ID#annotation-ID links from exported notes open the app at that span.
const deepLinks = new DeepLinkRouter(
  app,
  () => mainWindow,
  devServerUrl ?? `${APP_ORIGIN}/index.html`,
);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.on('web-contents-created', (_event, contents) => {
  lockDownWebContents(contents, (url) => void shell.openExternal(url), devServerUrl);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  deepLinks.register(process.argv);
  app.on('second-instance', (_event, argv) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    deepLinks.handleArgv(argv);
  });

  app
    .whenReady()
    .then(async () => {
      const workbench = await openWorkbench({
        dataDir: app.getPath('userData'),
        version: app.getVersion(),
        nativeBinding: electronNativeBinding(),
        host: electronHost(
          dialog,
          () => mainWindow,
          electronPdfPrinter({ BrowserWindow, session: session.fromPartition('marginalia-print') }),
        ),
        seedSampleFrom: RESOURCES_DIR,
      });
      const { ctx } = workbench;
      app.on('will-quit', () => workbench.close());

      protocol.handle(APP_SCHEME, (request) => serveAppRequest(RENDERER_DIR, request.url));
      denyPermissions(session.defaultSession);
      blockRemoteRequests(session.defaultSession, devServerUrl);
      registerIpc(ipcMain, ctx, devServerUrl);

      const open = (): void => {
        mainWindow = createMainWindow(BrowserWindow, {
          preload: PRELOAD_FILE,
          url: deepLinks.initialUrl(),
        });
        mainWindow.on('closed', () => (mainWindow = null));
      };
      open();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) open();
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Marginalia could not start', (error as Error).message);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
