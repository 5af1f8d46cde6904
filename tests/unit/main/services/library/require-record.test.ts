// A record in the trash is out of the library: every method that names it refuses it with the
// same sentence until it is restored, and the trash's own methods still take it.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../src/main/api/router';
import type { MethodInput, MethodName } from '../../../../../src/shared/api/contract';
import { importSample, memoryContext } from '../../../support/context';

type Ctx = ReturnType<typeof memoryContext>;

async function outcome<M extends MethodName>(ctx: Ctx, method: M, input: MethodInput<M>) {
  const result = await dispatch(ctx, method, input);
  return result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`;
}

describe('a record in the trash', () => {
  it('is refused by reading, annotating, aligning, searching and exporting until restored', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const passage = ctx.records.get(recordId)!.original.passages.find((p) => p.text.length > 20)!;
    const refused = `not_found: The record “${ctx.records.get(recordId)!.title}” is in the trash; restore it first.`;
    const calls = (): Promise<string>[] => [
      outcome(ctx, 'records.get', { id: recordId }),
      outcome(ctx, 'annotations.list', { recordId }),
      outcome(ctx, 'annotations.create', {
        recordId,
        targets: [{ passageId: passage.id, start: 0, end: 5 }],
      }),
      outcome(ctx, 'annotations.reanchor', { recordId }),
      outcome(ctx, 'alignment.get', { recordId, level: 'paragraph' }),
      outcome(ctx, 'search.inRecord', { recordId, query: 'Мао' }),
      outcome(ctx, 'recordNotes.get', { recordId }),
      outcome(ctx, 'import.history', { recordId }),
      outcome(ctx, 'library.renameRecord', { id: recordId, title: 'New title' }),
      outcome(ctx, 'library.duplicateRecord', { id: recordId }),
    ];

    expect(await outcome(ctx, 'library.trashRecords', { ids: [recordId] })).toBe('ok');
    const answers = await Promise.all(calls());
    expect(answers).toEqual(answers.map(() => refused));
    // Nothing was written while it was refused.
    expect(ctx.annotations.listByRecord(recordId)).toHaveLength(0);

    expect(await outcome(ctx, 'library.restoreRecords', { ids: [recordId] })).toBe('ok');
    const after = await Promise.all(calls());
    expect(after).toEqual(after.map(() => 'ok'));
  });

  it('is still no record at all when the id names none', async () => {
    const ctx = memoryContext();
    expect(await outcome(ctx, 'annotations.list', { recordId: 'nosuchid' })).toBe(
      'not_found: There is no record with id “nosuchid”.',
    );
  });
});
