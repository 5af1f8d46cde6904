import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/main/services/export/run';
import {
  PAGE_SIZE,
  renderWebAnnotation,
  webAnnotationCollection,
} from '../../../src/main/services/export/web-annotation';
import { importAnnotationFile } from '../../../src/main/services/interop';
import { lexicalToMarkdown } from '../../../src/shared/lexical/markdown';
import { importSample, memoryContext, ROOT } from '../support/context';
import {
  annotate,
  annotatedBundle,
  annotatedLibrary,
  call,
  deterministicContext,
  span,
} from './support';
import { annotationFailures, collectionFailures, mustCount } from './validators/web-annotation';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function allItems(collection: Json): Json[] {
  const pages = new Map<string, Json>((collection['@included'] ?? []).map((p: Json) => [p.id, p]));
  const items: Json[] = [];
  let page: Json | undefined = collection.first;
  while (page) {
    items.push(...page.items);
    page = page.next ? pages.get(page.next) : undefined;
  }
  return items;
}

describe('W3C Web Annotation export', () => {
  it('matches the reviewed golden file', async () => {
    const { bundle } = await annotatedBundle();
    await expect(renderWebAnnotation([bundle])).toMatchFileSnapshot(
      '../../fixtures/golden/annotations-110374.jsonld',
    );
  });

  it('passes every MUST assertion of the W3C test suite, collection and annotations', async () => {
    const { bundle } = await annotatedBundle();
    const collection = webAnnotationCollection([bundle]);
    const musts = mustCount();
    expect(musts.annotation).toBeGreaterThan(50);
    expect(musts.collection).toBe(10);
    expect(collectionFailures(collection)).toEqual([]);
    const items = allItems(collection);
    expect(items).toHaveLength(7);
    for (const item of items) expect(annotationFailures(item), item.id).toEqual([]);
    // The validator does fail what it should.
    expect(annotationFailures({ ...items[0], id: 'not a uri' })).not.toEqual([]);
    expect(
      annotationFailures({
        ...items[0],
        body: [{ type: 'TextualBody', id: 'x:y', purpose: 'commenting', value: 'v' }],
      }),
    ).not.toEqual([]);
  });

  it('gives a bilingual note two targets with quote and position, and its bodies their purposes', async () => {
    const { bundle } = await annotatedBundle();
    const items = allItems(webAnnotationCollection([bundle]));
    const note = items.find((a) => a.body?.some((b: Json) => b.value === 'Rendering choice'))!;
    expect(note.motivation).toBe('commenting');
    expect(note.target).toHaveLength(2);
    expect(note.target.map((t: Json) => [t.source.language, t.selector[0].exact])).toEqual([
      ['ru', 'хозяевами дела'],
      ['en', 'the bosses of the affair'],
    ]);
    const original = bundle.record.original.passages.map((p) => p.text).join('\n');
    const position = note.target[0].selector[1];
    expect([...original].slice(position.start, position.end).join('')).toBe('хозяевами дела');
    expect(note.body.map((b: Json) => b.purpose)).toEqual([
      'commenting',
      'tagging',
      'tagging',
      'classifying',
      'classifying',
      'classifying',
    ]);
    expect(note.body[0]).toEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      value: '<p>More like <em>masters of the situation</em>.</p>',
      format: 'text/html',
    });
    const person = items.find((a) => a.motivation === 'identifying')!;
    expect(person.body.at(-1)).toEqual({
      type: 'TextualBody',
      purpose: 'identifying',
      value: 'Ким Ир Сеном',
    });
    const question = items.find((a) => a.motivation === 'questioning')!;
    expect(question.body[0].purpose).toBe('questioning');
  });

  it('pages a large collection and keeps every page in the file', async () => {
    const ctx = deterministicContext();
    const recordId = await importSample(ctx);
    const passage = ctx.records
      .get(recordId)!
      .translation.passages.find((p) => p.text.length > 300)!;
    for (let i = 0; i < 250; i++) {
      await call(ctx, 'annotations.create', {
        recordId,
        targets: [{ passageId: passage.id, start: i, end: i + 5 }],
      });
    }
    const file = await exportRecords(ctx, { recordIds: [recordId], format: 'jsonld' });
    const collection = JSON.parse(file.content);
    expect(collection.total).toBe(250);
    expect(collection.first.items).toHaveLength(PAGE_SIZE);
    expect(collection['@included']).toHaveLength(2);
    expect(collection.last).toBe(collection['@included'][1].id);
    expect(collection['@included'][1]).toMatchObject({
      startIndex: 200,
      prev: collection['@included'][0].id,
    });
    expect(allItems(collection)).toHaveLength(250);
    expect(collectionFailures(collection)).toEqual([]);
  });

  it('comes back into a fresh library re-anchored, and exports the same annotations', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const first = await exportRecords(ctx, { recordIds: [recordId], format: 'jsonld' });
    const fresh = deterministicContext();
    const freshId = await importSample(fresh);
    const report = await importAnnotationFile(fresh, {
      name: 'notes.jsonld',
      bytes: Buffer.from(first.content),
    });
    expect(report).toMatchObject({
      format: 'W3C Web Annotation (JSON-LD)',
      imported: 7,
      orphaned: 0,
      skipped: 0,
    });
    expect(report.records[0]).toMatchObject({ recordId: freshId, created: false });
    const second = await exportRecords(fresh, { recordIds: [freshId], format: 'jsonld' });
    const comparable = (text: string, id: string) =>
      JSON.stringify(allItems(JSON.parse(text.split(id).join('RECORD'))));
    expect(comparable(second.content, freshId)).toBe(comparable(first.content, recordId));
  });

  it('re-anchors onto a record whose text has changed, and orphans what is gone', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const file = await exportRecords(ctx, { recordIds: [recordId], format: 'jsonld' });
    const fresh = memoryContext();
    // A later transcription: a word added before the spans, one quoted phrase reworded.
    const sample = fs.readFileSync(
      path.join(ROOT, 'resources/sample/wilson-center-110374.txt'),
      'utf8',
    );
    const edited = sample
      .replace('Ваши телеграммы о перемирии получены.', 'Все ваши телеграммы о перемирии получены.')
      .replace('No. 335/III', 'No. 336/IV');
    const freshId = await importSample(fresh, edited);
    const report = await importAnnotationFile(fresh, {
      name: 'notes.jsonld',
      bytes: Buffer.from(file.content),
    });
    expect(report.imported).toBe(7);
    expect(report.orphaned).toBe(1);
    const annotations = fresh.annotations.listByRecord(freshId);
    const moved = annotations.find((a) => a.targets[0]!.quote.exact === 'о перемирии')!;
    const passage = fresh.records.get(freshId)!.original.passages[moved.targets[0]!.passageIndex]!;
    expect(
      passage.text.slice(moved.targets[0]!.position.start, moved.targets[0]!.position.end),
    ).toBe('о перемирии');
    expect(moved.targets[0]!.orphaned).toBe(false);
    expect(
      annotations.find((a) => a.targets[0]!.quote.exact === 'No. 335/III')!.targets[0]!.orphaned,
    ).toBe(true);
  });

  it('refuses annotations on text no record holds, writing nothing', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const file = await exportRecords(ctx, { recordIds: [recordId], format: 'jsonld' });
    const empty = memoryContext();
    await expect(
      importAnnotationFile(empty, { name: 'notes.jsonld', bytes: Buffer.from(file.content) }),
    ).rejects.toThrow(/No record in the library holds the text/);
    expect(empty.records.count()).toBe(0);
  });
});

