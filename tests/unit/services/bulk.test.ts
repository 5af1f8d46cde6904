// Acting on many notes at once: delete, re-categorise and tag, each all or none, and each taken
// back exactly by its undo (restoreMany, putMany).
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import {
  createAnnotation,
  listAnnotations,
} from '../../../src/main/services/annotations/annotations-service';
import {
  deleteAnnotations,
  putAnnotations,
  restoreAnnotations,
  updateAnnotations,
} from '../../../src/main/services/annotations/bulk';
import { addReply } from '../../../src/main/services/annotations/replies';
import { importSample, memoryContext } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

async function setUp() {
  const ctx = memoryContext();
  const recordId = await importSample(ctx);
  const passage = ctx.records.get(recordId)!.original.passages[1]!;
  const notes = ['Ваши', 'телеграммы', 'о перемирии'].map((word, i) => {
    const start = passage.text.indexOf(word);
    return createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: passage.id, start, end: start + word.length }],
      tags: i === 0 ? ['ceasefire'] : [],
      comment: { json: lexicalState(paragraph(text(`note ${i}`))) },
    });
  });
  addReply(ctx, {
    annotationId: notes[0]!.id,
    body: { json: lexicalState(paragraph(text('a reply'))) },
  });
  return { ctx, recordId, notes };
}

describe('notes acted on together', () => {
  it('are deleted together and come back exactly, replies and tags included', async () => {
    const { ctx, recordId, notes } = await setUp();
    const before = listAnnotations(ctx, recordId);
    const deleted = deleteAnnotations(ctx, { ids: [notes[0]!.id, notes[2]!.id] });
    expect(deleted.map((a) => a.id)).toEqual([notes[0]!.id, notes[2]!.id]);
    expect(listAnnotations(ctx, recordId).map((a) => a.id)).toEqual([notes[1]!.id]);
    restoreAnnotations(ctx, { annotations: deleted });
    expect(listAnnotations(ctx, recordId)).toEqual(before);
  });

  it('all or none: one unknown note and nothing is deleted', async () => {
    const { ctx, recordId, notes } = await setUp();
    const result = await dispatch(ctx, 'annotations.deleteMany', {
      ids: [notes[0]!.id, 'no-such-note'],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(listAnnotations(ctx, recordId)).toHaveLength(3);
  });

  it('are re-categorised and tagged together, and put back exactly', async () => {
    const { ctx, recordId, notes } = await setUp();
    const before = listAnnotations(ctx, recordId);
    const ids = notes.map((n) => n.id);
    const change = updateAnnotations(ctx, {
      ids,
      categoryId: 'question',
      addTags: ['Ceasefire', 'seminar'],
    });
    expect(change.before).toEqual(before.filter((a) => ids.includes(a.id)));
    const after = listAnnotations(ctx, recordId);
    expect(after.map((a) => a.categoryId)).toEqual(['question', 'question', 'question']);
    // An existing tag is not doubled (ignoring case); the new one is added to every note.
    expect(after.map((a) => a.tags)).toEqual([
      ['ceasefire', 'seminar'],
      ['Ceasefire', 'seminar'],
      ['Ceasefire', 'seminar'],
    ]);
    putAnnotations(ctx, { annotations: change.before });
    expect(listAnnotations(ctx, recordId).map(({ updatedAt: _u, ...a }) => a)).toEqual(
      before.map(({ updatedAt: _u, ...a }) => a),
    );
  });

  it('refuses an unknown category or an empty change, changing nothing', async () => {
    const { ctx, recordId, notes } = await setUp();
    const before = listAnnotations(ctx, recordId);
    const ids = notes.map((n) => n.id);
    const unknown = await dispatch(ctx, 'annotations.updateMany', { ids, categoryId: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const empty = await dispatch(ctx, 'annotations.updateMany', { ids });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(listAnnotations(ctx, recordId)).toEqual(before);
  });
});
