// The panel's multi-select and the next highlight's category, as pure state.
import { describe, expect, it } from 'vitest';
import {
  clickNote,
  keepShown,
  NO_NOTES,
  selectAllShown,
  selectedInOrder,
  toggleNote,
} from '../../../src/renderer/src/features/annotations/note-selection';
import {
  afterUse,
  chooseCategory,
  FIRST_CATEGORY,
  toggleLock,
} from '../../../src/renderer/src/features/annotations/next-category';

const shown = ['a', 'b', 'c', 'd', 'e'];
const plain = { range: false, toggle: false };
const shift = { range: true, toggle: false };
const ctrl = { range: false, toggle: true };
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selecting notes in the panel', () => {
  it('a click selects one; Shift-click the range from it; Ctrl-click adds or removes one', () => {
    let s = clickNote(NO_NOTES, 'b', shown, plain);
    expect(ids(s)).toEqual(['b']);
    s = clickNote(s, 'd', shown, shift);
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    // Shift again from the same anchor: the range is redrawn, not added to.
    s = clickNote(s, 'a', shown, shift);
    expect(ids(s)).toEqual(['a', 'b']);
    s = clickNote(s, 'e', shown, ctrl);
    expect(ids(s)).toEqual(['a', 'b', 'e']);
    s = clickNote(s, 'a', shown, ctrl);
    expect(ids(s)).toEqual(['b', 'e']);
    // Ctrl+Shift adds a range to what is selected.
    s = clickNote(s, 'c', shown, { range: true, toggle: true });
    expect(ids(s)).toEqual(['a', 'b', 'c', 'e']);
    s = clickNote(s, 'd', shown, plain);
    expect(ids(s)).toEqual(['d']);
  });

  it('select all takes exactly the notes shown, and a filter keeps only those shown', () => {
    let s = selectAllShown(['b', 'd']);
    expect(ids(s)).toEqual(['b', 'd']);
    s = toggleNote(s, 'e');
    expect(selectedInOrder(s, shown)).toEqual(['b', 'd', 'e']);
    const filtered = keepShown(s, ['a', 'd']);
    expect(ids(filtered)).toEqual(['d']);
    expect(filtered.anchor).toBeNull();
    expect(keepShown(filtered, shown)).toBe(filtered);
  });
});

describe('the next highlight’s category', () => {
  it('goes back to Note after one use unless locked', () => {
    let next = chooseCategory(FIRST_CATEGORY, 'person');
    expect(next).toEqual({ id: 'person', locked: false });
    next = afterUse(next, 'person');
    expect(next).toEqual({ id: 'note', locked: false });
    next = toggleLock(chooseCategory(next, 'place'));
    next = afterUse(next, 'place');
    expect(next).toEqual({ id: 'place', locked: true });
    // Locked, a highlight made with another category carries the lock over to it.
    next = afterUse(next, 'date');
    expect(next).toEqual({ id: 'date', locked: true });
    next = afterUse(toggleLock(next), 'date');
    expect(next).toEqual({ id: 'note', locked: false });
  });
});