describe('Hypothesis import', () => {
  const fixture = path.join(ROOT, 'tests/fixtures/interop/hypothesis-110374.json');

  it('finds the record by its text, keeps comments, tags and replies, and reports what it left', async () => {
    const ctx = deterministicContext();
    const recordId = await importSample(ctx);
    const report = await importAnnotationFile(ctx, {
      name: 'hypothesis.json',
      bytes: fs.readFileSync(fixture),
    });
    expect(report).toMatchObject({
      format: 'Hypothesis JSON',
      imported: 3,
      orphaned: 1,
      skipped: 0,
    });
    expect(report.records[0]!.recordId).toBe(recordId);
    expect(report.warnings).toEqual([
      'The page note “Compare with the Chinese record of the same day.” has no quoted text; it was skipped.',
    ]);
    const annotations = ctx.annotations.listByRecord(recordId);
    const signed = annotations.find((a) => a.tags.includes('signatures'))!;
    expect(signed.targets[0]).toMatchObject({ side: 'original', orphaned: false });
    expect(signed.targets[0]!.quote.exact).toBe(
      'Если не будет подписи командующего китайскими добровольческими частями',
    );
    expect(lexicalToMarkdown(signed.comment.json)).toBe(
      'Stalin insists that **Peng Dehuai** co-sign: see [the Chinese side](<https://digitalarchive.wilsoncenter.org/topics/korean-war>).\n\n- signature matters\n- *Kim* alone is not enough',
    );
    expect(signed.replies.map((r) => r.body.text)).toEqual(['Mao had proposed the ship himself.']);
    expect(signed.createdAt).toBe(Date.parse('2026-11-19T16:02:11.101Z'));
    const ship = annotations.find((a) => a.targets[0]!.quote.exact === 'Danish hospital ship')!;
    expect(ship).toMatchObject({ comment: { json: null, text: '' }, categoryId: 'note' });
    expect(ship.targets[0]).toMatchObject({ side: 'translation', orphaned: false });
    const cut = annotations.find((a) => a.comment.text.startsWith('This sentence was cut'))!;
    expect(cut.targets[0]!.orphaned).toBe(true);

    // The same file again: recognised, nothing doubled.
    const again = await importAnnotationFile(ctx, {
      name: 'hypothesis.json',
      bytes: fs.readFileSync(fixture),
    });
    expect(again).toMatchObject({ imported: 0, skipped: 3 });
    expect(ctx.annotations.listByRecord(recordId)).toHaveLength(3);
  });

  it('imports into the record named even when another holds the same text', async () => {
    const ctx = deterministicContext();
    await importSample(ctx);
    const second = await importSample(
      ctx,
      fs
        .readFileSync(path.join(ROOT, 'resources/sample/wilson-center-110374.txt'), 'utf8')
        .replace(/110374$/, '110375')
        .replace('Ваши телеграммы о перемирии получены.', 'Ваша телеграмма о перемирии получена.'),
      'copy.txt',
    );
    const report = await importAnnotationFile(
      ctx,
      { name: 'h.json', bytes: fs.readFileSync(fixture) },
      second,
    );
    expect(report.records[0]!.recordId).toBe(second);
  });
});

