import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import { importSample, memoryContext } from '../support/context';

describe('the API router', () => {
  it('refuses an unknown method', async () => {
    const result = await dispatch(memoryContext(), 'records.drop', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no API method “records.drop”.' },
    });
    expect((await dispatch(memoryContext(), 42, {})).ok).toBe(false);
    expect((await dispatch(memoryContext(), '__proto__', {})).ok).toBe(false);
  });

  it('validates inputs and says which field is wrong', async () => {
    const ctx = memoryContext();
    const result = await dispatch(ctx, 'annotations.create', {
      recordId: '',
      targets: [{ passageId: -1, start: 5, end: 2 }],
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    const paths = result.error.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['recordId', 'targets.0.passageId', '(input)']));
    expect(result.error.message).toMatch(/^Invalid arguments for annotations\.create: /);
  });

  it('refuses a comment that is not a Lexical editor state', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    const passageId = ctx.records.get(recordId)!.original.passages[1]!.id;
    const result = await dispatch(ctx, 'annotations.create', {
      recordId,
      targets: [{ passageId, start: 0, end: 4 }],
      comment: { json: '<img src=x onerror=alert(1)>' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('returns values, and not_found for a missing record', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx);
    expect(await dispatch(ctx, 'records.list', {})).toMatchObject({ ok: true, value: [{ id }] });
    expect(await dispatch(ctx, 'records.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('turns an unexpected failure into an internal error without leaking details', async () => {
    const ctx = memoryContext();
    ctx.db.close();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await dispatch(ctx, 'records.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('says native dialogs are desktop-only in the headless doors', async () => {
    const result = await dispatch(memoryContext(), 'import.pick', { kind: 'files' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringMatching(/desktop app/) },
    });
  });
});
