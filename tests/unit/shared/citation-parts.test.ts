import { describe, expect, it } from 'vitest';
import { formatCitationParts, parseArchivalCitations } from '../../../src/shared/citation-parts';

describe('archival citations parsed into parts', () => {
  it('splits the 1951 telegram’s source into its three archives', () => {
    const source =
      'APRF, f. 45, op. 1, d. 339, ll. 95-96; AVP RF, f. 059a, op. 5a, d. 4, p. 11, ll. 14-15; and RGASPI, f. 558, op. 11, d. 339, ll. 0095-0096.';
    const [aprf, avp, rgaspi] = parseArchivalCitations(source);
    expect(aprf).toEqual({
      text: 'APRF, f. 45, op. 1, d. 339, ll. 95-96',
      archive: 'APRF',
      archiveName: 'Archive of the President of the Russian Federation',
      fond: '45',
      opis: '1',
      delo: '339',
      papka: null,
      listy: '95-96',
      other: [],
    });
    expect(avp).toMatchObject({
      archive: 'AVP RF',
      archiveName: 'Archive of Foreign Policy of the Russian Federation',
      fond: '059a',
      opis: '5a',
      delo: '4',
      papka: '11',
      listy: '14-15',
    });
    expect(rgaspi).toMatchObject({
      text: 'RGASPI, f. 558, op. 11, d. 339, ll. 0095-0096',
      archive: 'RGASPI',
      fond: '558',
      listy: '0095-0096',
    });
  });

  it('reads Russian citations with ф./оп./д./л. and en dashes', () => {
    const [one] = parseArchivalCitations('АП РФ. Ф. 3. Оп. 65. Д. 827. Л. 18–19.');
    expect(one).toMatchObject({
      archive: 'АП РФ',
      archiveName: 'Archive of the President of the Russian Federation',
      fond: '3',
      opis: '65',
      delo: '827',
      listy: '18-19',
    });
    const [two] = parseArchivalCitations('РГАСПИ, ф. 17, оп. 162, д. 46, лл. 95–96 об.');
    expect(two).toMatchObject({ archive: 'РГАСПИ', fond: '17', opis: '162', delo: '46' });
    expect(two!.listy).toBe('95-96 об'); // the citation's closing full stop is not part of it
    const [three] = parseArchivalCitations('АВП РФ, ф. 059а, оп. 5а, п. 11, д. 4, л. 14');
    expect(three).toMatchObject({ fond: '059а', opis: '5а', papka: '11', delo: '4', listy: '14' });
  });

  it('reads spelled-out names, fond/opis/delo/listy words and single sheets', () => {
    const [one] = parseArchivalCitations(
      'Archive of the President of the Russian Federation (APRF), fond 3, opis 65, delo 827, listy 18-19',
    );
    expect(one).toMatchObject({
      archive: 'APRF',
      archiveName: 'Archive of the President of the Russian Federation',
      fond: '3',
      opis: '65',
      delo: '827',
      listy: '18-19',
    });
    const [garf] = parseArchivalCitations('GARF, f. R-9401, op. 2, d. 199, l. 25.');
    expect(garf).toMatchObject({ archive: 'GARF', fond: 'R-9401', listy: '25' });
    const [many] = parseArchivalCitations('RGANI, f. 5, op. 30, d. 141, ll. 95-96, 98');
    expect(many!.listy).toBe('95-96, 98');
    const [tskhsd] = parseArchivalCitations('TsKhSD, f. 89, per. 45, dok. 1');
    expect(tskhsd!.other).toEqual([
      { label: 'perechen', value: '45' },
      { label: 'dokument', value: '1' },
    ]);
  });

  it('keeps citations it cannot break down whole, with what it can tell', () => {
    const [sapmo] = parseArchivalCitations('SAPMO-BArch, DY 30/IV 2/2/123, Bl. 1-5');
    expect(sapmo).toMatchObject({ archive: 'SAPMO-BArch', fond: null, delo: null });
    expect(sapmo!.other).toEqual([
      { label: 'signature', value: 'DY 30/IV 2/2/123' },
      { label: 'Blatt', value: '1-5' },
    ]);
    const [fma] = parseArchivalCitations('PRC FMA 109-00100-01');
    expect(fma).toMatchObject({
      archive: 'PRC FMA',
      other: [{ label: 'signature', value: '109-00100-01' }],
    });
    const [note] = parseArchivalCitations(
      'Obtained and translated for CWIHP by a researcher from the archive in Beijing',
    );
    expect(note).toMatchObject({ archive: null, fond: null, listy: null, other: [] });
    expect(note!.text).toMatch(/^Obtained/);
    expect(parseArchivalCitations(null)).toEqual([]);
    expect(parseArchivalCitations('  ')).toEqual([]);
  });

  it('formats the parts back in the usual order', () => {
    const [aprf] = parseArchivalCitations('АП РФ. Ф. 45. Оп. 1. Д. 339. Л. 95–96.');
    expect(formatCitationParts(aprf!)).toBe('АП РФ, f. 45, op. 1, d. 339, ll. 95-96');
  });
});
