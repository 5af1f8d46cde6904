// @vitest-environment jsdom
// The sentence view shows each sentence as an element of its own, still named by its passage:
// marks must land on the right characters and selections must come back as passage offsets.
import { describe, expect, it } from 'vitest';
import type { AlignmentView } from '@shared/alignment/view';
import type { Annotation } from '@shared/model';
import { unitMarks, unitPassages } from '../../../src/renderer/src/features/alignment/unit-marks';
import {
  passageElementAt,
  readPassageSelection,
} from '../../../src/renderer/src/features/reader/selection';

const TEXT = 'Ваши телеграммы получены. Надо немедленно ответить Риджуэю. Связь держите Вы.';
const sentences = [
  { passage: 0, start: 0, end: 25 },
  { passage: 0, start: 26, end: 59 },
  { passage: 0, start: 60, end: 77 },
];

const view: AlignmentView = {
  recordId: 'r',
  level: 'sentence',
  original: {
    lang: 'ru',
    passages: [{ id: 7, side: 'original', index: 0, text: TEXT }],
    units: sentences,
  },
  translation: { lang: 'en', passages: [], units: [] },
  groups: sentences.map((_, k) => ({
    original: [k],
    translation: [],
    confidence: 1,
    confirmed: false,
  })),
  notes: [],
  evidence: [],
};

function annotation(id: string, start: number, end: number): Annotation {
  return {
    id,
    recordId: 'r',
    categoryId: 'note',
    comment: { json: null, text: '' },
    targets: [
      {
        passageId: 7,
        side: 'original',
        passageIndex: 0,
        quote: { type: 'TextQuoteSelector', exact: TEXT.slice(start, end), prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end },
        orphaned: false,
      },
    ],
    createdAt: 0,
    updatedAt: 0,
  } as Annotation;
}

/** Renders the sentences as the reader does: a wrapper with data-unit-start around each. */
function render(): HTMLElement[] {
  document.body.innerHTML = '';
  const passages = unitPassages(view).original;
  return sentences.map((unit, k) => {
    const wrapper = document.createElement('div');
    wrapper.dataset['unitStart'] = String(unit.start);
    const p = document.createElement('p');
    p.dataset['passageId'] = '7';
    const before = document.createElement('span');
    before.textContent = passages[k]!.text.slice(0, 5);
    const after = document.createElement('span');
    after.textContent = passages[k]!.text.slice(5);
    p.append(before, after);
    wrapper.append(p);
    document.body.append(wrapper);
    return p;
  });
}

// jsdom does no layout; the selection toolbar's position is beside the point here.
Range.prototype.getBoundingClientRect ??= () =>
  DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });

describe('sentence units', () => {
  it('are slices of their passage that keep its id', () => {
    const passages = unitPassages(view).original;
    expect(passages.map((p) => p.text)).toEqual([
      'Ваши телеграммы получены.',
      'Надо немедленно ответить Риджуэю.',
      'Связь держите Вы.',
    ]);
    expect(passages.every((p) => p.id === 7)).toBe(true);
  });

  it('carry the marks that fall on them, in their own coordinates', () => {
    const marks = unitMarks(
      view,
      [annotation('a', 31, 50), annotation('b', 16, 41)],
      [{ id: 'note', name: 'Note', color: '#f6d365', line: 'solid' }],
    ).original;
    const passages = unitPassages(view).original;
    const a = marks.get(1)!.find((m) => m.id === 'a')!;
    expect(passages[1]!.text.slice(a.start, a.end)).toBe('немедленно ответить');
    // A mark across a sentence boundary is cut in two, each part on its sentence.
    const b0 = marks.get(0)!.find((m) => m.id === 'b')!;
    const b1 = marks.get(1)!.find((m) => m.id === 'b')!;
    expect(passages[0]!.text.slice(b0.start, b0.end)).toBe('получены.');
    expect(passages[1]!.text.slice(b1.start, b1.end)).toBe('Надо немедленно');
    expect(marks.has(2)).toBe(false);
  });

  it('turn a selection inside a sentence into passage offsets', () => {
    const elements = render();
    const second = elements[1]!;
    const range = document.createRange();
    // "Риджуэю" lies in the second text node of the second sentence.
    const node = second.lastChild!.firstChild!;
    const at = node.textContent!.indexOf('Риджуэю');
    range.setStart(node, at);
    range.setEnd(node, at + 'Риджуэю'.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const read = readPassageSelection(selection);
    if (read === null || read === 'across-passages') throw new Error(String(read));
    expect(read.passageId).toBe(7);
    expect(TEXT.slice(read.start, read.end)).toBe('Риджуэю');
    expect(read.text).toBe('Риджуэю');
  });

  it('refuse a selection across two sentences, and find the sentence holding an offset', () => {
    const elements = render();
    const range = document.createRange();
    range.setStart(elements[0]!.firstChild!.firstChild!, 1);
    range.setEnd(elements[1]!.firstChild!.firstChild!, 2);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(readPassageSelection(window.getSelection())).toBe('across-passages');
    expect(passageElementAt(7, 40)).toEqual({ element: elements[1], start: 26 });
    expect(passageElementAt(7, 0)).toEqual({ element: elements[0], start: 0 });
    expect(passageElementAt(8, 0)).toBeNull();
  });
});
