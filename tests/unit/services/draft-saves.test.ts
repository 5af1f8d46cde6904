// One save is one note: a draft saved twice under its id (a repeated Ctrl+Enter, a retried
// request) leaves exactly one note or reply, and the second save returns the first's result.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import {
  createAnnotation,
  deleteAnnotation,
} from '../../../src/main/services/annotations/annotations-service';
import { addReply } from '../../../src/main/services/annotations/replies';
import { duplicateRecord } from '../../../src/main/services/library/record-actions';
import { getRecordNote, saveRecordNote } from '../../../src/main/services/notebook/record-notes';
import { importSample, memoryContext, type TestContext } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

const comment = (words: string) => ({ json: lexicalState(paragraph(text(words))) });

function count(ctx: TestContext, table: string): number {
  return (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

async function setUp() {
  const ctx = memoryContext();
  const recordId = await importSample(ctx);
  const passage = ctx.records.get(recordId)!.original.passages[1]!;
  const at = passage.text.indexOf('о перемирии');
  const target = { passageId: passage.id, start: at, end: at + 'о перемирии'.length };
  return { ctx, recordId, target };
}

describe('saving a draft twice', () => {
  it('makes one note, and the second save returns it unchanged', async () => {
    const { ctx, recordId, target } = await setUp();
    const draftId = randomUUID();
    const first = createAnnotation(ctx, {
      draftId,
      recordId,
      targets: [target],
      comment: comment('Tass'),
    });
    // An older copy of the text, as a stale handler would send it.
    const second = createAnnotation(ctx, {
      draftId,
      recordId,
      targets: [target],
      comment: comment('Ta'),
      categoryId: 'person',
    });
    expect(second).toEqual(first);
    expect(second.comment.text).toBe('Tass');
    expect(count(ctx, 'annotations')).toBe(1);
    expect(count(ctx, 'annotation_targets')).toBe(1);
    // Another draft is another note.
    createAnnotation(ctx, { draftId: randomUUID(), recordId, targets: [target] });
    expect(count(ctx, 'annotations')).toBe(2);
  });

  it('makes one reply', async () => {
    const { ctx, recordId, target } = await setUp();
    const note = createAnnotation(ctx, { recordId, targets: [target] });
    const draftId = randomUUID();
    const first = addReply(ctx, { draftId, annotationId: note.id, body: comment('Checked') });
    const second = addReply(ctx, { draftId, annotationId: note.id, body: comment('Che') });
    expect(second).toEqual(first);
    expect(count(ctx, 'annotation_replies')).toBe(1);
  });

  it('is enforced by the database, not only by the check before writing', async () => {
    const { ctx, recordId, target } = await setUp();
    const draftId = randomUUID();
    const first = createAnnotation(ctx, { draftId, recordId, targets: [target] });
    // Two writers that both checked before either wrote: the second write finds the first.
    const copy = { ...first, id: randomUUID() };
    expect(ctx.annotations.insertKeyed(copy, draftId)).toEqual({ annotationId: first.id });
    expect(count(ctx, 'annotations')).toBe(1);
    expect(() =>
      ctx.db
        .prepare('INSERT INTO creation_keys (key, annotation_id) VALUES (?, ?)')
        .run(draftId, first.id),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('goes through the API the same way, and refuses a draft id that is not a UUID', async () => {
    const { ctx, recordId, target } = await setUp();
    const draftId = randomUUID();
    const input = { draftId, recordId, targets: [target], comment: comment('Tass') };
    const first = await dispatch(ctx, 'annotations.create', input);
    const second = await dispatch(ctx, 'annotations.create', input);
    expect(second).toEqual(first);
    expect(count(ctx, 'annotations')).toBe(1);
    const bad = await dispatch(ctx, 'annotations.create', { ...input, draftId: 'draft-1' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'draftId' }] },
    });
  });

  it('refuses a draft id already used for something else, writing nothing', async () => {
    const { ctx, recordId, target } = await setUp();
    const draftId = randomUUID();
    const note = createAnnotation(ctx, { draftId, recordId, targets: [target] });
    expect(() => addReply(ctx, { draftId, annotationId: note.id, body: comment('Reply') })).toThrow(
      /already saved as something else/,
    );
    const other = duplicateRecord(ctx, recordId).id;
    const copyTarget = { ...target, passageId: ctx.records.get(other)!.original.passages[1]!.id };
    expect(() =>
      createAnnotation(ctx, { draftId, recordId: other, targets: [copyTarget] }),
    ).toThrow(/already saved as something else/);
    expect(count(ctx, 'annotation_replies')).toBe(0);
    expect(count(ctx, 'annotations')).toBe(2); // the note and its copy in the duplicate
  });

  it('after the note is deleted, its key goes with it', async () => {
    const { ctx, recordId, target } = await setUp();
    const draftId = randomUUID();
    const note = createAnnotation(ctx, { draftId, recordId, targets: [target] });
    deleteAnnotation(ctx, note.id);
    expect(count(ctx, 'creation_keys')).toBe(0);
  });

  it('a duplicated record copies the notes but not their draft keys', async () => {
    const { ctx, recordId, target } = await setUp();
    const draftId = randomUUID();
    const note = createAnnotation(ctx, { draftId, recordId, targets: [target] });
    duplicateRecord(ctx, recordId);
    expect(count(ctx, 'annotations')).toBe(2);
    expect(createAnnotation(ctx, { draftId, recordId, targets: [target] })).toEqual(note);
    expect(count(ctx, 'annotations')).toBe(2);
  });

  it('a record note is one per record however often it is saved', async () => {
    const { ctx, recordId } = await setUp();
    saveRecordNote(ctx, recordId, comment('Stalin leaves the talks to Mao').json);
    saveRecordNote(ctx, recordId, comment('Stalin leaves the talks to Mao').json);
    expect(count(ctx, 'record_notes')).toBe(1);
    expect(getRecordNote(ctx, recordId).body.text).toBe('Stalin leaves the talks to Mao');
  });
});
