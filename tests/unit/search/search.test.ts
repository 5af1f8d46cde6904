import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchSnippet } from '../../../src/shared/api/methods/search';
import { dispatch } from '../../../src/main/api/router';
import { searchLibrary } from '../../../src/main/services/search/library-search';
import { searchRecord } from '../../../src/main/services/search/record-search';
import { importSample, memoryContext } from '../support/context';
import { addNote, addRecord, passageWith } from './support';

type Ctx = ReturnType<typeof memoryContext>;
const search = (ctx: Ctx, query: string, names = true) =>
  searchLibrary(ctx, { query, names, limit: 50, hitsPerRecord: 50, page: null });
const marked = (s: SearchSnippet): string[] => s.ranges.map((r) => s.text.slice(r.start, r.end));
const hits = (ctx: Ctx, query: string): SearchHit[] =>
  search(ctx, query).groups.flatMap((g) => g.hits);

async function library(): Promise<{ ctx: Ctx; sample: string; korea: string }> {
  const ctx = memoryContext();
  const sample = await importSample(ctx);
  const korea = addRecord(ctx, {
    title: 'Record of a conversation with Kim Il Sung',
    date: '1950-09-14',
    type: 'Memorandum',
    source: 'AVP RF, f. 059a, op. 5a, d. 3, p. 11',
    ru: [
      'Товарищ Ким Ир Сен сообщил о положении на фронте.',
      'Пэн Дэхуай прибыл в Пхеньян для переговоров о перемирии.',
      'Вопрос о перемирии обсуждался ещё раз.',
    ],
    en: [
      'Comrade Kim Il Sung reported on the situation at the front.',
      'Peng Dehuai arrived in Pyongyang for armistice negotiations.',
      'The question of an armistice was discussed once more.',
    ],
  });
  return { ctx, sample, korea };
}

