// Importing one item at a time through the API: records and pairs, duplicates skipped, replaced
// (keeping the id and the annotations) or kept, and never a half record.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import type { TestContext as AppContext } from '../support/context';
import type { Host } from '../../../src/main/services/host';
import { headlessHost } from '../../../src/main/services/host';
import type { ImportOutcome, PickedFiles } from '../../../src/shared/api/contract';
import { memoryContext, SAMPLE_TEXT, tempDir } from '../support/context';
import { fixtureBytes } from '../import/fixtures';

const b64 = (content: string | Buffer): string => Buffer.from(content).toString('base64');

async function call<T>(ctx: AppContext, method: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

function importText(ctx: AppContext, text: string, duplicates = 'skip', name = 'page.txt') {
  return call<ImportOutcome>(ctx, 'import.item', {
    item: { kind: 'record', file: { name, base64: b64(text) } },
    duplicates,
  });
}

function counts(ctx: AppContext): Record<string, number> {
  return ctx.db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM records) records, (SELECT COUNT(*) FROM passages) passages,
         (SELECT COUNT(*) FROM alignment_groups) groups, (SELECT COUNT(*) FROM record_imports) imports`,
    )
    .get() as Record<string, number>;
}

/** The sample with its first Russian paragraph corrected, as a re-issued transcription would be. */
const CORRECTED = SAMPLE_TEXT.replace(
  'Ваши телеграммы о перемирии получены.',
  'Ваши телеграммы о перемирии нами получены.',
).replace('Telegram from Stalin to Mao advising', 'Telegram from Stalin to Mao Zedong advising');

describe('import.item', () => {
  it('imports a record file and tells where it came from', async () => {
    const ctx = memoryContext();
    const outcome = await importText(ctx, SAMPLE_TEXT, 'skip', 'telegram.txt');
    expect(outcome).toMatchObject({ status: 'imported', file: 'telegram.txt', duplicateOf: null });
    if (outcome.status !== 'imported') return;
    expect(outcome.record.recordId).toBe('110374');
    expect(await call(ctx, 'import.history', { recordId: outcome.record.id })).toEqual([
      {
        format: 'archive-text',
        files: ['telegram.txt'],
        action: 'imported',
        importedAt: expect.any(Number),
      },
    ]);
  });

  it('imports a saved page and a pair named x.ru.txt + x.en.txt', async () => {
    const ctx = memoryContext();
    const html = await call<ImportOutcome>(ctx, 'import.item', {
      item: {
        kind: 'record',
        file: { name: 'page.html', base64: b64(fixtureBytes('html/wilson-center-110374.html')) },
      },
    });
    expect(html).toMatchObject({ status: 'imported', record: { recordId: '110374' } });
    const pair = await call<ImportOutcome>(ctx, 'import.item', {
      item: {
        kind: 'pair',
        original: { name: 'p.ru.txt', base64: b64(fixtureBytes('pairs/politburo-1954.ru.txt')) },
        translation: { name: 'p.en.txt', base64: b64(fixtureBytes('pairs/politburo-1954.en.txt')) },
        originalLang: 'RU',
      },
    });
    expect(pair).toMatchObject({ status: 'imported', file: 'p.ru.txt + p.en.txt' });
    if (pair.status !== 'imported') return;
    expect(pair.record.original.lang).toBe('ru');
    expect(pair.record.original.passages).toHaveLength(7);
    // Aligned: the numbered points of both sides share rows.
    const row = pair.record.alignment.find((g) => g.original.includes(2));
    expect(row?.translation).toEqual([2]);
    expect(
      (await call<unknown[]>(ctx, 'import.history', { recordId: pair.record.id }))[0],
    ).toMatchObject({
      format: 'pair',
      files: ['p.ru.txt', 'p.en.txt'],
    });
  });

  it('skips a duplicate by record ID or by identical text, and keeps both when asked', async () => {
    const ctx = memoryContext();
    const first = await importText(ctx, SAMPLE_TEXT);
    if (first.status !== 'imported') throw new Error('not imported');
    // Same record ID, other text.
    expect(await importText(ctx, CORRECTED)).toMatchObject({
      status: 'skipped',
      existingId: first.record.id,
      reason: expect.stringMatching(/^Already in the library as “Ciphered Telegram No\. 3917/),
    });
    // Same text, no record ID.
    const noId = SAMPLE_TEXT.replace(/Record ID\s+110374\s*$/, '');
    expect(await importText(ctx, noId)).toMatchObject({
      status: 'skipped',
      existingId: first.record.id,
    });
    const kept = await importText(ctx, SAMPLE_TEXT, 'keep-both');
    expect(kept).toMatchObject({ status: 'imported', duplicateOf: first.record.id });
    expect(counts(ctx).records).toBe(2);
  });

  it('replaces a record in place: same id, new text, annotations re-attached or kept as orphans', async () => {
    const ctx = memoryContext();
    const first = await importText(ctx, SAMPLE_TEXT);
    if (first.status !== 'imported') throw new Error('not imported');
    const id = first.record.id;
    const passage = (side: 'original' | 'translation', text: string) =>
      ctx.records.get(id)![side].passages.find((p) => p.text.includes(text))!;
    const note = async (side: 'original' | 'translation', text: string, phrase: string) => {
      const p = passage(side, text);
      const start = p.text.indexOf(phrase);
      return call<{ id: string }>(ctx, 'annotations.create', {
        recordId: id,
        targets: [{ passageId: p.id, start, end: start + phrase.length }],
      });
    };
    const kept = await note('original', 'Ваши телеграммы', 'о перемирии');
    const moved = await note('translation', 'bosses of the affair', 'the bosses of the affair');
    // A span whose words the new text no longer has.
    const lost = await note('translation', 'Send to Ridgway today', 'roughly like this');
    const without = CORRECTED.replace(
      'Send to Ridgway today an answer roughly like this:',
      'Send to Ridgway today an answer of this kind:',
    );

    const outcome = await importText(ctx, without, 'replace');
    expect(outcome).toMatchObject({
      status: 'replaced',
      annotations: { reanchored: 2, orphaned: 1 },
    });
    if (outcome.status !== 'replaced') return;
    expect(outcome.record.id).toBe(id);
    expect(outcome.record.original.passages[1]!.text).toBe(
      'Ваши телеграммы о перемирии нами получены.',
    );
    expect(outcome.record.summary).toMatch(/Mao Zedong advising/);
    expect(counts(ctx)).toMatchObject({ records: 1, passages: 30 });

    const annotations = await call<
      {
        id: string;
        targets: { passageId: number | null; quote: { exact: string }; orphaned: boolean }[];
      }[]
    >(ctx, 'annotations.list', { recordId: id });
    const byId = new Map(annotations.map((a) => [a.id, a.targets[0]!]));
    expect(byId.get(kept.id)).toMatchObject({ orphaned: false, quote: { exact: 'о перемирии' } });
    expect(byId.get(kept.id)!.passageId).toBe(passage('original', 'Ваши телеграммы').id);
    expect(byId.get(moved.id)).toMatchObject({
      orphaned: false,
      quote: { exact: 'the bosses of the affair' },
    });
    expect(byId.get(lost.id)).toMatchObject({
      orphaned: true,
      quote: { exact: 'roughly like this' },
    });
    expect(
      (await call<{ action: string }[]>(ctx, 'import.history', { recordId: id })).map(
        (e) => e.action,
      ),
    ).toEqual(['imported', 'replaced']);
  });

  it('leaves the old record whole when a replace fails midway', async () => {
    const ctx = memoryContext();
    const first = await importText(ctx, SAMPLE_TEXT);
    if (first.status !== 'imported') throw new Error('not imported');
    const before = ctx.records.get(first.record.id);
    ctx.db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON alignment_members
      WHEN (SELECT COUNT(*) FROM alignment_members) >= 5 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await importText(ctx, CORRECTED, 'replace', 'fixed.txt');
    quiet.mockRestore();
    expect(outcome).toEqual({
      status: 'failed',
      file: 'fixed.txt',
      reason: expect.stringMatching(/nothing was saved/),
    });
    expect(ctx.records.get(first.record.id)).toEqual(before);
    expect(counts(ctx)).toMatchObject({ records: 1, passages: 30, imports: 1 });
  });

  it('fails a bad file with its reason and writes nothing', async () => {
    const ctx = memoryContext();
    const outcomes = [
      await importText(ctx, '', 'skip', 'empty.txt'),
      await call<ImportOutcome>(ctx, 'import.item', {
        item: { kind: 'record', file: { name: 'x.odt', base64: b64('PK\u0003\u0004') } },
      }),
      await call<ImportOutcome>(ctx, 'import.item', {
        item: {
          kind: 'pair',
          original: { name: 'a.ru.txt', base64: b64('Текст.') },
          translation: { name: 'a.en.docx', base64: b64('not a zip') },
        },
      }),
    ];
    expect(outcomes).toEqual([
      { status: 'failed', file: 'empty.txt', reason: 'The file is empty.' },
      {
        status: 'failed',
        file: 'x.odt',
        reason: expect.stringMatching(/cannot read “\.odt” files/),
      },
      {
        status: 'failed',
        file: 'a.ru.txt + a.en.docx',
        reason: expect.stringMatching(/^The translation \(a\.en\.docx\): This is not a Word/),
      },
    ]);
    expect(counts(ctx)).toEqual({ records: 0, passages: 0, groups: 0, imports: 0 });
  });

  it('validates the input: policy, language tags and tokens', async () => {
    const ctx = memoryContext();
    const bad = await dispatch(ctx, 'import.item', {
      item: {
        kind: 'pair',
        original: { name: 'a.txt', base64: 'x' },
        translation: { token: '../../etc/passwd' },
        originalLang: 'Russian!',
      },
      duplicates: 'overwrite',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (bad.ok) return;
    expect(bad.error.issues!.map((i) => i.path)).toEqual(
      expect.arrayContaining(['duplicates', 'item.translation.token', 'item.originalLang']),
    );
  });
});

describe('files and folders from the native dialog', () => {
  it('grants tokens only for what the dialog returned, folders searched recursively', async () => {
    const dir = tempDir('dialog');
    fs.mkdirSync(path.join(dir, 'batch', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'batch', '.hidden'));
    fs.mkdirSync(path.join(dir, 'batch', 'page_files'));
    fs.writeFileSync(path.join(dir, 'batch', 'sub', 'telegram.txt'), SAMPLE_TEXT);
    fs.writeFileSync(
      path.join(dir, 'batch', 'page.html'),
      fixtureBytes('html/wilson-center-110374.html'),
    );
    fs.writeFileSync(path.join(dir, 'batch', 'page_files', 'frame.html'), '<p>frame</p>');
    fs.writeFileSync(path.join(dir, 'batch', '.hidden', 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(dir, 'batch', 'photo.gif'), 'GIF89a');
    fs.writeFileSync(path.join(dir, 'outside.txt'), 'not chosen');
    const host: Host = {
      ...headlessHost,
      nativeDialogs: true,
      pickImportFiles: async () => [path.join(dir, 'batch')],
    };
    const ctx = memoryContext(host);

    const picked = (await call<PickedFiles>(ctx, 'import.pick', { kind: 'folder' }))!;
    expect(picked.files.map((f) => f.name)).toEqual(['batch/page.html', 'batch/sub/telegram.txt']);
    expect(picked.ignored).toEqual([
      { name: 'batch/photo.gif', reason: expect.stringMatching(/Not a file/) },
    ]);
    expect(JSON.stringify(picked)).not.toContain(dir);

    const first = await call<ImportOutcome>(ctx, 'import.item', {
      item: { kind: 'record', file: { token: picked.files[0]!.token } },
    });
    expect(first).toMatchObject({ status: 'imported', file: 'page.html' });
    const second = await call<ImportOutcome>(ctx, 'import.item', {
      item: { kind: 'record', file: { token: picked.files[1]!.token } },
    });
    expect(second).toMatchObject({ status: 'skipped', file: 'telegram.txt' });

    // A token no dialog granted reads nothing.
    const forged = await call<ImportOutcome>(ctx, 'import.item', {
      item: { kind: 'record', file: { token: 'AAAAAAAAAAAAAAAAAAAAAAAA' } },
    });
    expect(forged).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/not chosen in an Import dialog/),
    });
  });

  it('refuses to pick in the browser and CLI, which have no native dialogs', async () => {
    const result = await dispatch(memoryContext(), 'import.pick', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
