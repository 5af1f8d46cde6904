// Which notes of the Annotations panel are selected, as a file list selects: a click selects one,
// Shift extends from the last clicked to here, Ctrl/Cmd adds or removes one. Pure functions of
// the list shown (the current filters and order), so they are tested without a page.

export interface NoteSelection {
  ids: ReadonlySet<string>;
  /** Where a Shift-click range starts: the last note clicked without Shift. */
  anchor: string | null;
}

export const NO_NOTES: NoteSelection = { ids: new Set(), anchor: null };

export interface Modifiers {
  /** Shift: a range from the anchor. */
  range: boolean;
  /** Ctrl or Cmd: add or remove one, keeping the rest. */
  toggle: boolean;
}

/** The selection after a click on note `id` of the list `shown` (ids in the order shown). */
export function clickNote(
  selection: NoteSelection,
  id: string,
  shown: readonly string[],
  modifiers: Modifiers,
): NoteSelection {
  if (modifiers.range && selection.anchor !== null) {
    const from = shown.indexOf(selection.anchor);
    const to = shown.indexOf(id);
    if (from >= 0 && to >= 0) {
      const span = shown.slice(Math.min(from, to), Math.max(from, to) + 1);
      const ids = new Set(modifiers.toggle ? [...selection.ids, ...span] : span);
      return { ids, anchor: selection.anchor };
    }
  }
  if (modifiers.toggle || modifiers.range) return toggleNote(selection, id);
  return { ids: new Set([id]), anchor: id };
}

/** Adds or removes one note (a Ctrl-click, or its checkbox). */
export function toggleNote(selection: NoteSelection, id: string): NoteSelection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Every note shown (the filters decide which). */
export function selectAllShown(shown: readonly string[]): NoteSelection {
  return { ids: new Set(shown), anchor: shown[0] ?? null };
}

/** Keeps only the notes still shown: a filter never leaves hidden notes selected. */
export function keepShown(selection: NoteSelection, shown: readonly string[]): NoteSelection {
  const visible = new Set(shown);
  const ids = [...selection.ids].filter((id) => visible.has(id));
  if (ids.length === selection.ids.size) return selection;
  const anchor =
    selection.anchor !== null && visible.has(selection.anchor) ? selection.anchor : null;
  return { ids: new Set(ids), anchor };
}

/** The selected notes in the order shown. */
export function selectedInOrder(selection: NoteSelection, shown: readonly string[]): string[] {
  return shown.filter((id) => selection.ids.has(id));
}