describe('bad annotation files', () => {
  const attempt = async (bytes: Buffer | string, name = 'f.json') => {
    const ctx = memoryContext();
    await importSample(ctx);
    const before = ctx.annotations.listByRecord(ctx.records.list()[0]!.id).length;
    let message = '';
    try {
      await importAnnotationFile(ctx, {
        name,
        bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(ctx.annotations.listByRecord(ctx.records.list()[0]!.id)).toHaveLength(before);
    return message;
  };

  it('explains each refusal in a sentence and writes nothing', async () => {
    expect(await attempt('')).toMatch(/empty/i);
    expect(await attempt(Buffer.from([0xff, 0xfe, 0x00, 0x41]))).toMatch(/UTF-8|binary/i);
    expect(await attempt('{ "@context": ')).toBe(
      'f.json is not valid JSON (Unexpected end of JSON input): it is damaged or cut short. Nothing was imported.',
    );
    expect(await attempt('{"hello": "world"}')).toMatch(/not annotations Marginalia knows/);
    expect(await attempt('just some words')).toMatch(/neither JSON nor XML/);
    expect(await attempt('<html><body>x</body></html>', 'page.xml')).toMatch(/XML but not TEI/);
    expect(
      await attempt(
        '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 0}',
      ),
    ).toMatch(/holds no annotations/);
    expect(
      await attempt(
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'Annotation',
          id: 'urn:x',
          target: 'https://example.org/',
        }),
      ),
    ).toMatch(/holds no annotations/);
  });

  it('keeps hostile comment HTML as text, never as markup', async () => {
    const ctx = deterministicContext();
    const recordId = await importSample(ctx);
    const document = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      body: {
        type: 'TextualBody',
        purpose: 'commenting',
        format: 'text/html',
        value:
          '<p onclick="alert(1)">Safe <script>alert(2)</script><a href="javascript:alert(3)">link</a><img src=x onerror=alert(4)> <a href="https://ok.example/">ok</a></p>',
      },
      target: {
        source: 'https://example.org/doc',
        selector: { type: 'TextQuoteSelector', exact: 'Ваши телеграммы' },
      },
    };
    await importAnnotationFile(ctx, {
      name: 'a.jsonld',
      bytes: Buffer.from(JSON.stringify(document)),
    });
    const [annotation] = ctx.annotations.listByRecord(recordId);
    expect(annotation!.comment.text).toBe('Safe link ok');
    expect(annotation!.comment.json).not.toMatch(/script|onclick|onerror|javascript|img/);
    expect(lexicalToMarkdown(annotation!.comment.json)).toBe(
      'Safe link [ok](<https://ok.example/>)',
    );
  });
});

describe('annotations of a second record', () => {
  it('go to their own record when one file holds two', async () => {
    const ctx = deterministicContext();
    const first = await importSample(ctx);
    const sample = fs.readFileSync(
      path.join(ROOT, 'resources/sample/wilson-center-110374.txt'),
      'utf8',
    );
    const second = await importSample(
      ctx,
      sample
        .replace(/110374$/, '110375')
        .replace('Ваши телеграммы о перемирии получены.', 'Ваша телеграмма о перемирии получена.'),
      'b.txt',
    );
    await annotate(ctx, first);
    await call(ctx, 'annotations.create', {
      recordId: second,
      targets: [span(ctx, second, 'original', 'Ваша телеграмма')],
    });
    const file = await exportRecords(ctx, { recordIds: [first, second], format: 'jsonld' });
    const fresh = deterministicContext();
    const a = await importSample(fresh);
    const b = await importSample(
      fresh,
      sample
        .replace(/110374$/, '110375')
        .replace('Ваши телеграммы о перемирии получены.', 'Ваша телеграмма о перемирии получена.'),
      'b.txt',
    );
    const report = await importAnnotationFile(fresh, {
      name: 'both.jsonld',
      bytes: Buffer.from(file.content),
    });
    expect(report.records.map((r) => [r.recordId, r.imported])).toEqual([
      [a, 7],
      [b, 1],
    ]);
  });
});
