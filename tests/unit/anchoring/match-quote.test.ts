import { describe, expect, it } from 'vitest';
import { anchorOnSide, positionHolds, SideText } from '../../../src/shared/anchoring/anchor';
import { matchExact, matchFuzzy, similarity } from '../../../src/shared/anchoring/match-quote';
import { describeSpan } from '../../../src/shared/anchoring/selectors';

const TEXT =
  'Имейте в виду, что в настоящее время Вы являетесь хозяевами дела перемирия и американцы ' +
  'вынуждены будут пойти на уступку по вопросу о месте встречи.';

function selectorsFor(text: string, phrase: string) {
  const at = text.indexOf(phrase);
  return describeSpan(text, at, at + phrase.length);
}

describe('selectors', () => {
  it('keep 32 characters of context and refuse spans outside the text', () => {
    const { quote } = selectorsFor(TEXT, 'хозяевами дела');
    expect(quote.prefix).toHaveLength(32);
    expect(quote.prefix.endsWith('Вы являетесь ')).toBe(true);
    expect(quote.suffix).toBe(' перемирия и американцы вынужден');
    expect(() => describeSpan(TEXT, 5, 5)).toThrow(RangeError);
    expect(() => describeSpan(TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
  });
});

describe('matching quotes', () => {
  it('scores similarity by edit distance', () => {
    expect(similarity('abc', '')).toBe(1);
    expect(similarity('', 'abc')).toBe(0);
    expect(similarity('xx перемирия xx', 'перемирия')).toBe(1);
    expect(similarity('перемирея', 'перемирия')).toBeCloseTo(8 / 9);
  });

  it('ranks exact occurrences by context, then by nearness to the hint', () => {
    const text = 'о перемирии. Ваши телеграммы о перемирии получены. о перемирии';
    const [best] = matchExact(text, 'о перемирии', {
      prefix: 'Ваши телеграммы ',
      suffix: ' получены.',
    });
    expect(best!.start).toBe(text.indexOf('Ваши') + 'Ваши телеграммы '.length);
    expect(best!.contextScore).toBe(1);
    const ties = matchExact(text, 'о перемирии', { hint: text.length });
    expect(ties[0]!.start).toBe(text.lastIndexOf('о перемирии'));
  });

  it('finds a quote with a corrected typo, but not a rewritten one', () => {
    const { quote } = selectorsFor(TEXT, 'хозяевами дела');
    const fixed = TEXT.replace('хозяевами дела', 'хозяевами дело');
    const [match] = matchFuzzy(fixed, quote.exact, quote);
    expect(fixed.slice(match!.start, match!.end)).toBe('хозяевами дело');
    expect(match!.errors).toBe(1);
    const rewritten = TEXT.replace('хозяевами дела', 'господами положения');
    expect(matchFuzzy(rewritten, quote.exact, quote)).toEqual([]);
    // Too short to allow even one edit.
    expect(matchFuzzy('Вам и вас', 'Вы', {})).toEqual([]);
  });
});

describe('anchoring on a side', () => {
  const passages = ['Ваши телеграммы о перемирии получены.', TEXT, 'Филиппов'];

  it('maps offsets of the joined side text back to passages, refusing spans across a boundary', () => {
    const side = new SideText(passages);
    expect(side.locate(side.starts[1]! + 3, side.starts[1]! + 8)).toEqual({
      passage: 1,
      start: 3,
      end: 8,
    });
    expect(side.locate(side.starts[1]! - 3, side.starts[1]! + 2)).toBeNull();
    expect(side.range(5, 9)).toEqual([0, 0]);
  });

  it('trusts the position only with some context still in place', () => {
    const selectors = selectorsFor(TEXT, 'Вы');
    expect(positionHolds(TEXT, selectors)).toBe(true);
    // Different words around the same two letters at the same offset: not the same place.
    const coincidence = 'x'.repeat(selectors.position.start) + 'Вы' + 'y'.repeat(40);
    expect(positionHolds(coincidence, selectors)).toBe(false);
  });

  it('reports the method used: position, exact, fuzzy; or null for an orphan', () => {
    const selectors = selectorsFor(TEXT, 'уступку');
    const at = (texts: string[]) =>
      anchorOnSide(new SideText(texts), selectors, { own: 1, oldIndex: 1 });
    expect(at(passages)?.method).toBe('position');
    expect(at([passages[0]!, `Итак. ${TEXT}`, passages[2]!])).toMatchObject({
      method: 'exact',
      passage: 1,
      start: selectors.position.start + 6,
    });
    expect(at([passages[0]!, TEXT.replace('уступку', 'уступкy'), passages[2]!])?.method).toBe(
      'fuzzy',
    );
    expect(
      at([passages[0]!, TEXT.replace(/на уступку.*$/, 'на компромисс.'), passages[2]!]),
    ).toBeNull();
    expect(anchorOnSide(new SideText([]), selectors, { own: null, oldIndex: 0 })).toBeNull();
  });
});
