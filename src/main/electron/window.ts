import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 900,
    minWidth: 760,
    minHeight: 520,
    title: 'Marginalia',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: secureWebPreferences(preload),
  };
}

/** Creates the app window and shows it once the first frame is ready (no white flash). */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowType,
  options: { preload: string; url: string },
): BrowserWindowType {
  const window = new BrowserWindow(mainWindowOptions(options.preload));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
