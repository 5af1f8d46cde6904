import type { BrowserWindow, Dialog } from 'electron';
import type { Host } from '../services/host';

const IMPORTABLE = [{ name: 'Archive records', extensions: ['txt', 'text', 'md'] }];

/** Native open and save dialogs, attached to the app window. */
export function electronHost(dialog: Dialog, window: () => BrowserWindow | null): Host {
  return {
    nativeDialogs: true,
    async pickImportFiles() {
      const parent = window();
      const options = {
        title: 'Import records',
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: [...IMPORTABLE, { name: 'All files', extensions: ['*'] }],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async pickSavePath(suggestedName, filters) {
      const parent = window();
      const options = { title: 'Export', defaultPath: suggestedName, filters };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
