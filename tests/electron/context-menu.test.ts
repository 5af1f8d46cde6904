// The right-click menu: spelling suggestions that replace the word, "Add to dictionary", and
// Cut/Copy/Paste enabled as the page allows; nothing at all where there is nothing to do.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { attachContextMenu, contextMenuTemplate } from '../../src/main/electron/context-menu';

const flags = {
  canUndo: false,
  canRedo: false,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: true,
};

function params(overrides: Partial<Parameters<typeof contextMenuTemplate>[0]> = {}) {
  return {
    misspelledWord: '',
    dictionarySuggestions: [] as string[],
    isEditable: false,
    selectionText: '',
    editFlags: flags,
    ...overrides,
  };
}

const labels = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => (item.type === 'separator' ? '—' : item.label));

describe('the context menu', () => {
  it('offers the spellchecker’s suggestions for a misspelled word in a comment', () => {
    const spelling = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const items = contextMenuTemplate(
      params({
        isEditable: true,
        misspelledWord: 'armistise',
        dictionarySuggestions: ['armistice', 'armistices'],
      }),
      spelling,
    );
    expect(labels(items)).toEqual([
      'armistice',
      'armistices',
      'Add “armistise” to dictionary',
      '—',
      'Cut',
      'Copy',
      'Paste',
      '—',
      'Select all',
    ]);
    items[0]!.click!(undefined as never, undefined, undefined as never);
    expect(spelling.replaceMisspelling).toHaveBeenCalledWith('armistice');
    items[2]!.click!(undefined as never, undefined, undefined as never);
    expect(spelling.addToDictionary).toHaveBeenCalledWith('armistise');
  });

  it('says so when the spellchecker has no suggestion', () => {
    const items = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'Кайдзио' }), {
      replaceMisspelling: vi.fn(),
      addToDictionary: vi.fn(),
    });
    expect(items[0]).toEqual({ label: 'No spelling suggestions', enabled: false });
  });

  it('enables editing commands as the page allows, and uses Electron’s roles for them', () => {
    const items = contextMenuTemplate(
      params({ isEditable: true, editFlags: { ...flags, canCut: false, canCopy: false } }),
      { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() },
    );
    expect(items.filter((item) => item.role).map((i) => [i.role, i.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ]);
  });

  it('offers Copy for selected text in the reader, and nothing without a selection', () => {
    const spelling = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    expect(labels(contextMenuTemplate(params({ selectionText: 'перемирие' }), spelling))).toEqual([
      'Copy',
    ]);
    expect(contextMenuTemplate(params({ selectionText: '  ' }), spelling)).toEqual([]);
  });

  it('pops up on right-click and replaces the word in the page', () => {
    let listener: (event: unknown, p: ReturnType<typeof params>) => void = () => undefined;
    const contents = {
      on: (_name: string, fn: typeof listener) => (listener = fn),
      replaceMisspelling: vi.fn(),
      session: { addWordToSpellCheckerDictionary: vi.fn() },
    };
    const popup = vi.fn();
    const built: MenuItemConstructorOptions[][] = [];
    const Menu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        built.push(template);
        return { popup };
      },
    };
    attachContextMenu(contents as never, Menu as never, { fromWebContents: () => null } as never);
    listener({}, params());
    expect(popup).not.toHaveBeenCalled();
    listener(
      {},
      params({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['the'] }),
    );
    expect(popup).toHaveBeenCalledTimes(1);
    built[0]![0]!.click!(undefined as never, undefined, undefined as never);
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('the');
    built[0]![1]!.click!(undefined as never, undefined, undefined as never);
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('teh');
  });
});
