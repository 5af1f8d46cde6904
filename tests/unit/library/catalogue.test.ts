import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api/contract';
import { memoryContext, importSample } from '../support/context';
import { addNote, addRecord, passageWith } from '../search/support';

type Ctx = ReturnType<typeof memoryContext>;

async function call<M extends MethodName>(
  ctx: Ctx,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

interface Ids {
  sample: string;
  letter: string;
  memo: string;
  undated: string;
}

async function library(): Promise<{ ctx: Ctx; ids: Ids }> {
  const ctx = memoryContext();
  const sample = await importSample(ctx);
  const letter = addRecord(ctx, {
    title: 'Letter from Mao Zedong to Stalin',
    date: '1950-10-02',
    type: 'Letter',
    source: 'APRF, f. 45, op. 1, d. 334, ll. 105-106',
    ru: ['Мы решили послать войска в Корею.'],
    en: ['We have decided to send troops to Korea.'],
  });
  const memo = addRecord(ctx, {
    title: 'Ёлочный memorandum on the Kaesong talks',
    date: '1951-08',
    type: 'Memorandum',
    source: 'AVP RF, f. 059a, op. 5a, d. 3, p. 11',
    ru: ['Переговоры в Кэсоне прерваны.'],
    en: ['The Kaesong talks are broken off.'],
  });
  const undated = addRecord(ctx, { title: 'Undated note', ru: ['Записка.'], en: ['A note.'] });
  addNote(ctx, {
    recordId: letter,
    passageId: passageWith(ctx.db, letter, 'original', 'Корею'),
    exact: 'Корею',
    category: 'place',
    tags: ['intervention'],
  });
  addNote(ctx, {
    recordId: sample,
    passageId: passageWith(ctx.db, sample, 'original', 'Ким Ир Сен'),
    exact: 'Ким Ир Сен',
    category: 'person',
    tags: ['intervention', 'armistice'],
  });
  return { ctx, ids: { sample, letter, memo, undated } };
}

const catalogue = (ctx: Ctx, input: MethodInput<'library.catalogue'> = {}) =>
  call(ctx, 'library.catalogue', input);

describe('the library catalogue', () => {
  it('lists every record, sorted by date with undated ones last, and counts facets', async () => {
    const { ctx, ids } = await library();
    const result = await catalogue(ctx);
    expect(result.total).toBe(4);
    expect(result.rows.map((r) => r.id)).toEqual([ids.letter, ids.sample, ids.memo, ids.undated]);
    const facet = (key: keyof typeof result.facets) =>
      Object.fromEntries(result.facets[key].map((v) => [v.label, v.count]));
    expect(facet('types')).toEqual({ Telegram: 1, Letter: 1, Memorandum: 1 });
    // The sample telegram cites three archives.
    expect(facet('archives')).toEqual({ APRF: 2, 'AVP RF': 2, RGASPI: 1 });
    expect(facet('fonds')).toMatchObject({ 'APRF f. 45': 2, 'AVP RF f. 059a': 2 });
    expect(facet('languagePairs')).toEqual({ 'Russian ↔ English': 4 });
    expect(facet('tags')).toEqual({ intervention: 2, armistice: 1 });
    expect(facet('people')).toEqual({ 'Ким Ир Сен': 1 });
    expect(facet('places')).toEqual({ Корею: 1 });
    expect(facet('years')).toEqual({ '1950': 1, '1951': 2 });
    expect(result.notes).toEqual({ with: 2, without: 2 });
  });

  it('filters by facets, keeping each facet’s own counts open', async () => {
    const { ctx, ids } = await library();
    const letters = await catalogue(ctx, { filters: { types: ['Letter'] } });
    expect(letters.rows.map((r) => r.id)).toEqual([ids.letter]);
    // The type facet still offers the other types, counted without the type filter.
    expect(letters.facets.types.map((v) => [v.value, v.count])).toEqual(
      expect.arrayContaining([
        ['Letter', 1],
        ['Telegram', 1],
      ]),
    );
    expect(letters.facets.archives).toEqual([{ value: 'APRF', label: 'APRF', count: 1 }]);
    expect(letters.facets.types.find((v) => v.value === 'Memorandum')!.count).toBe(1);
    const either = await catalogue(ctx, { filters: { types: ['Letter', 'Telegram'] } });
    expect(either.rows).toHaveLength(2);
    const tagged = await catalogue(ctx, { filters: { tags: ['intervention', 'armistice'] } });
    expect(tagged.rows.map((r) => r.id)).toEqual([ids.sample]);
    expect((await catalogue(ctx, { filters: { hasNotes: false } })).rows.map((r) => r.id)).toEqual([
      ids.memo,
      ids.undated,
    ]);
    const person = letters.facets.people[0];
    expect(person).toBeUndefined();
    const people = (await catalogue(ctx)).facets.people[0]!;
    expect(
      (await catalogue(ctx, { filters: { people: [people.value] } })).rows.map((r) => r.id),
    ).toEqual([ids.sample]);
  });

  it('filters by date range, title words (any case, ё = е) and full text', async () => {
    const { ctx, ids } = await library();
    const in1951 = await catalogue(ctx, { filters: { dateFrom: '1951', dateTo: '1951' } });
    expect(in1951.rows.map((r) => r.id)).toEqual([ids.sample, ids.memo]);
    // A partial bound covers its whole month: 1951-06 takes 30 June 1951.
    const upTo = await catalogue(ctx, { filters: { dateTo: '1951-06' } });
    expect(upTo.rows.map((r) => r.id)).toEqual([ids.letter, ids.sample]);
    const from = await catalogue(ctx, { filters: { dateFrom: '1951-07' } });
    expect(from.rows.map((r) => r.id)).toEqual([ids.memo]);
    expect(
      (await catalogue(ctx, { filters: { title: 'ЕЛОЧНЫЙ kaesong' } })).rows.map((r) => r.id),
    ).toEqual([ids.memo]);
    const text = await catalogue(ctx, { filters: { query: 'войска OR переговоры' } });
    expect(text.rows.map((r) => r.id).sort()).toEqual([ids.letter, ids.memo, ids.sample].sort());
    const bad = await dispatch(ctx, 'library.catalogue', { filters: { dateFrom: '51' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('sorts by title, type, archive, notes and date added, either way', async () => {
    const { ctx, ids } = await library();
    const order = async (sort: MethodInput<'library.catalogue'>['sort'], descending = false) =>
      (await catalogue(ctx, { sort, descending })).rows.map((r) => r.id);
    expect(await order('title')).toEqual([ids.sample, ids.letter, ids.undated, ids.memo]);
    expect(await order('title', true)).toEqual([ids.memo, ids.undated, ids.letter, ids.sample]);
    expect((await order('type'))[0]).toBe(ids.letter);
    expect((await order('archive')).at(-1)).toBe(ids.undated);
    expect((await order('notes')).slice(0, 2).sort()).toEqual([ids.letter, ids.sample].sort());
    expect((await order('added'))[0]).toBe(ids.undated);
  });
});

describe('records: rename, duplicate, delete with undo', () => {
  it('renames, and the old title comes back on undo', async () => {
    const { ctx, ids } = await library();
    const renamed = await call(ctx, 'library.renameRecord', {
      id: ids.letter,
      title: 'Mao to Stalin, 2 October',
    });
    expect(renamed.previousTitle).toBe('Letter from Mao Zedong to Stalin');
    expect(ctx.records.get(ids.letter)!.title).toBe('Mao to Stalin, 2 October');
    const empty = await dispatch(ctx, 'library.renameRecord', { id: ids.letter, title: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('duplicates a record with its text, alignment and notes', async () => {
    const { ctx, ids } = await library();
    const copy = await call(ctx, 'library.duplicateRecord', { id: ids.sample });
    expect(copy.title).toMatch(/\(copy\)$/);
    const original = ctx.records.get(ids.sample)!;
    const duplicate = ctx.records.get(copy.id)!;
    expect(duplicate.original.passages.map((p) => p.text)).toEqual(
      original.original.passages.map((p) => p.text),
    );
    expect(duplicate.alignment).toEqual(original.alignment);
    const notes = await call(ctx, 'annotations.list', { recordId: copy.id });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.targets[0]!.passageId).toBe(
      duplicate.original.passages[notes[0]!.targets[0]!.passageIndex]!.id,
    );
    expect(notes[0]!.id).not.toBe(
      (await call(ctx, 'annotations.list', { recordId: ids.sample }))[0]!.id,
    );
    const tags = ctx.db
      .prepare('SELECT tag FROM annotation_tags WHERE annotation_id = ?')
      .pluck()
      .all(notes[0]!.id);
    expect(tags.sort()).toEqual(['armistice', 'intervention']);
    // The copy is searchable like any record.
    const found = await call(ctx, 'search.query', { query: '"о перемирии"' });
    expect(found.groups.map((g) => g.record.id)).toContain(copy.id);
  });

  it('moves records to the trash with their notes, restores them, and purges for good', async () => {
    const { ctx, ids } = await library();
    await call(ctx, 'collections.create', { name: 'Course', recordIds: [ids.sample, ids.memo] });
    await call(ctx, 'library.trashRecords', { ids: [ids.sample] });
    const after = await catalogue(ctx);
    expect(after.total).toBe(3);
    expect(after.trashCount).toBe(1);
    expect(after.collections[0]).toMatchObject({ name: 'Course', count: 1 });
    expect((await call(ctx, 'records.list', {})).map((r) => r.id)).not.toContain(ids.sample);
    expect((await call(ctx, 'search.query', { query: 'перемирие' })).totalHits).toBe(0);
    expect((await call(ctx, 'library.trash', {}))[0]).toMatchObject({ id: ids.sample });
    // Trashing twice is refused, and nothing changes.
    expect(
      await dispatch(ctx, 'library.trashRecords', { ids: [ids.memo, ids.sample] }),
    ).toMatchObject({
      ok: false,
    });
    expect((await catalogue(ctx)).total).toBe(3);

    await call(ctx, 'library.restoreRecords', { ids: [ids.sample] });
    expect((await catalogue(ctx)).total).toBe(4);
    expect(await call(ctx, 'annotations.list', { recordId: ids.sample })).toHaveLength(1);
    expect((await call(ctx, 'search.query', { query: 'in:notes Ким' })).totalHits).toBe(1);
    expect((await catalogue(ctx)).collections[0]!.count).toBe(2);

    await call(ctx, 'library.trashRecords', { ids: [ids.undated] });
    expect(await dispatch(ctx, 'library.purgeRecords', { ids: [ids.letter] })).toMatchObject({
      ok: false,
    });
    await call(ctx, 'library.purgeRecords', { ids: [ids.undated] });
    expect(
      ctx.db.prepare('SELECT count(*) FROM records WHERE id = ?').pluck().get(ids.undated),
    ).toBe(0);
  });

  it('empties the trash of records older than 30 days', async () => {
    const { ctx, ids } = await library();
    await call(ctx, 'library.trashRecords', { ids: [ids.memo] });
    ctx.db
      .prepare('UPDATE records SET deleted_at = ? WHERE id = ?')
      .run(ctx.now() - 31 * 86_400_000, ids.memo);
    expect((await catalogue(ctx)).trashCount).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) FROM records WHERE id = ?').pluck().get(ids.memo)).toBe(
      0,
    );
  });
});

describe('collections', () => {
  it('creates, fills, renames, duplicates, deletes and restores', async () => {
    const { ctx, ids } = await library();
    const course = await call(ctx, 'collections.create', { name: 'Korean War course' });
    expect(
      (
        await call(ctx, 'collections.addRecords', {
          id: course.id,
          recordIds: [ids.letter, ids.memo],
        })
      ).added,
    ).toHaveLength(2);
    // Adding again adds nothing (an undo would then remove nothing).
    expect(
      (await call(ctx, 'collections.addRecords', { id: course.id, recordIds: [ids.letter] })).added,
    ).toEqual([]);
    const inIt = await catalogue(ctx, { filters: { collectionId: course.id } });
    expect(inIt.rows.map((r) => r.id)).toEqual([ids.letter, ids.memo]);

    await call(ctx, 'collections.rename', { id: course.id, name: 'Seminar' });
    const copy = await call(ctx, 'collections.duplicate', { id: course.id });
    expect(copy.name).toBe('Seminar (copy)');
    expect([...copy.recordIds].sort()).toEqual([ids.letter, ids.memo].sort());
    expect((await call(ctx, 'collections.duplicate', { id: course.id })).name).toBe(
      'Seminar (copy 2)',
    );

    const removed = await call(ctx, 'collections.removeRecords', {
      id: course.id,
      recordIds: [ids.memo],
    });
    expect(removed.removed).toEqual([ids.memo]);
    const deleted = await call(ctx, 'collections.delete', { id: course.id });
    expect((await call(ctx, 'collections.list', {})).map((c) => c.name)).not.toContain('Seminar');
    const restored = await call(ctx, 'collections.restore', { collection: deleted });
    expect(restored).toMatchObject({ id: course.id, name: 'Seminar', recordIds: [ids.letter] });

    expect(
      await dispatch(ctx, 'collections.addRecords', { id: course.id, recordIds: ['nosuch'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(ctx, 'collections.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
