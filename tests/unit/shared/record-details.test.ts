// The record-details editor's citation parts, written back into the source line.
import { describe, expect, it } from 'vitest';
import {
  citationDrafts,
  citationText,
  emptyCitation,
  sourceLine,
} from '../../../src/shared/record-details';

const TELEGRAM =
  'APRF, f. 45, op. 1, d. 339, ll. 95-96; AVP RF, f. 059a, op. 5a, d. 4, p. 11, ll. 14-15; and RGASPI, f. 558, op. 11, d. 339, ll. 0095-0096.';
const KRAMER = 'RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer.';

describe('the archival citation as parts to edit', () => {
  it('gives one set of parts per archive cited', () => {
    expect(
      citationDrafts(TELEGRAM).map((d) => [d.archive, d.fond, d.opis, d.papka, d.delo, d.listy]),
    ).toEqual([
      ['APRF', '45', '1', '', '339', '95-96'],
      ['AVP RF', '059a', '5a', '11', '4', '14-15'],
      ['RGASPI', '558', '11', '', '339', '0095-0096'],
    ]);
    expect(citationDrafts(KRAMER)).toMatchObject([
      { archive: 'RGASPI', fond: '558', opis: '11', delo: '342', listy: '92', structured: true },
    ]);
    // A citation with no parts to speak of is edited as text.
    expect(citationDrafts('Archive of the Ministry of Foreign Affairs, Beijing')).toMatchObject([
      { structured: false, text: 'Archive of the Ministry of Foreign Affairs, Beijing' },
    ]);
    expect(citationDrafts(null)).toEqual([]);
  });

  it('keeps the line exactly as the archive gave it when nothing changed', () => {
    expect(sourceLine(TELEGRAM, citationDrafts(TELEGRAM), null)).toBe(TELEGRAM);
    expect(sourceLine(KRAMER, citationDrafts(KRAMER), null)).toBe(KRAMER);
    expect(sourceLine(null, [], null)).toBeNull();
  });

  it('writes a changed citation from its parts and keeps the others and the credits', () => {
    const drafts = citationDrafts(TELEGRAM);
    drafts[1] = { ...drafts[1]!, listy: '14-16' };
    expect(sourceLine(TELEGRAM, drafts, null)).toBe(
      'APRF, f. 45, op. 1, d. 339, ll. 95-96; AVP RF, f. 059a, op. 5a, p. 11, d. 4, ll. 14-16; and RGASPI, f. 558, op. 11, d. 339, ll. 0095-0096.',
    );
    const kramer = citationDrafts(KRAMER);
    kramer[0] = { ...kramer[0]!, listy: '92-93' };
    expect(sourceLine(KRAMER, kramer, null)).toBe(
      'RGASPI, f. 558, op. 11, d. 342, ll. 92-93. Contributed and translated by Mark Kramer.',
    );
  });

  it('rewrites the credit sentence when the scholar changes who translated', () => {
    expect(
      sourceLine(KRAMER, citationDrafts(KRAMER), {
        translator: 'Gary Goldberg',
        contributor: 'Mark Kramer',
      }),
    ).toBe(
      'RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed by Mark Kramer. Translated by Gary Goldberg.',
    );
    expect(
      sourceLine(KRAMER, citationDrafts(KRAMER), { translator: null, contributor: null }),
    ).toBe('RGASPI, F. 558, Op. 11, D. 342, L. 92.');
    // A line that credited no one still does not: the record's fields carry the names.
    expect(
      sourceLine(TELEGRAM, citationDrafts(TELEGRAM), { translator: 'X', contributor: null }),
    ).toBe(TELEGRAM);
  });

  it('adds and removes citations', () => {
    const added = [
      ...citationDrafts(KRAMER),
      { ...emptyCitation(), archive: 'GARF', fond: 'R-9401', opis: '2', delo: '199', listy: '25' },
    ];
    expect(citationText(added[1]!)).toBe('GARF, f. R-9401, op. 2, d. 199, l. 25');
    expect(sourceLine(KRAMER, added, null)).toBe(
      'RGASPI, F. 558, Op. 11, D. 342, L. 92; and GARF, f. R-9401, op. 2, d. 199, l. 25. Contributed and translated by Mark Kramer.',
    );
    expect(sourceLine(TELEGRAM, [], null)).toBeNull();
    expect(sourceLine(null, [{ ...emptyCitation(), archive: 'APRF', fond: '3' }], null)).toBe(
      'APRF, f. 3.',
    );
  });
});
