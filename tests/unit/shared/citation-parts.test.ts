import { describe, expect, it } from 'vitest';
import {
  composeSourceLine,
  creditSentence,
  creditsOf,
  formatCitationParts,
  joinCitations,
  parseArchivalCitations,
  splitSourceLine,
} from '../../../src/shared/citation-parts';

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
    const [note] = parseArchivalCitations('Archive of the Ministry of Foreign Affairs, Beijing');
    expect(note).toMatchObject({ archive: null, fond: null, listy: null, other: [] });
    expect(note!.text).toBe('Archive of the Ministry of Foreign Affairs, Beijing');
    // A line that only credits people cites no archive.
    expect(
      parseArchivalCitations(
        'Obtained and translated for CWIHP by a researcher from the archive in Beijing',
      ),
    ).toEqual([]);
    expect(parseArchivalCitations(null)).toEqual([]);
    expect(parseArchivalCitations('  ')).toEqual([]);
  });

  it('formats the parts back in the usual order', () => {
    const [aprf] = parseArchivalCitations('АП РФ. Ф. 45. Оп. 1. Д. 339. Л. 95–96.');
    expect(formatCitationParts(aprf!)).toBe('АП РФ, f. 45, op. 1, d. 339, ll. 95-96');
  });
});

describe('a source line with its credits', () => {
  it('reads the Wilson Center “Citation” line into archive, fond, opis, delo, list and translator', () => {
    const line =
      'RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer.';
    expect(splitSourceLine(line)).toEqual({
      archival: 'RGASPI, F. 558, Op. 11, D. 342, L. 92.',
      credits: 'Contributed and translated by Mark Kramer',
    });
    expect(parseArchivalCitations(line)).toEqual([
      {
        text: 'RGASPI, F. 558, Op. 11, D. 342, L. 92',
        archive: 'RGASPI',
        archiveName: 'Russian State Archive of Socio-Political History',
        fond: '558',
        opis: '11',
        delo: '342',
        papka: null,
        listy: '92',
        other: [],
      },
    ]);
    expect(creditsOf(line)).toEqual({ translator: 'Mark Kramer', contributor: 'Mark Kramer' });
  });

  it('reads the credits of AVP RF, GARF and APRF citations in the styles archives use', () => {
    const avp = 'AVP RF, f. 0100, op. 46, p. 362, d. 12, ll. 1-3. Translated by Gary Goldberg.';
    expect(parseArchivalCitations(avp)).toMatchObject([
      { archive: 'AVP RF', fond: '0100', opis: '46', papka: '362', delo: '12', listy: '1-3' },
    ]);
    expect(creditsOf(avp)).toEqual({ translator: 'Gary Goldberg', contributor: null });

    const garf =
      'GARF, f. R-9401, op. 2, d. 199, l. 25. Obtained by Sergey Radchenko and translated by Gary Goldberg.';
    expect(parseArchivalCitations(garf)).toMatchObject([
      { archive: 'GARF', fond: 'R-9401', opis: '2', delo: '199', listy: '25' },
    ]);
    expect(creditsOf(garf)).toEqual({
      translator: 'Gary Goldberg',
      contributor: 'Sergey Radchenko',
    });

    const aprf =
      'APRF, f. 45, op. 1, d. 347, ll. 10-13. Contributed by Sergey Radchenko. Translated for CWIHP by Christian F. Ostermann.';
    expect(parseArchivalCitations(aprf)).toMatchObject([
      { archive: 'APRF', fond: '45', opis: '1', delo: '347', listy: '10-13' },
    ]);
    expect(creditsOf(aprf)).toEqual({
      translator: 'Christian F. Ostermann',
      contributor: 'Sergey Radchenko',
    });

    const two =
      'RGANI, f. 5, op. 30, d. 141. Translated by Kathryn Weathersby and Sergey Radchenko';
    expect(creditsOf(two).translator).toBe('Kathryn Weathersby and Sergey Radchenko');
    expect(creditsOf('Contributed by James Person.')).toEqual({
      translator: null,
      contributor: 'James Person',
    });
  });

  it('leaves lines that credit no one as they are', () => {
    const telegram =
      'APRF, f. 45, op. 1, d. 339, ll. 95-96; AVP RF, f. 059a, op. 5a, d. 4, p. 11, ll. 14-15; and RGASPI, f. 558, op. 11, d. 339, ll. 0095-0096.';
    expect(splitSourceLine(telegram)).toEqual({ archival: telegram, credits: null });
    expect(creditsOf(telegram)).toEqual({ translator: null, contributor: null });
    // "Translation" that names no one is part of the citation, not a credit.
    expect(splitSourceLine('RGASPI, f. 17. Translation of the Russian original').credits).toBe(
      null,
    );
    expect(creditsOf(null)).toEqual({ translator: null, contributor: null });
  });

  it('writes the line back from its parts and credits', () => {
    expect(creditSentence({ translator: 'Mark Kramer', contributor: 'Mark Kramer' })).toBe(
      'Contributed and translated by Mark Kramer',
    );
    expect(creditSentence({ translator: 'Gary Goldberg', contributor: 'Sergey Radchenko' })).toBe(
      'Contributed by Sergey Radchenko. Translated by Gary Goldberg',
    );
    expect(creditSentence({ translator: ' ', contributor: null })).toBeNull();
    expect(
      composeSourceLine('RGASPI, f. 558, op. 11, d. 342, l. 92', {
        translator: 'Mark Kramer',
        contributor: null,
      }),
    ).toBe('RGASPI, f. 558, op. 11, d. 342, l. 92. Translated by Mark Kramer.');
    expect(composeSourceLine('', { translator: null, contributor: null })).toBeNull();
    expect(joinCitations(['APRF, f. 45', 'AVP RF, f. 059a', 'RGASPI, f. 558'])).toBe(
      'APRF, f. 45; AVP RF, f. 059a; and RGASPI, f. 558',
    );
    // Read back, a composed line gives the same parts and credits.
    const line = composeSourceLine(joinCitations(['APRF, f. 45, op. 1', 'GARF, f. R-9401']), {
      translator: 'Gary Goldberg',
      contributor: 'Sergey Radchenko',
    });
    expect(parseArchivalCitations(line).map((c) => [c.archive, c.fond])).toEqual([
      ['APRF', '45'],
      ['GARF', 'R-9401'],
    ]);
    expect(creditsOf(line)).toEqual({
      translator: 'Gary Goldberg',
      contributor: 'Sergey Radchenko',
    });
  });
});
