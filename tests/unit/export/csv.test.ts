import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, renderCsv } from '../../../src/main/services/export/csv';
import { annotatedBundle } from './support';

/**
 * Reads the export back with csv-parse, an independent RFC 4180 reader, strictly: every record
 * ends in CRLF (a bare line break outside quotes is refused), every row has the header's width.
 */
function parseCsv(text: string): string[][] {
  const unquoted = text.replace(/"(?:[^"]|"")*"/g, '""');
  if (/[^\r]\n|\r[^\n]/.test(unquoted)) throw new Error('a line break that is not CRLF');
  if (!text.endsWith('\r\n')) throw new Error('last record lacks CRLF');
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

describe('CSV export', () => {
  it('matches the reviewed golden file', async () => {
    const { bundle } = await annotatedBundle();
    await expect(renderCsv([bundle])).toMatchFileSnapshot('../../fixtures/golden/notes-110374.csv');
  });

  it('starts with a UTF-8 BOM and reads back as one row per annotated span', async () => {
    const { bundle } = await annotatedBundle();
    const csv = renderCsv([bundle]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    const targets = bundle.annotations.reduce((n, a) => n + a.targets.length, 0);
    expect(rows).toHaveLength(targets);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const bilingual = rows.filter(
      (r) => r[col('quote')] === 'хозяевами дела' || r[col('quote')] === 'the bosses of the affair',
    );
    expect(
      bilingual.map((r) => [r[col('target')], r[col('language')], r[col('note_type')]]),
    ).toEqual([
      ['1', 'ru', 'rendering-choice'],
      ['2', 'en', 'rendering-choice'],
    ]);
    expect(bilingual[0]![col('tags')]).toBe('armistice talks; word choice');
    expect(bilingual[0]![col('comment')]).toBe('More like masters of the situation.');
    const followed = rows.find((r) => r[col('quote')] === 'о перемирии')!;
    expect(followed[col('comment')]).toContain('Stalin answers at once.\n• compare “armistice”');
    expect(followed[col('follow_ups')]).toBe('Mao had asked twice.');
    expect(followed[col('counterpart')]).toBe(
      'Your telegrams about an armistice have been received.',
    );
    expect(followed[col('link')]).toMatch(/^marginalia:\/\/record\/rec00001#annotation-/);
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('- a list item')).toBe('- a list item');
    expect(csvField(42)).toBe('42');
  });
});
