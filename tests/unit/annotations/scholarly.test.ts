// The historian's data through the API: tags, bilingual notes, replies, corrected transcription,
// re-attached orphans, categories, the record note, the glossary and people/places.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import type { TestContext as AppContext } from '../support/context';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api/contract';
import type { ApiErrorData } from '../../../src/shared/api/errors';
import { importSample, memoryContext } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

async function call<M extends MethodName>(
  ctx: AppContext,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

async function fail(ctx: AppContext, method: MethodName, input: unknown): Promise<ApiErrorData> {
  const result = await dispatch(ctx, method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

function span(ctx: AppContext, recordId: string, side: 'original' | 'translation', phrase: string) {
  const passage = ctx.records.get(recordId)![side].passages.find((p) => p.text.includes(phrase))!;
  const start = passage.text.indexOf(phrase);
  return { passageId: passage.id, start, end: start + phrase.length };
}

async function setup() {
  const ctx = memoryContext();
  return { ctx, recordId: await importSample(ctx) };
}

describe('annotations with tags, types and counterparts', () => {
  it('tidies tags, suggests them, and refuses bad ones without writing', async () => {
    const { ctx, recordId } = await setup();
    const a = await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'хозяевами дела')],
      tags: ['  #idiom ', 'Idiom', 'Korean   War'],
    });
    expect(a.tags).toEqual(['idiom', 'Korean War']);
    await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'перемирии')],
      tags: ['Korean War'],
    });
    expect(await call(ctx, 'annotations.tags', {})).toEqual([
      { tag: 'Korean War', count: 2 },
      { tag: 'idiom', count: 1 },
    ]);
    const error = await fail(ctx, 'annotations.update', { id: a.id, tags: ['x'.repeat(100)] });
    expect(error.message).toMatch(/too long/);
    expect(ctx.annotations.get(a.id)!.tags).toEqual(['idiom', 'Korean War']);
  });

  it('links a counterpart in the other language as a second target, and refuses the same side', async () => {
    const { ctx, recordId } = await setup();
    const note = await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'хозяевами дела')],
      categoryId: 'translation-issue',
      noteType: 'rendering-choice',
    });
    const linked = await call(ctx, 'annotations.linkCounterpart', {
      id: note.id,
      target: span(ctx, recordId, 'translation', 'the bosses of the affair'),
    });
    expect(linked.targets.map((t) => [t.side, t.quote.exact])).toEqual([
      ['original', 'хозяевами дела'],
      ['translation', 'the bosses of the affair'],
    ]);
    expect(linked.noteType).toBe('rendering-choice');
    const same = await fail(ctx, 'annotations.linkCounterpart', {
      id: (
        await call(ctx, 'annotations.create', {
          recordId,
          targets: [span(ctx, recordId, 'original', 'Филиппов')],
        })
      ).id,
      target: span(ctx, recordId, 'original', 'Кайдзио'),
    });
    expect(same.message).toMatch(/other language/);
    // Undo of the link: put the earlier snapshot back.
    const undone = await call(ctx, 'annotations.put', { annotation: note });
    expect(undone.targets).toHaveLength(1);
    const bad = await fail(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'Филиппов')],
      noteType: 'typo',
    });
    expect(bad.code).toBe('invalid_input');
  });

  it('keeps a dated thread of replies; delete and restore bring the whole annotation back', async () => {
    const { ctx, recordId } = await setup();
    const note = await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'перемирии')],
    });
    const body = { json: lexicalState(paragraph(text('Question for students: why Ridgway?'))) };
    const reply = await call(ctx, 'annotations.addReply', { annotationId: note.id, body });
    expect(reply.body.text).toBe('Question for students: why Ridgway?');
    expect(
      (await fail(ctx, 'annotations.addReply', { annotationId: note.id, body: { json: null } }))
        .message,
    ).toMatch(/Write something/);
    const snapshot = await call(ctx, 'annotations.delete', { id: note.id });
    expect(snapshot.replies).toHaveLength(1);
    const restored = await call(ctx, 'annotations.restore', { annotation: snapshot });
    expect(restored.replies[0]!.body.text).toBe('Question for students: why Ridgway?');
    const removed = await call(ctx, 'annotations.deleteReply', { id: reply.id });
    expect((await call(ctx, 'annotations.list', { recordId }))[0]!.replies).toEqual([]);
    await call(ctx, 'annotations.restoreReply', { reply: removed });
    expect((await call(ctx, 'annotations.list', { recordId }))[0]!.replies).toHaveLength(1);
  });
});

