import { describe, expect, it } from 'vitest';
import type { ExportJobStatus } from '../../../src/shared/api/contract';
import type { TestContext as AppContext } from '../support/context';
import { importSample } from '../support/context';
import { annotatedLibrary, call } from './support';

async function finished(ctx: AppContext, id: string): Promise<ExportJobStatus> {
  for (;;) {
    const status = await call(ctx, 'export.status', { jobId: id });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('export jobs', () => {
  it('report progress record by record and hand over the file', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const sample = ctx.records.get(recordId)!;
    const others = [];
    for (const n of [1, 2, 3]) {
      others.push(
        await importSample(
          ctx,
          `June 30, 1951\n\nCopy ${n}\n\nТекст ${n}.\n\nText ${n}.\n\nRecord ID\n\n9${n}`,
          `${n}.txt`,
        ),
      );
    }
    const started = await call(ctx, 'export.start', {
      recordIds: [recordId, ...others],
      format: 'md',
    });
    expect(started.state).toBe('running');
    const seen = new Set<number>();
    let status = started;
    while (status.state === 'running') {
      seen.add(status.done);
      await new Promise((resolve) => setImmediate(resolve));
      status = await call(ctx, 'export.status', { jobId: started.id });
    }
    expect(status).toMatchObject({ state: 'done', done: 5, total: 5, error: null });
    expect(seen.size).toBeGreaterThan(1);
    expect(status.file!.fileName).toBe('Marginalia - 4 records - notes.md');
    expect(status.file!.content).toContain(sample.title.slice(0, 26));
  });

  it('can be cancelled, and then hand over nothing', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const started = await call(ctx, 'export.start', {
      recordIds: [recordId, recordId + 'x'],
      format: 'tei',
    });
    expect(await call(ctx, 'export.cancel', { jobId: started.id })).toEqual({ cancelled: true });
    const status = await finished(ctx, started.id);
    expect(status).toMatchObject({ state: 'cancelled', file: null, error: null });
    expect(await call(ctx, 'export.cancel', { jobId: started.id })).toEqual({ cancelled: false });
  });

  it('fail with the reason when a record is missing', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const started = await call(ctx, 'export.start', {
      recordIds: [recordId, 'nosuchid'],
      format: 'csv',
    });
    const status = await finished(ctx, started.id);
    expect(status).toMatchObject({
      state: 'failed',
      file: null,
      error: { code: 'not_found', message: 'There is no record with id “nosuchid”.' },
    });
  });

  it('refuse bad requests before starting', async () => {
    const { ctx } = await annotatedLibrary();
    await expect(call(ctx, 'export.start', { recordIds: [], format: 'md' })).rejects.toThrow(
      /choose at least one record/,
    );
    await expect(
      call(ctx, 'export.start', { recordIds: ['x'], format: 'rtf' as never }),
    ).rejects.toThrow(/format must be one of md, csv/);
    await expect(call(ctx, 'export.status', { jobId: 'nope' })).rejects.toThrow(
      /is not an export job id/,
    );
    await expect(
      call(ctx, 'export.status', { jobId: '11111111-2222-4333-8444-555555555555' }),
    ).rejects.toThrow(/no longer known/);
  });

  it('remember the handout builder’s settings, and fall back to defaults', async () => {
    const { ctx } = await annotatedLibrary();
    expect(await call(ctx, 'export.handoutSettings', {})).toMatchObject({
      languages: 'both',
      glossary: true,
      format: 'docx',
    });
    const settings = {
      title: 'Семинар',
      instructions: 'Read.',
      languages: 'original' as const,
      categories: ['note'],
      glossary: false,
      questions: true,
      extraQuestions: '',
      format: 'pdf' as const,
    };
    await call(ctx, 'export.saveHandoutSettings', { settings });
    expect(await call(ctx, 'export.handoutSettings', {})).toEqual(settings);
    ctx.db.prepare("UPDATE settings SET value = '{broken' WHERE key = 'export.handout'").run();
    expect(await call(ctx, 'export.handoutSettings', {})).toMatchObject({ languages: 'both' });
  });
});
