// The desktop app's side of the Host interface: native open and save dialogs attached to the app
// window, and PDFs printed by Electron.
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { IMPORT_EXTENSIONS } from '@shared/import/extensions';
import { printHtmlWithChromium, type Host } from '../api/local';

const IMPORTABLE = [
  {
    name: 'Archive records and texts',
    extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)),
  },
];

/** Native open and save dialogs, attached to the app window; PDFs from Electron's printer. */
export function electronHost(
  dialog: Dialog,
  window: () => BrowserWindow | null,
  printToPdf: Host['printToPdf'] = printHtmlWithChromium,
): Host {
  return {
    nativeDialogs: true,
    printToPdf,
    async pickImportFiles(choice) {
      const parent = window();
      // Windows and Linux cannot show files and folders in one dialog: one or the other.
      const options: OpenDialogOptions = choice?.folders
        ? {
            title: 'Import folders of records',
            properties: ['openDirectory', 'multiSelections'],
          }
        : {
            title: 'Import records',
            properties: ['openFile', 'multiSelections'],
            filters: [...IMPORTABLE, { name: 'All files', extensions: ['*'] }],
          };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async pickSavePath(suggestedName, filters) {
      const parent = window();
      // Linux portal choosers older than version 4 drop defaultPath (Electron 35+); the start-up
      // switch falls back to GTK's chooser there, and the title names the file in any case.
      const options: SaveDialogOptions = {
        title: `Export “${suggestedName}”`,
        defaultPath: suggestedName,
        filters,
      };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
