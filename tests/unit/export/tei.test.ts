import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/main/services/export/run';
import { renderTei } from '../../../src/main/services/export/tei';
import { importAnnotationFile } from '../../../src/main/services/interop';
import { readTei } from '../../../src/main/services/interop/read-tei';
import { ROOT } from '../support/context';
import { annotatedBundle, annotatedLibrary, deterministicContext } from './support';
import { danglingPointers, jingErrors } from './validators/tei';

describe('TEI P5 edition', () => {
  it('matches the reviewed golden file', async () => {
    const { bundle } = await annotatedBundle();
    await expect(renderTei([bundle])).toMatchFileSnapshot(
      '../../fixtures/golden/edition-110374.tei.xml',
    );
  });

  it('is valid against tei_all (jing) and every #id pointer resolves', async () => {
    const { bundle } = await annotatedBundle();
    const xml = renderTei([bundle]);
    expect(jingErrors(xml)).toEqual([]);
    expect(danglingPointers(xml)).toEqual([]);
    // jing does catch what is wrong, and so does the pointer check.
    expect(jingErrors(xml.replace('<p xml:id="o-p1">', '<p xml:id="o-p1"><bogus/>'))).not.toEqual(
      [],
    );
    expect(danglingPointers(xml.replace('target="#o-p2 ', 'target="#o-p999 '))).toEqual([
      '#o-p999',
    ]);
  });

  it('describes the record in the header: citation, archive parts as idnos, rights, translation credit', async () => {
    const { bundle } = await annotatedBundle();
    const xml = renderTei([bundle]);
    expect(xml).toContain(
      '<msIdentifier><repository>Archive of the President of the Russian Federation (APRF)</repository><idno type="fond">45</idno><idno type="opis">1</idno><idno type="delo">339</idno><idno type="list">95-96</idno></msIdentifier>',
    );
    expect(xml).toContain('<idno type="record-id">110374</idno>');
    expect(xml).toContain('<licence><p>The History and Public Policy Program welcomes reuse');
    expect(xml).toContain(
      '<resp>Translation</resp><name>as published by the History and Public Policy Program',
    );
    expect(xml).toContain('<bibl type="citation">“Ciphered Telegram No. 3917');
    expect(xml).toContain(
      '<language ident="ru">Russian</language><language ident="en">English</language>',
    );
  });

  it('gives paragraphs and sentences ids, links aligned rows, and names people and places', async () => {
    const { bundle } = await annotatedBundle();
    const xml = renderTei([bundle]);
    expect(xml).toMatch(/<div type="original" xml:lang="ru" xml:id="original">/);
    expect(xml).toContain(
      '<s xml:id="o-p2-s1">Ваши телеграммы <anchor xml:id="a-00000000-0000-4000-8000-000000000002-1-start"/>о перемирии<anchor xml:id="a-00000000-0000-4000-8000-000000000002-1-end"/> получены.</s>',
    );
    expect(xml).toMatch(/<link type="automatic" cert="[\d.]+" target="#o-p2 #t-p4"\/>/);
    expect(xml).toMatch(
      /<ptr type="unaligned" subtype="automatic" cert="[\d.]+" target="#t-p1"\/>/,
    );
    // Sentence rows link the sentences' ids.
    expect(xml).toMatch(
      /<linkGrp type="sentence-alignment">\n<link type="automatic" cert="[\d.]+" target="#o-p2-s1 #t-p4-s1"\/>/,
    );
    expect(xml).toContain(
      '<person xml:id="person-1"><persName xml:lang="ru">Ким Ир Сеном</persName><persName xml:lang="en">KIM IL SUNG</persName></person>',
    );
    expect(xml).toContain('<persName ref="#person-1">KIM IL SUNG</persName>');
    expect(xml).toContain('<placeName ref="#place-1">Кайдзио</placeName>');
    expect(xml).toMatch(
      /<annotation xml:id="ann-00000000-0000-4000-8000-000000000001" target="#span-[^ ]+-1 #span-[^ ]+-2" motivation="commenting" ana="#cat-translation-issue #nt-rendering-choice">/,
    );
    expect(xml).toContain(
      '<note type="comment"><p>More like <hi rend="italic">masters of the situation</hi>.</p></note><note type="tag">armistice talks</note>',
    );
  });

  it('holds several records as a teiCorpus with ids kept apart', async () => {
    const { bundle } = await annotatedBundle();
    const xml = renderTei([bundle, { ...bundle, record: { ...bundle.record, id: 'rec00002' } }]);
    expect(xml).toMatch(/^<\?xml[^>]+>\n<teiCorpus xmlns="http:\/\/www.tei-c.org\/ns\/1.0"/);
    expect(xml).toContain('xml:id="r1-o-p1"');
    expect(xml).toContain('xml:id="r2-o-p1"');
    expect(jingErrors(xml)).toEqual([]);
    expect(danglingPointers(xml)).toEqual([]);
  });

  it('keeps hostile record text and notes well-formed and valid', async () => {
    const { bundle } = await annotatedBundle();
    const hostile = '</p><script>alert("x")</script> & ]]> \u0001 \uD800';
    const record = {
      ...bundle.record,
      title: hostile,
      rights: hostile,
      original: {
        ...bundle.record.original,
        passages: bundle.record.original.passages.map((p, i) =>
          i === 0 ? { ...p, text: hostile } : p,
        ),
      },
    };
    const xml = renderTei([{ ...bundle, record }]);
    expect(jingErrors(xml)).toEqual([]);
    expect(xml).toContain(
      '&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;',
    );
    expect(xml).not.toContain('<script>');
  });

  it('comes back whole into an empty library and exports the same TEI', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const first = await exportRecords(ctx, { recordIds: [recordId], format: 'tei' });
    const fresh = deterministicContext();
    const report = await importAnnotationFile(fresh, {
      name: 'edition.xml',
      bytes: Buffer.from(first.content),
    });
    expect(report).toMatchObject({ format: 'TEI', imported: 7, orphaned: 0, skipped: 0 });
    expect(report.records[0]!.created).toBe(true);
    const imported = fresh.records.get(report.records[0]!.recordId)!;
    const original = ctx.records.get(recordId)!;
    expect(imported.original.passages.map((p) => p.text)).toEqual(
      original.original.passages.map((p) => p.text),
    );
    expect(imported.alignment.map((g) => [g.original, g.translation])).toEqual(
      original.alignment.map((g) => [g.original, g.translation]),
    );
    const second = await exportRecords(fresh, { recordIds: [imported.id], format: 'tei' });
    const same = (xml: string) => xml.replace(/<date when="2026[^"]*">[^<]*<\/date>/g, '');
    expect(same(second.content)).toBe(same(first.content));
  });
});

