import { describe, expect, it } from 'vitest';
import {
  bibtexEscape,
  renderBibtex,
  renderCslJson,
} from '../../../src/main/services/export/citations';
import { annotatedBundle } from './support';

describe('citations', () => {
  it('writes CSL-JSON an archival document as a manuscript', async () => {
    const { bundle } = await annotatedBundle();
    const [item] = JSON.parse(renderCslJson([bundle.record]));
    expect(item).toMatchObject({
      id: 'ciphered1951_110374',
      type: 'manuscript',
      title: 'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
      issued: { 'date-parts': [[1951, 6, 30]] },
      publisher: 'History and Public Policy Program Digital Archive, Wilson Center',
      archive: 'Archive of the President of the Russian Federation',
      archive_location: expect.stringContaining('APRF, f. 45, op. 1, d. 339, ll. 95-96'),
      genre: 'Telegram',
    });
    expect(item.note).toContain('Record ID 110374');
    await expect(renderCslJson([bundle.record])).toMatchFileSnapshot(
      '../../fixtures/golden/citations-110374.json',
    );
  });

  it('writes BibTeX with escaped text and distinct keys', async () => {
    const { bundle } = await annotatedBundle();
    const bib = renderBibtex([
      bundle.record,
      { ...bundle.record, title: 'Ciphered 100% & {odd}_title' },
    ]);
    expect(bib).toContain('@misc{ciphered1951_110374,\n  title = {{Ciphered Telegram No. 3917');
    expect(bib).toContain('@misc{ciphered1951_110374a,');
    expect(bib).toContain('title = {{Ciphered 100\\% \\& \\{odd\\}\\_title}}');
    expect(bib).toContain('  date = {1951-06-30},\n  year = {1951},\n  month = {6},');
    expect(bib).toContain('note = {APRF, f. 45, op. 1, d. 339, ll. 95-96; AVP RF');
    await expect(renderBibtex([bundle.record])).toMatchFileSnapshot(
      '../../fixtures/golden/citations-110374.bib',
    );
    // Braces stay balanced whatever the title holds.
    const depth = [...bib.replace(/\\[{}]/g, '')].reduce(
      (d, c) => d + (c === '{' ? 1 : c === '}' ? -1 : 0),
      0,
    );
    expect(depth).toBe(0);
  });

  it('escapes every BibTeX special character', () => {
    expect(bibtexEscape('a\\b{c}%&$#_^~')).toBe(
      'a\\textbackslash{}b\\{c\\}\\%\\&\\$\\#\\_\\^{}\\~{}',
    );
  });
});
