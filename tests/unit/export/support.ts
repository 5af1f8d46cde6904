// A library holding the sample telegram with the notes a historian would make: a bilingual
// translation note with tags and a follow-up, rich comments, people and places named in both
// languages, a glossary term, a question for students and a bare highlight.
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api/contract';
import { ApiError } from '../../../src/shared/api/errors';
import type { Side } from '../../../src/shared/model';
import { dispatch } from '../../../src/main/api/router';
import type { TestContext as AppContext } from '../support/context';
import { loadExportBundle, type ExportBundle } from '../../../src/main/services/export/bundle';
import { importSample, memoryContext } from '../support/context';
import { lexicalState, link, list, paragraph, text } from '../support/lexical';

export async function call<M extends MethodName>(
  ctx: AppContext,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw ApiError.from(result.error);
  return result.value as MethodOutput<M>;
}

/** The span of `phrase` in the first passage holding it (and `within`, when given). */
export function span(
  ctx: AppContext,
  recordId: string,
  side: Side,
  phrase: string,
  within = phrase,
) {
  const record = ctx.records.get(recordId)!;
  const passage = record[side].passages.find((p) => p.text.includes(within));
  if (!passage) throw new Error(`“${within}” is not in the ${side}`);
  const start = passage.text.indexOf(phrase, passage.text.indexOf(within));
  return { passageId: passage.id, start, end: start + phrase.length };
}

export async function annotate(ctx: AppContext, recordId: string): Promise<void> {
  const s = (side: Side, phrase: string, within?: string) =>
    span(ctx, recordId, side, phrase, within);
  await call(ctx, 'annotations.create', {
    recordId,
    targets: [s('original', 'хозяевами дела'), s('translation', 'the bosses of the affair')],
    categoryId: 'translation-issue',
    noteType: 'rendering-choice',
    tags: ['armistice talks', 'word choice'],
    comment: {
      json: lexicalState(
        paragraph(text('More like '), text('masters of the situation', 2), text('.')),
      ),
    },
  });
  const armistice = await call(ctx, 'annotations.create', {
    recordId,
    targets: [s('original', 'о перемирии')],
    comment: {
      json: lexicalState(
        paragraph(text('Stalin answers '), text('at once', 1), text('.')),
        list(
          'bullet',
          [text('compare “armistice”')],
          [link('https://digitalarchive.wilsoncenter.org/', text('the archive'))],
        ),
      ),
    },
  });
  await call(ctx, 'annotations.addReply', {
    annotationId: armistice.id,
    body: { json: lexicalState(paragraph(text('Mao had asked twice.'))) },
  });
  await call(ctx, 'annotations.create', {
    recordId,
    targets: [s('original', 'Ким Ир Сеном'), s('translation', 'KIM IL SUNG')],
    categoryId: 'person',
  });
  await call(ctx, 'annotations.create', {
    recordId,
    targets: [s('original', 'Кайдзио'), s('translation', 'Gaeseong')],
    categoryId: 'place',
  });
  await call(ctx, 'annotations.create', {
    recordId,
    targets: [s('original', 'перемирия'), s('translation', 'armistice', 'affair of an armistice')],
    categoryId: 'term',
    comment: { json: lexicalState(paragraph(text('Truce, armistice; not “peace”.'))) },
  });
  await call(ctx, 'annotations.create', {
    recordId,
    targets: [s('translation', "It's up to you to lead, Comrade MAO ZEDONG.")],
    categoryId: 'question',
    comment: { json: lexicalState(paragraph(text('Why does Stalin leave the talks to Mao?'))) },
  });
  await call(ctx, 'annotations.create', {
    recordId,
    targets: [s('translation', 'No. 335/III')],
    categoryId: 'date',
  });
}

/** An in-memory library whose ids are predictable, so exports can be compared with golden files. */
export function deterministicContext(): AppContext {
  const ctx = memoryContext();
  let annotations = 0;
  let records = 0;
  return {
    ...ctx,
    newAnnotationId: () => `00000000-0000-4000-8000-${String(++annotations).padStart(12, '0')}`,
    newRecordId: () => `rec${String(++records).padStart(5, '0')}`,
  };
}

/** A fresh in-memory library with the annotated sample; returns the context and record id. */
export async function annotatedLibrary(): Promise<{ ctx: AppContext; recordId: string }> {
  const ctx = deterministicContext();
  const recordId = await importSample(ctx);
  await annotate(ctx, recordId);
  return { ctx, recordId };
}

export const EXPORTED_AT = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));

export async function annotatedBundle(): Promise<{ ctx: AppContext; bundle: ExportBundle }> {
  const { ctx, recordId } = await annotatedLibrary();
  const bundle = loadExportBundle(ctx, recordId, { exportedAt: EXPORTED_AT, sentences: true });
  // Replies get random ids from the annotation service; golden files need fixed ones.
  let reply = 0;
  for (const annotation of bundle.annotations) {
    for (const r of annotation.replies)
      r.id = `00000000-0000-4000-9000-${String(++reply).padStart(12, '0')}`;
  }
  return { ctx, bundle };
}
