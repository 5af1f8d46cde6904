// Re-anchoring on the real 1951 telegram after the edits a historian makes: corrected typos,
// inserted and deleted words, passages split and merged, the whole record imported again —
// including the cases where the only right answer is "orphaned".
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../src/main/services/annotations/annotations-service';
import { reanchorRecord } from '../../../src/main/services/annotations/reanchor';
import type { TestContext as AppContext } from '../support/context';
import { importSample, memoryContext } from '../support/context';
import {
  annotate,
  editPassage,
  passageTexts,
  placement,
  replacePassages,
  resegment,
} from './support';

async function setup(): Promise<{
  ctx: AppContext;
  recordId: string;
  ru: string[];
  en: string[];
}> {
  const ctx = memoryContext();
  const recordId = await importSample(ctx);
  return {
    ctx,
    recordId,
    ru: passageTexts(ctx, recordId, 'original'),
    en: passageTexts(ctx, recordId, 'translation'),
  };
}

function passageId(
  ctx: AppContext,
  recordId: string,
  side: 'original' | 'translation',
  index: number,
): number {
  return ctx.records.get(recordId)![side].passages[index]!.id;
}

/** Splits a paragraph into its sentences. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?»])\s+/);
}

describe('reanchorRecord', () => {
  it('leaves intact annotations alone', async () => {
    const { ctx, recordId } = await setup();
    annotate(ctx, recordId, 'original', 'хозяевами дела');
    annotate(ctx, recordId, 'translation', 'the bosses of the affair');
    const report = reanchorRecord(ctx, recordId);
    expect(report).toMatchObject({ targets: 2, unchanged: 2, reanchored: 0, orphaned: 0 });
    expect(report.orphanedAnnotationIds).toEqual([]);
  });

  it('follows a quote when words are inserted or deleted before it', async () => {
    const { ctx, recordId, ru } = await setup();
    const a = annotate(ctx, recordId, 'original', 'хозяевами дела');
    const b = annotate(ctx, recordId, 'original', 'Кайдзио', 0);
    const id = passageId(ctx, recordId, 'original', 2);
    const edited = ru[2]!
      .replace('По нашему мнению, надо', 'По нашему твёрдому мнению, надо')
      .replace(
        'Нужно решительно отказаться от датского госпитального судна в районе Гензана как места встречи. ',
        '',
      );
    editPassage(ctx, id, edited);

    const report = reanchorRecord(ctx, recordId);
    expect(report).toMatchObject({ reanchored: 2, orphaned: 0, byMethod: { exact: 2 } });
    expect(placement(ctx, a.id)).toMatchObject({
      marked: 'хозяевами дела',
      orphaned: false,
      passageIndex: 2,
    });
    expect(placement(ctx, b.id).marked).toBe('Кайдзио');
    const target = placement(ctx, a.id).target;
    expect(target.position.start).toBe(edited.indexOf('хозяевами дела'));
    // The context is described afresh from the corrected text.
    expect(edited.slice(0, target.position.start).endsWith(target.quote.prefix)).toBe(true);
  });

  it('follows a quote whose own typo was corrected (fuzzy) and stores the corrected words', async () => {
    const { ctx, recordId, ru } = await setup();
    const id = passageId(ctx, recordId, 'original', 2);
    editPassage(ctx, id, ru[2]!.replace('хозяевами дела перемирия', 'хозяеваим дела перимирия'));
    const a = annotate(ctx, recordId, 'original', 'хозяеваим дела перимирия');
    editPassage(ctx, id, ru[2]!);

    const report = reanchorRecord(ctx, recordId);
    expect(report).toMatchObject({ reanchored: 1, byMethod: { fuzzy: 1 }, orphaned: 0 });
    expect(placement(ctx, a.id)).toMatchObject({
      marked: 'хозяевами дела перемирия',
      exact: 'хозяевами дела перемирия',
      orphaned: false,
    });
  });

  it('picks the right one of repeated words by its context', async () => {
    const { ctx, recordId, ru } = await setup();
    // "тов." occurs twice in this passage: before Ким Ир Сен and before Пэн Дэхуай.
    const second = annotate(ctx, recordId, 'original', 'тов.', 1);
    expect(placement(ctx, second.id).target.quote.suffix.startsWith(' Пэн')).toBe(true);
    editPassage(
      ctx,
      passageId(ctx, recordId, 'original', 2),
      `Итак. ${ru[2]!.replace('тов. Ким Ир Сеном', 'товарищем Ким Ир Сеном')}`,
    );

    reanchorRecord(ctx, recordId);
    const now = placement(ctx, second.id);
    expect(now.orphaned).toBe(false);
    expect(now.target.quote.suffix.startsWith(' Пэн Дэхуаем')).toBe(true);
  });

  it('orphans a quote whose sentence was deleted, keeping its words, and spares its neighbours', async () => {
    const { ctx, recordId, ru } = await setup();
    const gone = annotate(ctx, recordId, 'original', 'датского госпитального судна');
    const kept = annotate(ctx, recordId, 'original', 'хозяевами дела');
    editPassage(
      ctx,
      passageId(ctx, recordId, 'original', 2),
      ru[2]!.replace(
        'Нужно решительно отказаться от датского госпитального судна в районе Гензана как места встречи. ',
        '',
      ),
    );
    const report = reanchorRecord(ctx, recordId);
    expect(report).toMatchObject({ orphaned: 1, newlyOrphaned: 1, reanchored: 1 });
    expect(report.orphanedAnnotationIds).toEqual([gone.id]);
    const orphan = ctx.annotations.get(gone.id)!.targets[0]!;
    expect(orphan.orphaned).toBe(true);
    expect(orphan.quote.exact).toBe('датского госпитального судна');
    // The passage still exists, so the orphan still says where it was.
    expect(orphan.passageId).toBe(passageId(ctx, recordId, 'original', 2));
    expect(placement(ctx, kept.id).marked).toBe('хозяевами дела');
  });

  it('orphans a rewritten name rather than guessing (Кайдзио → Кэсон)', async () => {
    const { ctx, recordId, ru } = await setup();
    const a = annotate(ctx, recordId, 'original', 'Кайдзио', 0);
    editPassage(
      ctx,
      passageId(ctx, recordId, 'original', 2),
      ru[2]!.replace('районе Кайдзио', 'районе Кэсона'),
    );
    const report = reanchorRecord(ctx, recordId);
    // The same name in another passage, in another sentence, is no evidence this one moved there.
    expect(report.orphanedAnnotationIds).toEqual([a.id]);
    expect(placement(ctx, a.id).orphaned).toBe(true);
  });

  it('orphans a short word whose passage is gone even though the word occurs elsewhere', async () => {
    const { ctx, recordId, ru } = await setup();
    const a = annotate(ctx, recordId, 'original', 'Вам', 1); // "Руководить придётся Вам"
    expect(placement(ctx, a.id).target.quote.prefix).toContain('Руководить придётся');
    resegment(
      ctx,
      recordId,
      'original',
      ru.filter((_, i) => i !== 10),
    );
    const report = reanchorRecord(ctx, recordId);
    expect(report.orphanedAnnotationIds).toEqual([a.id]);
  });

  it('finds quotes again after a passage is split into sentences (more passages)', async () => {
    const { ctx, recordId, ru } = await setup();
    const a = annotate(ctx, recordId, 'original', 'хозяевами дела перемирия');
    const b = annotate(ctx, recordId, 'original', 'Филиппов');
    const c = annotate(ctx, recordId, 'original', 'Это, конечно, немыслимо и не нужно.');
    const split = [
      ...ru.slice(0, 2),
      ...sentences(ru[2]!),
      ...ru.slice(3, 10),
      ...sentences(ru[10]!),
      ...ru.slice(11),
    ];
    expect(split.length).toBeGreaterThan(ru.length + 5);
    resegment(ctx, recordId, 'original', split);

    const report = reanchorRecord(ctx, recordId);
    expect(report.orphaned).toBe(0);
    for (const [annotation, words] of [
      [a, 'хозяевами дела перемирия'],
      [b, 'Филиппов'],
      [c, 'Это, конечно, немыслимо и не нужно.'],
    ] as const) {
      const now = placement(ctx, annotation.id);
      expect(now.marked).toBe(words);
      expect(split[now.passageIndex]).toContain(words);
    }
    // A sentence that is now a passage of its own has no prefix left.
    expect(placement(ctx, c.id).target.quote.prefix).toBe('');
  });

  it('finds quotes again after passages are merged (fewer passages)', async () => {
    const { ctx, recordId, ru } = await setup();
    const a = annotate(ctx, recordId, 'original', 'Ким Ир Сен', 1); // the signature line
    expect(placement(ctx, a.id).passageIndex).toBe(6);
    const b = annotate(ctx, recordId, 'original', 'Пэн Дэхуай.', 0);
    const merged = [...ru.slice(0, 5), ru.slice(5, 9).join(' '), ...ru.slice(9)];
    resegment(ctx, recordId, 'original', merged);
    const report = reanchorRecord(ctx, recordId);
    expect(report.orphaned).toBe(0);
    expect(placement(ctx, a.id)).toMatchObject({ marked: 'Ким Ир Сен', passageIndex: 5 });
    expect(placement(ctx, b.id)).toMatchObject({ marked: 'Пэн Дэхуай.', passageIndex: 5 });
  });

  it('re-attaches every target after the same record is imported again (passages replaced)', async () => {
    const { ctx, recordId, ru, en } = await setup();
    const ids = [
      annotate(ctx, recordId, 'original', 'о перемирии').id,
      annotate(ctx, recordId, 'original', 'хозяевами дела').id,
      annotate(ctx, recordId, 'translation', 'the bosses of the affair').id,
      annotate(ctx, recordId, 'translation', 'KIM IL SUNG', 1).id,
    ];
    replacePassages(ctx, recordId, 'original', ru);
    replacePassages(ctx, recordId, 'translation', en);
    expect(ids.every((id) => ctx.annotations.get(id)!.targets[0]!.passageId === null)).toBe(true);

    const report = reanchorRecord(ctx, recordId);
    expect(report).toMatchObject({
      targets: 4,
      reanchored: 4,
      orphaned: 0,
      byMethod: { position: 4 },
    });
    expect(placement(ctx, ids[3]!)).toMatchObject({ marked: 'KIM IL SUNG', passageIndex: 8 });
  });

  it('re-attaches after a cleaner copy is imported: header dropped, typos fixed, one sentence cut', async () => {
    const { ctx, recordId, ru } = await setup();
    const keep = annotate(ctx, recordId, 'original', 'о перемирии').id;
    const moved = annotate(ctx, recordId, 'original', 'тов. Мао Цзэдун').id;
    const cut = annotate(ctx, recordId, 'original', 'Это, конечно, немыслимо и не нужно.').id;
    const cleaner = ru
      .slice(1) // the "[…]" line is gone: every index shifts by one
      .map((t) =>
        t.replace('придётся', 'придется').replace(' Это, конечно, немыслимо и не нужно.', ''),
      );
    replacePassages(ctx, recordId, 'original', cleaner);

    const report = reanchorRecord(ctx, recordId);
    expect(placement(ctx, keep)).toMatchObject({ marked: 'о перемирии', passageIndex: 0 });
    expect(placement(ctx, moved)).toMatchObject({ marked: 'тов. Мао Цзэдун', passageIndex: 9 });
    expect(report.orphanedAnnotationIds).toEqual([cut]);
    expect(placement(ctx, cut)).toMatchObject({
      orphaned: true,
      exact: 'Это, конечно, немыслимо и не нужно.',
    });
    expect(ctx.annotations.get(cut)!.targets[0]!.passageId).toBeNull();
  });

  it('orphans everything when a different text replaces the record', async () => {
    const { ctx, recordId } = await setup();
    const a = annotate(ctx, recordId, 'original', 'о перемирии');
    const b = annotate(ctx, recordId, 'translation', 'armistice');
    replacePassages(ctx, recordId, 'original', ['Совершенно другой документ о поставках зерна.']);
    replacePassages(ctx, recordId, 'translation', [
      'An entirely different record about grain deliveries.',
    ]);
    const report = reanchorRecord(ctx, recordId);
    expect(report).toMatchObject({ orphaned: 2, newlyOrphaned: 2, reanchored: 0 });
    expect(report.orphanedAnnotationIds.sort()).toEqual([a.id, b.id].sort());
    // Running again changes nothing and counts them as orphans still, not new ones.
    expect(reanchorRecord(ctx, recordId)).toMatchObject({ orphaned: 2, newlyOrphaned: 0 });
  });

  it('brings an orphan back when its text returns (an undone edit)', async () => {
    const { ctx, recordId, ru } = await setup();
    const a = annotate(ctx, recordId, 'original', 'датского госпитального судна');
    const id = passageId(ctx, recordId, 'original', 2);
    editPassage(ctx, id, ru[2]!.replace('датского госпитального судна', 'судна'));
    expect(reanchorRecord(ctx, recordId).orphanedAnnotationIds).toEqual([a.id]);
    editPassage(ctx, id, ru[2]!);
    expect(reanchorRecord(ctx, recordId)).toMatchObject({
      orphaned: 0,
      reanchored: 1,
      byMethod: { position: 1 },
    });
    expect(placement(ctx, a.id)).toMatchObject({
      orphaned: false,
      marked: 'датского госпитального судна',
    });
  });

  it('moves only the edited side of a bilingual annotation', async () => {
    const { ctx, recordId, ru, en } = await setup();
    const ruPassage = ctx.records.get(recordId)!.original.passages[2]!;
    const enPassage = ctx.records.get(recordId)!.translation.passages[4]!;
    const ruAt = ru[2]!.indexOf('хозяевами дела');
    const enAt = en[4]!.indexOf('the bosses of the affair');
    const note = createAnnotation(ctx, {
      recordId,
      targets: [
        { passageId: ruPassage.id, start: ruAt, end: ruAt + 'хозяевами дела'.length },
        { passageId: enPassage.id, start: enAt, end: enAt + 'the bosses of the affair'.length },
      ],
    });
    editPassage(ctx, ruPassage.id, `Итак, ${ru[2]!}`);
    const report = reanchorRecord(ctx, recordId);
    expect(report).toMatchObject({ targets: 2, unchanged: 1, reanchored: 1 });
    const [ruTarget, enTarget] = ctx.annotations.get(note.id)!.targets;
    expect(ruTarget!.position.start).toBe(ruAt + 'Итак, '.length);
    expect(enTarget!.position.start).toBe(enAt);
  });

  it('refuses an unknown record', async () => {
    const { ctx } = await setup();
    expect(() => reanchorRecord(ctx, 'nope')).toThrow(/no record/);
  });
});
