// The app window: its size, its icon on Linux and Windows (macOS takes the bundle's), and the
// security settings of its page.
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { loadUrlSafely } from './load-url';

/**
 * Creates the app window and shows it once the first frame is ready (no white flash). The
 * security settings are written out literally in the constructor call, where reviewers and
 * static scanners (electronegativity) look for them: isolation, sandbox, no Node in the page.
 */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowType,
  options: { preload: string; url: string; icon?: string },
): BrowserWindowType {
  const window = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 760,
    minHeight: 520,
    title: 'Marginalia',
    show: false,
    backgroundColor: '#fbfaf7',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links in a new window, around the window-open guard.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void loadUrlSafely(window, options.url);
  return window;
}
