import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation,
} from '../../../src/main/services/annotations/annotations-service';
import type { TestContext as AppContext } from '../support/context';
import { importSample, memoryContext, SAMPLE_TEXT } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

const SAMPLE_WITH_OTHER_ID = SAMPLE_TEXT.replace(/110374$/, '110375').replace(
  'Ваши телеграммы',
  'Ваши телеграммы,',
);

function passage(
  ctx: AppContext,
  recordId: string,
  side: 'original' | 'translation',
  contains: string,
) {
  const record = ctx.records.get(recordId)!;
  const found = record[side].passages.find((p) => p.text.includes(contains));
  if (!found) throw new Error(`no passage with ${contains}`);
  return {
    ...found,
    start: found.text.indexOf(contains),
    end: found.text.indexOf(contains) + contains.length,
  };
}

describe('annotations', () => {
  it('stores a highlight with W3C quote and position selectors computed from the stored text', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const p = passage(ctx, recordId, 'original', 'о перемирии');
    const created = createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: p.id, start: p.start, end: p.end }],
    });
    expect(created.categoryId).toBe('note');
    expect(created.comment).toEqual({ json: null, text: '' });
    expect(created.targets[0]).toEqual({
      passageId: p.id,
      side: 'original',
      passageIndex: 1,
      quote: {
        type: 'TextQuoteSelector',
        exact: 'о перемирии',
        prefix: 'Ваши телеграммы ',
        suffix: ' получены.',
      },
      position: { type: 'TextPositionSelector', start: 16, end: 27 },
      orphaned: false,
    });
    expect(listAnnotations(ctx, recordId)).toEqual([created]);
  });

  it('keeps 32 characters of context on each side', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const p = passage(ctx, recordId, 'original', 'хозяевами дела');
    const created = createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: p.id, start: p.start, end: p.end }],
    });
    expect(created.targets[0]!.quote.prefix).toHaveLength(32);
    expect(created.targets[0]!.quote.suffix).toHaveLength(32);
    expect(p.text).toContain(
      created.targets[0]!.quote.prefix + 'хозяевами дела' + created.targets[0]!.quote.suffix,
    );
  });

  it('derives the plain text of a rich comment and lists annotations in reading order', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const en = passage(ctx, recordId, 'translation', 'the bosses of the affair');
    const ru = passage(ctx, recordId, 'original', 'о перемирии');
    const later = passage(ctx, recordId, 'original', 'Филиппов');
    const a = createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: later.id, start: 0, end: 8 }],
    });
    const b = createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: en.id, start: en.start, end: en.end }],
      comment: {
        json: lexicalState(paragraph(text('More like '), text('masters of the situation', 2))),
      },
    });
    const c = createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: ru.id, start: ru.start, end: ru.end }],
    });
    expect(b.comment.text).toBe('More like masters of the situation');
    expect(listAnnotations(ctx, recordId).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
  });

  it('edits, deletes and restores an annotation exactly', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const p = passage(ctx, recordId, 'original', 'Кайдзио');
    const created = createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: p.id, start: p.start, end: p.end }],
    });
    const edited = updateAnnotation(ctx, {
      id: created.id,
      categoryId: 'place',
      comment: { json: lexicalState(paragraph(text('Kaesong'))) },
    });
    expect(edited).toMatchObject({ categoryId: 'place', comment: { text: 'Kaesong' } });
    expect(edited.updatedAt).toBeGreaterThan(created.updatedAt);
    const deleted = deleteAnnotation(ctx, created.id);
    expect(listAnnotations(ctx, recordId)).toEqual([]);
    const restored = restoreAnnotation(ctx, { annotation: deleted });
    expect(restored).toEqual(edited);
    expect(listAnnotations(ctx, recordId)).toEqual([edited]);
  });

  it('rejects spans outside the passage, blank spans, foreign passages and unknown categories', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const other = await importSample(ctx, SAMPLE_WITH_OTHER_ID, 'other.txt');
    const p = passage(ctx, recordId, 'original', 'о перемирии');
    const foreign = passage(ctx, other, 'original', 'о перемирии');
    const attempt = (input: object) => () => createAnnotation(ctx, { recordId, ...input } as never);
    expect(attempt({ targets: [{ passageId: p.id, start: 0, end: 9999 }] })).toThrow(
      /ends after the passage/,
    );
    expect(attempt({ targets: [{ passageId: p.id, start: 4, end: 5 }] })).toThrow(
      /not just blank space/,
    );
    expect(attempt({ targets: [{ passageId: foreign.id, start: 0, end: 4 }] })).toThrow(
      /not part of this record/,
    );
    expect(
      attempt({ targets: [{ passageId: p.id, start: 0, end: 4 }], categoryId: 'nope' }),
    ).toThrow(ApiError);
    expect(() => listAnnotations(ctx, 'missing')).toThrow(/no record/);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM annotations').get()).toEqual({ n: 0 });
  });

  it('restores a target as orphaned when its text changed in the meantime', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const p = passage(ctx, recordId, 'original', 'о перемирии');
    const created = createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: p.id, start: p.start, end: p.end }],
    });
    const snapshot = deleteAnnotation(ctx, created.id);
    ctx.db.prepare('UPDATE passages SET text = ? WHERE id = ?').run('Совсем другой текст.', p.id);
    expect(restoreAnnotation(ctx, { annotation: snapshot }).targets[0]!.orphaned).toBe(true);
  });
});