describe('searching the library', () => {
  it('finds every form of a Russian word and highlights it where it stands', async () => {
    const { ctx } = await library();
    for (const query of ['перемирие', 'перемирии', 'ПЕРЕМИРИЯ', 'Перемирием']) {
      const found = hits(ctx, `lang:ru ${query}`);
      expect(found.length, query).toBeGreaterThanOrEqual(3);
      for (const hit of found) {
        expect(
          marked(hit.snippet).every((w) => /^перемири[еияю]/i.test(w)),
          query,
        ).toBe(true);
      }
    }
  });

  it('folds ё: "еще" finds "ещё"', async () => {
    const { ctx } = await library();
    expect(marked(hits(ctx, 'еще')[0]!.snippet)).toEqual(['ещё']);
  });

  it('finds English inflections and shows the aligned Russian passage', async () => {
    const { ctx, sample } = await library();
    const found = hits(ctx, 'armistices').filter((h) => h.kind === 'passage');
    expect(found.length).toBeGreaterThan(2);
    const fromSample = search(ctx, 'lang:en armistice received').groups[0]!;
    expect(fromSample.record.id).toBe(sample);
    const hit = fromSample.hits[0]!;
    expect(hit.snippet.text).toBe('Your telegrams about an armistice have been received.');
    expect(marked(hit.snippet)).toEqual(['armistice', 'received']);
    expect(hit.counterpart).toMatchObject({ side: 'original', lang: 'ru' });
    expect(hit.counterpart!.passages[0]!.snippet.text).toBe(
      'Ваши телеграммы о перемирии получены.',
    );
  });

  it('searches phrases by word forms, in order, and prefixes by the start of words', async () => {
    const { ctx } = await library();
    const phrase = hits(ctx, '"о перемирии"');
    expect(phrase.length).toBeGreaterThanOrEqual(2);
    for (const hit of phrase) expect(marked(hit.snippet)).toEqual(['о перемирии']);
    expect(hits(ctx, '"перемирии о"')).toEqual([]);
    const prefix = hits(ctx, 'lang:ru перегов*');
    expect(prefix.flatMap((h) => marked(h.snippet))).toEqual(
      expect.arrayContaining(['переговоров']),
    );
    expect(hits(ctx, '=перемирие')).toEqual([]);
  });

  it('combines words with OR and NOT', async () => {
    const { ctx, korea } = await library();
    const both = search(ctx, 'Pyongyang OR Пхеньян');
    expect(both.totalHits).toBe(2);
    const without = search(ctx, 'armistice -Pyongyang lang:en');
    expect(
      without.groups.flatMap((g) => g.hits).some((h) => h.snippet.text.includes('Pyongyang')),
    ).toBe(false);
    expect(search(ctx, 'armistice lang:en').totalHits).toBeGreaterThan(without.totalHits);
    expect(search(ctx, 'Pyongyang').groups[0]!.record.id).toBe(korea);
  });

  it('finds names across scripts: Kim Il Sung ~ Ким Ир Сен, Peng Dehuai ~ Пэн Дэхуай', async () => {
    const { ctx } = await library();
    // The sample telegram names him too ("с Ким Ир Сеном"), in another case.
    const kim = hits(ctx, 'lang:ru Kim Il Sung');
    expect(kim.length).toBeGreaterThanOrEqual(3);
    for (const hit of kim) expect(marked(hit.snippet).join(' ')).toMatch(/^Ким Ир Сен(ом)?$/);
    expect(kim.map((h) => h.snippet.text)).toContain(
      'Товарищ Ким Ир Сен сообщил о положении на фронте.',
    );
    const peng = hits(ctx, 'lang:ru Peng Dehuai');
    expect(peng.map((h) => marked(h.snippet).join(' '))).toEqual(
      expect.arrayContaining(['Пэн Дэхуай', 'Пэн Дэхуаем']),
    );
    const back = hits(ctx, 'lang:en Пэн Дэхуай');
    expect(back.map((h) => marked(h.snippet).join(' '))).toContain('Peng Dehuai');
    // Only when asked, and only for capitalised words.
    expect(search(ctx, 'lang:ru Kim Il Sung', false).totalHits).toBe(0);
    expect(search(ctx, 'lang:ru kim il sung').totalHits).toBe(0);
  });

  it('searches notes: quotes, comments, tags and replies, with filters', async () => {
    const { ctx, sample } = await library();
    const passage = passageWith(ctx.db, sample, 'original', 'о перемирии');
    const note = addNote(ctx, {
      recordId: sample,
      passageId: passage,
      exact: 'о перемирии',
      comment: 'Stalin insists on speed',
      category: 'question',
      tags: ['Xiangshan talks'],
      replies: ['Compare Molotov’s draft'],
    });
    const found = hits(ctx, 'in:notes перемирие');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'note', passageId: passage, side: 'original' });
    expect(found[0]!.note).toMatchObject({
      annotationId: note,
      categoryId: 'question',
      tags: ['Xiangshan talks'],
    });
    expect(marked(found[0]!.note!.quote!)).toEqual(['перемирии']);
    expect(found[0]!.counterpart!.passages[0]!.snippet.text).toContain('armistice');

    expect(hits(ctx, 'insists')[0]!.kind).toBe('note');
    expect(marked(hits(ctx, 'Molotov')[0]!.snippet)).toEqual(['Molotov']);
    expect(hits(ctx, 'Xiangshan')).toHaveLength(1);
    // tag: and category: select notes and the passages they mark.
    const tagged = hits(ctx, 'tag:"xiangshan TALKS" перемирие');
    expect(tagged.map((h) => h.kind).sort()).toEqual(['note', 'passage']);
    expect(hits(ctx, 'category:question').map((h) => h.kind)).toEqual(['note']);
    expect(hits(ctx, 'category:Question перемирие -in:notes').map((h) => h.passageId)).toEqual([
      passage,
    ]);
    expect(search(ctx, 'tag:nonesuch перемирие').warnings).toContain(
      'No note is tagged “nonesuch”.',
    );
    expect(search(ctx, 'category:nonesuch').warnings.join(' ')).toMatch(/no category “nonesuch”/);
  });

  it('finds catalogue data and ranks a title hit first', async () => {
    const { ctx, korea } = await library();
    const result = search(ctx, 'conversation');
    expect(result.groups[0]!.record.id).toBe(korea);
    expect(result.groups[0]!.hits[0]).toMatchObject({ kind: 'record', field: 'title' });
    expect(search(ctx, 'in:titles 059a').groups[0]!.hits[0]).toMatchObject({ field: 'source' });
  });

  it('groups hits by record and pages through records', async () => {
    const { ctx } = await library();
    const first = searchLibrary(ctx, {
      query: 'перемирие OR armistice',
      names: true,
      limit: 1,
      hitsPerRecord: 2,
      page: null,
    });
    expect(first.totalRecords).toBe(2);
    expect(first.groups).toHaveLength(1);
    expect(first.groups[0]!.hits.length).toBeLessThanOrEqual(2);
    expect(first.groups[0]!.hitCount).toBeGreaterThan(2);
    const second = searchLibrary(ctx, {
      query: 'перемирие OR armistice',
      names: true,
      limit: 1,
      hitsPerRecord: 2,
      page: first.next,
    });
    expect(second.groups[0]!.record.id).not.toBe(first.groups[0]!.record.id);
    expect(second.next).toBeNull();
  });

  it('answers hostile input with results or a message, never an error', async () => {
    const { ctx } = await library();
    for (const query of [
      '"',
      '(((',
      '*',
      'NEAR(перемирие',
      'NOT',
      'AND OR',
      '"о перемирии',
      'x'.repeat(10_000),
    ]) {
      const result = await dispatch(ctx, 'search.query', { query });
      expect(result.ok, query).toBe(true);
    }
    const tooLong = await dispatch(ctx, 'search.query', { query: 'x'.repeat(10_001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(tooLong.ok === false && tooLong.error.message).toMatch(/at most 10,000 characters/);
    const lone = search(ctx, 'NOT armistice');
    expect(lone.message).toMatch(/Type a word/);
    expect(lone.warnings.join(' ')).toMatch(/only leaves things out/);
    expect(search(ctx, '"о перемирии').groups.length).toBeGreaterThan(0);
  });

  it('finds every occurrence in one record, in reading order, in both columns', async () => {
    const { ctx, korea } = await library();
    const record = ctx.records.get(korea)!;
    const result = searchRecord(ctx, record, { query: 'перемирие OR armistice', names: true });
    expect(result.hits.map((h) => [h.row, h.side])).toEqual([
      [1, 'original'],
      [1, 'translation'],
      [2, 'original'],
      [2, 'translation'],
    ]);
    const first = result.hits[0]!;
    expect(record.original.passages[first.passageIndex]!.text.slice(first.start, first.end)).toBe(
      'перемирии',
    );
    expect(searchRecord(ctx, record, { query: 'lang:en Kim', names: true }).hits).toHaveLength(1);
    expect(searchRecord(ctx, record, { query: '(((', names: true }).message).toMatch(/Type a word/);
  });
});
