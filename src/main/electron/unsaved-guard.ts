// The Electron side of the renderer's unsaved-words guard: a reload or close that the page
// would cancel silently becomes a question to the user.
import type { BrowserWindow, Dialog } from 'electron';

/**
 * The renderer asks before a reload or a close while a comment or reply holds unsaved words
 * (beforeunload). A browser shows its own prompt; Electron only cancels the unload silently, so
 * the shell asks the user here. Leaving is safe either way: the words are kept as a draft.
 */
export function askBeforeLeavingUnsavedWords(
  window: Pick<BrowserWindow, 'webContents'>,
  dialog: Pick<Dialog, 'showMessageBoxSync'>,
): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window as BrowserWindow, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved words',
      message: 'A comment or reply you are writing is not saved as a note yet.',
      detail: 'Its words are kept as a draft and come back when you open the record again.',
    });
    // Preventing the default of this event lets the unload go ahead.
    if (choice === 0) event.preventDefault();
  });
}
