// The one portable shape of a record: what the CLI prints, what JSON exports carry, and how
// Markdown front matter names the catalogue fields in both directions.
import { describe, expect, it } from 'vitest';
import type { RecordDocument } from '../../../src/shared/model';
import {
  catalogueFromFrontMatter,
  FRONT_MATTER_KEYS,
  portableRecord,
} from '../../../src/shared/portable-record';

const record: RecordDocument = {
  id: 'k7m2q9xa',
  title: 'Ciphered Telegram No. 3917',
  date: '1951-06-30',
  recordId: '110374',
  type: 'Telegram',
  source: 'APRF, f. 45, op. 1, d. 339, ll. 95-96',
  rights: null,
  summary: null,
  url: 'https://digitalarchive.wilsoncenter.org/document/110374',
  uploaded: '2013-05-01',
  translator: 'Gary Goldberg',
  contributor: null,
  createdAt: 1,
  updatedAt: 2,
  original: { lang: 'ru', passages: [{ id: 1, side: 'original', index: 0, text: 'Текст.' }] },
  translation: { lang: 'en', passages: [{ id: 2, side: 'translation', index: 0, text: 'Text.' }] },
  alignment: [{ original: [0], translation: [0], confidence: 0.876543, confirmed: false }],
};

describe('the portable record', () => {
  it('carries the catalogue fields, both texts and the rows, in one order', () => {
    const portable = portableRecord(record);
    expect(Object.keys(portable)).toEqual([
      'id',
      'title',
      'date',
      'recordId',
      'type',
      'source',
      'rights',
      'summary',
      'url',
      'uploaded',
      'translator',
      'contributor',
      'original',
      'translation',
      'alignment',
    ]);
    expect(portable.original).toEqual({ lang: 'ru', paragraphs: ['Текст.'] });
    expect(portable.alignment[0]!.confidence).toBe(0.876543);
  });

  it('rounds confidences only when asked (the CLI prints three decimals)', () => {
    expect(portableRecord(record, { confidenceDecimals: 3 }).alignment[0]!.confidence).toBe(0.877);
  });

  it('reads back from front matter what an export writes there', () => {
    const written = Object.fromEntries(
      (
        ['title', 'date', 'recordId', 'type', 'source', 'url', 'uploaded', 'translator'] as const
      ).map((key) => [FRONT_MATTER_KEYS[key], record[key]!]),
    );
    expect(written['archive_citation']).toBe(record.source);
    expect(catalogueFromFrontMatter(written)).toEqual({
      title: record.title,
      date: record.date,
      recordId: record.recordId,
      type: record.type,
      source: record.source,
      rights: null,
      summary: null,
      url: record.url,
      uploaded: record.uploaded,
      translator: 'Gary Goldberg',
      contributor: null,
    });
  });

  it('takes the names people write by hand, in any case', () => {
    expect(
      catalogueFromFrontMatter({ Title: 'Memo', RecordID: '42', source: 'AVP RF, f. 059a' }),
    ).toMatchObject({ title: 'Memo', recordId: '42', source: 'AVP RF, f. 059a', date: null });
  });
});
