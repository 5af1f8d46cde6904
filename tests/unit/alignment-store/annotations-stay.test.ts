// Alignment corrections regroup passages and never touch their text, so every annotation stays
// on exactly the characters it marked: proven here through every kind of correction, at both
// levels, with re-alignment, undo and redo.
import { describe, expect, it } from 'vitest';
import type { AlignmentChange } from '@shared/alignment/view';
import type { Annotation, RecordDocument } from '@shared/model';
import { importSample, memoryContext } from '../support/context';
import { call } from './support';

function passageText(record: RecordDocument, passageId: number): string {
  const passage = [...record.original.passages, ...record.translation.passages].find(
    (p) => p.id === passageId,
  );
  if (!passage) throw new Error(`passage ${passageId} is gone`);
  return passage.text;
}

function expectAnchored(annotations: Annotation[], record: RecordDocument): void {
  for (const annotation of annotations) {
    for (const target of annotation.targets) {
      expect(target.orphaned).toBe(false);
      const text = passageText(record, target.passageId!);
      expect(text.slice(target.position.start, target.position.end)).toBe(target.quote.exact);
    }
  }
}

describe('annotations through alignment corrections', () => {
  it('stay attached to their text through every change', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const record = await call(ctx, 'records.get', { id: recordId });
    const span = (side: 'original' | 'translation', index: number, phrase: string) => {
      const passage = record[side].passages[index]!;
      const start = passage.text.indexOf(phrase);
      expect(start).toBeGreaterThanOrEqual(0);
      return { passageId: passage.id, start, end: start + phrase.length };
    };
    // A highlight in a paragraph, one across a sentence boundary, and a bilingual note.
    await call(ctx, 'annotations.create', {
      recordId,
      targets: [span('original', 2, 'хозяевами дела')],
    });
    await call(ctx, 'annotations.create', {
      recordId,
      targets: [span('original', 2, 'Пэн Дэхуаем. Если не будет')],
    });
    await call(ctx, 'annotations.create', {
      recordId,
      targets: [span('original', 1, 'о перемирии'), span('translation', 3, 'about an armistice')],
    });
    const before = await call(ctx, 'annotations.list', { recordId });
    expect(before).toHaveLength(3);
    expectAnchored(before, record);

    const changes: AlignmentChange[] = [];
    const steps: (() => Promise<AlignmentChange>)[] = [
      () =>
        call(ctx, 'alignment.merge', {
          recordId,
          level: 'sentence',
          row: { original: [3], translation: [5] },
        }),
      () =>
        call(ctx, 'alignment.unpair', {
          recordId,
          level: 'sentence',
          side: 'original',
          unit: 1,
        }),
      () => call(ctx, 'alignment.realign', { recordId, level: 'sentence' }),
      () => call(ctx, 'alignment.merge', { recordId, row: { original: [1], translation: [3] } }),
      () =>
        call(ctx, 'alignment.split', {
          recordId,
          row: { original: [1, 2], translation: [3, 4] },
          original: 1,
          translation: 1,
        }),
      () => call(ctx, 'alignment.move', { recordId, side: 'original', unit: 2, direction: 'up' }),
      () => call(ctx, 'alignment.unpair', { recordId, side: 'translation', unit: 3 }),
      () => call(ctx, 'alignment.realign', { recordId }),
    ];
    for (const step of steps) {
      changes.push(await step());
      const after = await call(ctx, 'annotations.list', { recordId });
      const now = await call(ctx, 'records.get', { id: recordId });
      // The same annotations, on the same passages and offsets, with the same quotes.
      expect(after.map((a) => a.targets)).toEqual(before.map((a) => a.targets));
      expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
      expect(now.original.passages).toEqual(record.original.passages);
      expect(now.translation.passages).toEqual(record.translation.passages);
      expectAnchored(after, now);
    }
    // Undo everything, newest first, then redo it all.
    for (const change of [...changes].reverse()) {
      await call(ctx, 'alignment.set', {
        recordId,
        level: change.level,
        groups: change.previous,
      });
    }
    expect((await call(ctx, 'records.get', { id: recordId })).alignment).toEqual(record.alignment);
    for (const change of changes) {
      await call(ctx, 'alignment.set', { recordId, level: change.level, groups: change.groups });
    }
    const final = await call(ctx, 'annotations.list', { recordId });
    expect(final.map((a) => a.targets)).toEqual(before.map((a) => a.targets));
    expectAnchored(final, await call(ctx, 'records.get', { id: recordId }));
  });
});
