// Drafts kept in the library as they are typed: one per record and target, a late save never
// brings back an older text or a draft already saved as a note, and saving the note (under the
// draft's id) removes the draft in the same write.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import {
  createAnnotation,
  deleteAnnotation,
  updateAnnotation,
} from '../../../src/main/services/annotations/annotations-service';
import { discardDraft, listDrafts, saveDraft } from '../../../src/main/services/annotations/drafts';
import { addReply } from '../../../src/main/services/annotations/replies';
import { importSample, memoryContext, type TestContext } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

const words = (w: string) => lexicalState(paragraph(text(w)));

async function setUp() {
  const ctx = memoryContext();
  const recordId = await importSample(ctx);
  const passage = ctx.records.get(recordId)!.original.passages[1]!;
  const at = passage.text.indexOf('о перемирии');
  const span = { passageId: passage.id, start: at, end: at + 'о перемирии'.length };
  return { ctx, recordId, span };
}

function draft(
  recordId: string,
  span: { passageId: number; start: number; end: number },
  json: string | null,
  revision: number,
  id: string = randomUUID(),
) {
  return {
    id,
    recordId,
    kind: 'comment' as const,
    target: { kind: 'span' as const, ...span, quote: 'о перемирии' },
    json,
    categoryId: 'note',
    tags: [],
    noteType: null,
    revision,
  };
}

const texts = (ctx: TestContext, recordId: string) =>
  listDrafts(ctx, recordId).map(
    (d) => d.json && JSON.parse(d.json).root.children[0].children[0].text,
  );

describe('drafts', () => {
  it('keeps the latest words, and an older revision arriving late changes nothing', async () => {
    const { ctx, recordId, span } = await setUp();
    const id = randomUUID();
    saveDraft(ctx, draft(recordId, span, words('Tass'), 2, id));
    expect(saveDraft(ctx, draft(recordId, span, words('Ta'), 1, id))).toBeNull();
    expect(texts(ctx, recordId)).toEqual(['Tass']);
    saveDraft(ctx, draft(recordId, span, words('Tass agency'), 3, id));
    expect(texts(ctx, recordId)).toEqual(['Tass agency']);
  });

  it('is one per record and target: a new draft on the same words replaces the old one', async () => {
    const { ctx, recordId, span } = await setUp();
    saveDraft(ctx, draft(recordId, span, words('first'), 1));
    saveDraft(ctx, draft(recordId, span, words('second'), 1));
    expect(texts(ctx, recordId)).toEqual(['second']);
    saveDraft(ctx, draft(recordId, { ...span, start: 0 }, words('elsewhere'), 1));
    expect(listDrafts(ctx, recordId)).toHaveLength(2);
  });

  it('goes when its note is saved, in the same write, and a late save does not bring it back', async () => {
    const { ctx, recordId, span } = await setUp();
    const id = randomUUID();
    saveDraft(ctx, draft(recordId, span, words('Tass'), 1, id));
    createAnnotation(ctx, {
      draftId: id,
      recordId,
      targets: [span],
      comment: { json: words('Tass') },
    });
    expect(listDrafts(ctx, recordId)).toEqual([]);
    expect(saveDraft(ctx, draft(recordId, span, words('Tass'), 2, id))).toBeNull();
    expect(listDrafts(ctx, recordId)).toEqual([]);
  });

  it('for a reply and an edit too', async () => {
    const { ctx, recordId, span } = await setUp();
    const note = createAnnotation(ctx, { recordId, targets: [span] });
    const reply = { ...draft(recordId, span, words('Checked'), 1), kind: 'reply' as const };
    const target = { kind: 'note' as const, annotationId: note.id };
    saveDraft(ctx, { ...reply, target });
    const edit = { ...draft(recordId, span, words('Better'), 1), target };
    saveDraft(ctx, edit);
    expect(listDrafts(ctx, recordId)).toHaveLength(2);
    addReply(ctx, { draftId: reply.id, annotationId: note.id, body: { json: words('Checked') } });
    updateAnnotation(ctx, { id: note.id, draftId: edit.id, comment: { json: words('Better') } });
    expect(listDrafts(ctx, recordId)).toEqual([]);
  });

  it('drafts on a deleted note are dropped; discarding removes a draft', async () => {
    const { ctx, recordId, span } = await setUp();
    const note = createAnnotation(ctx, { recordId, targets: [span] });
    const onNote = {
      ...draft(recordId, span, words('x'), 1),
      target: { kind: 'note' as const, annotationId: note.id },
    };
    saveDraft(ctx, onNote);
    const onSpan = draft(recordId, span, words('y'), 1);
    saveDraft(ctx, onSpan);
    deleteAnnotation(ctx, note.id);
    expect(listDrafts(ctx, recordId).map((d) => d.id)).toEqual([onSpan.id]);
    expect(discardDraft(ctx, onSpan.id)).toEqual({ discarded: true });
    expect(discardDraft(ctx, onSpan.id)).toEqual({ discarded: false });
    expect(listDrafts(ctx, recordId)).toEqual([]);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const { ctx, recordId, span } = await setUp();
    const bad = await dispatch(ctx, 'drafts.save', {
      ...draft(recordId, span, '<img src=x onerror=alert(1)>', 1),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await dispatch(ctx, 'drafts.save', draft('nope', span, null, 1));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(listDrafts(ctx, recordId)).toEqual([]);
  });
});
