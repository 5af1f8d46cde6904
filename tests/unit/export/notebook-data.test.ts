// The scholar's own glossary and people/places (the notebook) flow into every export, joined by
// what her marks say on their own.
import { describe, expect, it } from 'vitest';
import { loadExportBundle } from '../../../src/main/services/export/bundle';
import { renderMarkdown } from '../../../src/main/services/export/markdown-notes';
import { renderTei } from '../../../src/main/services/export/tei';
import { annotatedLibrary, call, span } from './support';
import { danglingPointers, jingErrors } from './validators/tei';

describe('notebook data in exports', () => {
  it('uses stored glossary entries and entities, with all their names', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    await call(ctx, 'glossary.create', {
      term: 'хозяевами дела',
      renderings: ['masters of the situation', 'bosses of the affair'],
      note: 'Idiom: those who decide.',
      recordId,
    });
    const mention = await call(ctx, 'annotations.create', {
      recordId,
      targets: [
        span(ctx, recordId, 'original', 'Пэн Дэхуаем'),
        span(ctx, recordId, 'translation', 'PENG DEHUAI'),
      ],
      categoryId: 'person',
    });
    await call(ctx, 'entities.create', {
      kind: 'person',
      names: ['Пэн Дэхуай', 'Peng Dehuai', 'PENG DEHUAI'],
      note: 'Commander of the Chinese volunteers.',
      annotationIds: [mention.id],
    });
    const bundle = loadExportBundle(ctx, recordId);
    expect(bundle.glossary.map((g) => g.term)).toEqual(['перемирия', 'хозяевами дела']);
    expect(bundle.glossary[1]).toMatchObject({
      renderings: ['masters of the situation', 'bosses of the affair'],
      note: 'Idiom: those who decide.',
    });
    const peng = bundle.entities.find((e) => e.name === 'Пэн Дэхуай')!;
    expect(peng).toMatchObject({
      kind: 'person',
      annotationIds: [mention.id],
      note: 'Commander of the Chinese volunteers.',
    });
    expect(peng.names.map((n) => [n.text, n.lang])).toEqual([
      ['Пэн Дэхуай', 'ru'],
      ['Peng Dehuai', 'en'],
    ]);
    expect(bundle.entities.map((e) => e.id)).toEqual(['person-1', 'person-2', 'place-1']);

    const md = renderMarkdown([bundle]);
    expect(md).toContain(
      '- **хозяевами дела**: masters of the situation; bosses of the affair — Idiom: those who decide.',
    );
    expect(md).toContain('- **Пэн Дэхуай** (person): also Peng Dehuai');
    const tei = renderTei([bundle]);
    expect(tei).toContain('<persName ref="#person-1">Пэн Дэхуаем</persName>');
    expect(tei).toContain(
      '<person xml:id="person-1"><persName xml:lang="ru">Пэн Дэхуай</persName><persName xml:lang="en">Peng Dehuai</persName><note>Commander of the Chinese volunteers.</note></person>',
    );
    expect(jingErrors(tei)).toEqual([]);
    expect(danglingPointers(tei)).toEqual([]);
  });
});
