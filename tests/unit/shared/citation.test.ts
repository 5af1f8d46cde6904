import { describe, expect, it } from 'vitest';
import { formatDate, fullCitation } from '../../../src/shared/citation';
import { parseArchivePage } from '../../../src/main/services/import/archive-page';
import { SAMPLE_TEXT } from '../support/context';

describe('citations', () => {
  it('formats ISO dates of any precision as a historian writes them', () => {
    expect(formatDate('1951-06-30')).toBe('June 30, 1951');
    expect(formatDate('1951-06')).toBe('June 1951');
    expect(formatDate('1951')).toBe('1951');
    expect(formatDate(null)).toBeNull();
  });

  it('cites the sample record in full, Chicago style', () => {
    const { meta } = parseArchivePage(SAMPLE_TEXT);
    expect(fullCitation(meta)).toBe(
      '“Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong,” June 30, 1951, ' +
        'History and Public Policy Program Digital Archive, Wilson Center, APRF, f. 45, op. 1, d. 339, ll. 95-96; ' +
        'AVP RF, f. 059a, op. 5a, d. 4, p. 11, ll. 14-15; and RGASPI, f. 558, op. 11, d. 339, ll. 0095-0096. Record ID 110374.',
    );
  });

  it('credits the translator and contributor after the archival source', () => {
    const meta = {
      title: 'Telegram from Stalin to Mao Zedong',
      date: '1950-10-01',
      source: 'RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer.',
      recordId: '117347',
      rights: null,
      url: null,
    };
    // As the source line gives the credits…
    expect(fullCitation(meta)).toBe(
      '“Telegram from Stalin to Mao Zedong,” October 1, 1950, RGASPI, F. 558, Op. 11, D. 342, L. 92. ' +
        'Contributed and translated by Mark Kramer. Record ID 117347.',
    );
    // …and as the record's own fields say, once edited.
    expect(fullCitation({ ...meta, translator: 'Gary Goldberg', contributor: 'Mark Kramer' })).toBe(
      '“Telegram from Stalin to Mao Zedong,” October 1, 1950, RGASPI, F. 558, Op. 11, D. 342, L. 92. ' +
        'Contributed by Mark Kramer. Translated by Gary Goldberg. Record ID 117347.',
    );
  });

  it('still cites a record that has only a title', () => {
    expect(
      fullCitation({
        title: 'Untitled memo',
        date: null,
        source: null,
        recordId: null,
        rights: null,
        url: null,
      }),
    ).toBe('“Untitled memo.”');
  });
});