describe('correcting the transcription', () => {
  it('edits a passage, re-anchors its notes, and undoes by editing back', async () => {
    const { ctx, recordId } = await setup();
    const s = span(ctx, recordId, 'original', 'хозяевами дела');
    const gone = await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'датского госпитального судна')],
    });
    const kept = await call(ctx, 'annotations.create', { recordId, targets: [s] });
    const before = ctx.records.passage(s.passageId)!.text;
    const corrected = before
      .replace('По нашему мнению', 'По нашему общему мнению')
      .replace('от датского госпитального судна', 'от судна');
    const edit = await call(ctx, 'transcription.editPassage', {
      passageId: s.passageId,
      text: corrected,
    });
    expect(edit.previousText).toBe(before);
    expect(edit.report).toMatchObject({ orphaned: 1, orphanedAnnotationIds: [gone.id] });
    const moved = ctx.annotations.get(kept.id)!.targets[0]!;
    expect(corrected.slice(moved.position.start, moved.position.end)).toBe('хозяевами дела');
    // The answer carries the change: exactly the two notes the edit moved or orphaned, as stored,
    // so a client applies it without asking for the list again.
    const listed = await call(ctx, 'annotations.list', { recordId });
    expect(edit.annotations.map((a) => a.id).sort()).toEqual([gone.id, kept.id].sort());
    expect(edit.annotations).toEqual(
      expect.arrayContaining(listed.filter((a) => a.id === gone.id || a.id === kept.id)),
    );

    // The orphan is listed and can be re-attached by selecting new text.
    const reattached = await call(ctx, 'annotations.reattach', {
      id: gone.id,
      targetIndex: 0,
      target: span(ctx, recordId, 'original', 'от судна'),
    });
    expect(reattached.targets[0]).toMatchObject({ orphaned: false, quote: { exact: 'от судна' } });

    const undo = await call(ctx, 'transcription.editPassage', {
      passageId: s.passageId,
      text: before,
    });
    expect(undo.report.orphaned).toBe(0);
    expect(ctx.annotations.get(kept.id)!.targets[0]!.position).toMatchObject({ start: s.start });
  });

  it('refuses an empty text or control characters and changes nothing', async () => {
    const { ctx, recordId } = await setup();
    const s = span(ctx, recordId, 'original', 'Филиппов');
    expect(
      (await fail(ctx, 'transcription.editPassage', { passageId: s.passageId, text: '  ' }))
        .message,
    ).toMatch(/empty/);
    expect(
      (await fail(ctx, 'transcription.editPassage', { passageId: s.passageId, text: 'a\u0007b' }))
        .message,
    ).toMatch(/control/);
    expect(
      (await fail(ctx, 'transcription.editPassage', { passageId: 99999, text: 'x' })).code,
    ).toBe('not_found');
    expect(ctx.records.passage(s.passageId)!.text).toBe('Филиппов');
  });
});

describe('categories', () => {
  it('has a colour-blind-safe default palette with distinct mark lines', async () => {
    const { ctx } = await setup();
    const palette = await call(ctx, 'categories.list', {});
    expect(palette.map((c) => c.name)).toEqual([
      'Note',
      'Person',
      'Place',
      'Organisation',
      'Date',
      'Term',
      'Translation issue',
      'Question',
    ]);
    expect(new Set(palette.map((c) => c.color)).size).toBe(8);
    expect(palette.find((c) => c.id === 'translation-issue')).toMatchObject({
      color: '#D55E00',
      line: 'wavy',
    });
  });

  it('creates, edits, deletes (moving notes to Note) and restores a category', async () => {
    const { ctx, recordId } = await setup();
    const cat = await call(ctx, 'categories.create', {
      name: 'Military',
      color: '#117733',
      line: 'dashed',
    });
    expect(cat.id).toBe('military');
    expect(
      (await fail(ctx, 'categories.create', { name: 'person', color: '#000000' })).message,
    ).toMatch(/already/);
    expect((await fail(ctx, 'categories.create', { name: 'X', color: 'red' })).code).toBe(
      'invalid_input',
    );
    const a = await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'Риджуэю')],
      categoryId: 'military',
    });
    await call(ctx, 'categories.update', { id: 'military', name: 'Army', color: '#332288' });
    const removed = await call(ctx, 'categories.delete', { id: 'military' });
    expect(removed.annotationIds).toEqual([a.id]);
    expect(ctx.annotations.get(a.id)!.categoryId).toBe('note');
    await call(ctx, 'categories.restore', removed);
    expect(ctx.annotations.get(a.id)!.categoryId).toBe('military');
    expect((await call(ctx, 'categories.list', {})).at(-1)).toMatchObject({
      name: 'Army',
      color: '#332288',
    });
    expect((await fail(ctx, 'categories.delete', { id: 'note' })).message).toMatch(/default/);
  });
});

