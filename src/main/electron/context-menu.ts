// The right-click menu of the app window. Electron shows none by itself: without this, the
// spellchecker's red underlines offer no corrections and there is no Cut, Copy or Paste for
// mouse users. Spelling dictionaries never come from the network (see keepSpellcheckOffline).
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type {
  BrowserWindow as BrowserWindowType,
  ContextMenuParams,
  Menu as MenuType,
  MenuItemConstructorOptions,
  Session,
  WebContents,
} from 'electron';

export interface SpellingActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

type MenuParams = Pick<
  ContextMenuParams,
  'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'
>;

/** The menu for one right-click: spelling first, then the editing commands that apply. */
export function contextMenuTemplate(
  params: MenuParams,
  spelling: SpellingActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const word = params.misspelledWord;
    if (params.dictionarySuggestions.length === 0) {
      items.push({ label: 'No spelling suggestions', enabled: false });
    }
    for (const suggestion of params.dictionarySuggestions.slice(0, 6)) {
      items.push({ label: suggestion, click: () => spelling.replaceMisspelling(suggestion) });
    }
    items.push(
      { label: `Add “${word}” to dictionary`, click: () => spelling.addToDictionary(word) },
      { type: 'separator' },
    );
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: 'Cut', enabled: params.editFlags.canCut },
      { role: 'copy', label: 'Copy', enabled: params.editFlags.canCopy },
      { role: 'paste', label: 'Paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: 'Select all', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', label: 'Copy', enabled: params.editFlags.canCopy });
  }
  return items;
}

/** Shows the menu on right-click in this web contents. */
export function attachContextMenu(
  contents: WebContents,
  Menu: Pick<typeof MenuType, 'buildFromTemplate'>,
  BrowserWindow: Pick<typeof BrowserWindowType, 'fromWebContents'>,
): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length === 0) return;
    const window = BrowserWindow.fromWebContents(contents);
    Menu.buildFromTemplate(template).popup(window ? { window } : {});
  });
}

/**
 * On Windows and Linux Chromium spell-checks with Hunspell dictionaries that it downloads from
 * Google's servers on first use; the app works offline, so that download is pointed at the
 * library's own Dictionaries folder, where Chromium also looks for dictionaries before any
 * download. A user who wants Hunspell checking copies `.bdic` files there. macOS uses the
 * system spellchecker and downloads nothing.
 */
export function keepSpellcheckOffline(
  session: Pick<Session, 'setSpellCheckerDictionaryDownloadURL'>,
  userDataDir: string,
  platform: NodeJS.Platform,
): string | null {
  if (platform === 'darwin') return null;
  const url = `${pathToFileURL(path.join(userDataDir, 'Dictionaries')).href}/`;
  session.setSpellCheckerDictionaryDownloadURL(url);
  return url;
}