describe('plain TEI import', () => {
  const fixture = path.join(ROOT, 'tests/fixtures/interop/plain-two-divs.tei.xml');

  it('reads two language divisions as the original and the translation, with the header', () => {
    const parsed = readTei(fs.readFileSync(fixture, 'utf8'));
    const record = parsed.groups[0]!.record!;
    expect(record.meta).toMatchObject({
      title: 'Record of a Conversation with Comrade Kim Il Sung, 4 May 1950',
      date: '1950-05-04',
      rights: 'For teaching use within the seminar.',
      source: 'AVP RF, f. 059a, op. 5a, d. 3, p. 11, ll. 100-103.',
    });
    expect(record.original).toEqual({
      lang: 'ru',
      paragraphs: [
        'Запись беседы',
        'Ким Ир Сен сообщил, что его поездка прошла успешно.',
        'Он просил передать благодарность & привет товарищу Сталину.',
      ],
    });
    expect(record.translation.paragraphs).toEqual([
      'Record of a conversation',
      'Kim Il Sung reported that his trip had gone well.',
      'He asked that his thanks & greetings be passed on to Comrade Stalin.',
    ]);
    expect(record.alignment).toBeNull();
  });

  it('becomes a new aligned record', async () => {
    const ctx = deterministicContext();
    const report = await importAnnotationFile(ctx, {
      name: 'plain.xml',
      bytes: fs.readFileSync(fixture),
    });
    expect(report.records[0]).toMatchObject({ created: true, imported: 0 });
    const record = ctx.records.get(report.records[0]!.recordId)!;
    expect(record.alignment.map((g) => [g.original, g.translation])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
  });

  it('refuses XML that is broken, not TEI, or declares entities', async () => {
    const ctx = deterministicContext();
    const tryImport = (xml: string) =>
      importAnnotationFile(ctx, { name: 'x.xml', bytes: Buffer.from(xml) });
    await expect(
      tryImport(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div xml:lang="ru"><p>a</div></body></text></TEI>',
      ),
    ).rejects.toThrow(/not well-formed XML: <\/div> does not close <p> \(line 1\)/);
    await expect(
      tryImport('<!DOCTYPE TEI [<!ENTITY x "boom">]><TEI><text/></TEI>'),
    ).rejects.toThrow(/internal DTD/);
    await expect(
      tryImport(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div xml:lang="ru"><p>только одна</p></div></body></text></TEI>',
      ),
    ).rejects.toThrow(/no two language divisions/);
    expect(ctx.records.count()).toBe(0);
  });
});