describe('record note, glossary and entities', () => {
  it('saves the record note with its plain text', async () => {
    const { ctx, recordId } = await setup();
    expect(await call(ctx, 'recordNotes.get', { recordId })).toMatchObject({
      body: { json: null },
      updatedAt: null,
    });
    const json = lexicalState(paragraph(text('Stalin defers to Mao.')));
    await call(ctx, 'recordNotes.save', { recordId, json });
    expect(await call(ctx, 'recordNotes.get', { recordId })).toMatchObject({
      body: { json, text: 'Stalin defers to Mao.' },
    });
    expect((await fail(ctx, 'recordNotes.save', { recordId, json: '{"x":1}' })).code).toBe(
      'invalid_input',
    );
  });

  it('finds a glossary term by stem in both languages and flags inconsistent renderings', async () => {
    const { ctx, recordId } = await setup();
    const entry = await call(ctx, 'glossary.create', {
      term: 'перемирие',
      renderings: ['armistice'],
      recordId,
    });
    expect(entry).toMatchObject({ termLang: 'ru', renderingLang: 'en' });
    const [view] = await call(ctx, 'glossary.list', { recordId });
    const forms = new Set(view!.occurrences.map((o) => o.text));
    expect(forms).toEqual(new Set(['перемирии', 'перемирия']));
    expect(view!.occurrences.length).toBeGreaterThanOrEqual(5);
    expect(
      view!.renderingOccurrences.every(
        (o) => o.side === 'translation' && /armistice/i.test(o.text),
      ),
    ).toBe(true);
    expect(await call(ctx, 'glossary.inconsistencies', {})).toEqual([]);

    // A second record renders the same term as "truce".
    const variant = (await import('../support/context')).SAMPLE_TEXT.replace(/110374$/, '110999')
      .replace('Ciphered Telegram No. 3917,', 'Ciphered Telegram No. 3999,')
      .replaceAll('an armistice', 'a truce');
    const other = await importSample(ctx, variant, 'variant.txt');
    await call(ctx, 'glossary.create', {
      term: 'перемирии',
      renderings: ['truce'],
      recordId: other,
    });
    const [issue] = await call(ctx, 'glossary.inconsistencies', {});
    expect(issue!.records.map((r) => [r.recordId, r.renderings.map((x) => x.rendering)])).toEqual(
      expect.arrayContaining([
        [recordId, ['armistice']],
        [other, ['truce']],
      ]),
    );
    expect((await fail(ctx, 'glossary.create', { term: '  ', renderings: [] })).code).toBe(
      'invalid_input',
    );
  });

  it('keeps Кайдзио and Gaeseong as one place with mentions in both languages', async () => {
    const { ctx, recordId } = await setup();
    const ru = await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'original', 'Кайдзио')],
      categoryId: 'place',
    });
    const en = await call(ctx, 'annotations.create', {
      recordId,
      targets: [span(ctx, recordId, 'translation', 'Gaeseong')],
      categoryId: 'place',
    });
    const place = await call(ctx, 'entities.create', {
      kind: 'place',
      names: ['Кайдзио', 'Gaeseong', 'Gaesong', 'Kaesong'],
      annotationIds: [ru.id],
    });
    await call(ctx, 'annotations.update', { id: en.id, entityId: place.id });
    const [view] = await call(ctx, 'entities.list', { recordId });
    expect(view!.names).toEqual(['Кайдзио', 'Gaeseong', 'Gaesong', 'Kaesong']);
    expect(view!.mentions.map((m) => [m.side, m.quote])).toEqual([
      ['original', 'Кайдзио'],
      ['translation', 'Gaeseong'],
    ]);
    // The other spellings in the text are found but not yet linked.
    expect(view!.occurrences.map((o) => o.text)).toEqual(
      expect.arrayContaining(['Кайдзио', 'Kaesong', 'Gaesong']),
    );
    expect(view!.occurrences.filter((o) => o.text === 'Gaeseong')).toHaveLength(0);

    const removed = await call(ctx, 'entities.delete', { id: place.id });
    expect(ctx.annotations.get(ru.id)!.entityId).toBeNull();
    await call(ctx, 'entities.restore', removed);
    expect(ctx.annotations.get(en.id)!.entityId).toBe(place.id);
    expect((await fail(ctx, 'entities.create', { kind: 'place', names: [' '] })).message).toMatch(
      /at least one name/,
    );
  });

  it('finds a person named in an inflected form', async () => {
    const { ctx, recordId } = await setup();
    await call(ctx, 'entities.create', { kind: 'person', names: ['Ким Ир Сен', 'KIM IL SUNG'] });
    const [kim] = await call(ctx, 'entities.list', {});
    const texts = kim!.occurrences.map((o) => o.text);
    expect(texts).toEqual(expect.arrayContaining(['Ким Ир Сеном', 'Ким Ир Сен', 'KIM IL SUNG']));
    expect(kim!.occurrences.every((o) => o.recordId === recordId)).toBe(true);
  });
});
