// Files built to hurt the importer (issue 14): decompression bombs, archives of too many parts,
// pages nested thousands deep, control characters, huge line counts. Each must be refused with a
// sentence, or read safely, in the parse worker, and leave the library exactly as it was.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { importItem } from '../../../src/main/services/library/import-item';
import { runJob } from '../../../src/main/services/workers/pool';
import { IMPORT_LIMITS } from '../../../src/main/services/import';
import {
  wordBomb,
  wordDocumentXml,
  wordFile,
  wordFileOfXml,
  wordParagraph,
} from '../support/hostile-files';
import { importSample, memoryContext, SAMPLE_TEXT, type TestContext } from '../support/context';

/** Building a bomb and watching a worker fill its heap take seconds on a busy machine. */
const HEAVY = { timeout: 120_000 };

const RECORD_LINES = SAMPLE_TEXT.split('\n');
/** Any C0 or C1 control but tab and newline (JSON shows those two escaped). */
// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Every string held anywhere in a stored record, joined: what a control could hide in. */
function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  return Object.values(value).map(allText).join(' ');
}

function asItem(name: string, bytes: Buffer | string) {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return { kind: 'record' as const, file: { name, base64: data.toString('base64') } };
}

/** The failure of importing `bytes` as `name` into an empty library, which must stay empty. */
async function refusal(
  ctx: TestContext,
  name: string,
  bytes: Buffer | string,
  control = {},
): Promise<string> {
  const before = ctx.records.count();
  const outcome = await importItem(ctx, asItem(name, bytes), 'skip', control);
  expect(ctx.records.count()).toBe(before);
  if (outcome.status !== 'failed') throw new Error(`expected a refusal, got ${outcome.status}`);
  return outcome.reason;
}

/** The error `runJob` rejects with for this file. */
async function jobError(name: string, bytes: Buffer, options = {}): Promise<ApiError> {
  const file = { name, base64: bytes.toString('base64') };
  const job = { item: { kind: 'record' as const, file }, lexicons: [] };
  const error = await runJob('parse-import', job, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('a Word decompression bomb', () => {
  it(
    'of 200 MB in a file under a megabyte is refused by its unpacked size, and the app goes on',
    HEAVY,
    async () => {
      const bomb = wordBomb(200);
      expect(bomb.byteLength).toBeLessThan(1024 * 1024);
      const ctx = memoryContext();
      expect(await refusal(ctx, 'bomb.docx', bomb)).toMatch(
        /^This Word file unpacks to more than 64\.0 MB \(it is \d+ KB packed\).*decompression bomb.*Nothing was saved\.$/,
      );
      expect((await jobError('bomb.docx', bomb)).limit).toBe('unpacked');
      // The same library imports a real record right after.
      await importSample(ctx);
      expect(ctx.records.count()).toBe(1);
    },
  );

  it(
    'whose headers claim a tiny size is measured by what it really unpacks to',
    HEAVY,
    async () => {
      const liar = wordBomb(100, true);
      expect((await jobError('liar.docx', liar)).limit).toBe('unpacked');
    },
  );

  it('of many small parts adds the parts up against one budget', async () => {
    const part = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const parts = Array.from({ length: 9 }, (_, i) => ({
      name: `word/media/pad${i}.xml`,
      data: part,
    }));
    const error = await jobError('parts.docx', wordFile(['Один.'], parts));
    expect(error.limit).toBe('unpacked');
  });
});

describe('an archive of too many parts', () => {
  it('is refused by its table of contents before anything is unpacked', async () => {
    const extra = Array.from({ length: IMPORT_LIMITS.maxArchiveEntries }, (_, i) => ({
      name: `customXml/item${i}.xml`,
      data: '<a/>',
    }));
    const ctx = memoryContext();
    expect(await refusal(ctx, 'many.docx', wordFile(['Один.'], extra))).toBe(
      'This Word file holds 1,003 parts; Marginalia reads at most 1,000 (a Word file holds a few dozen). Nothing was saved.',
    );
  });
});

describe('the worker’s own walls', () => {
  it(
    'stop a file that needs more memory than allowed, and the next file imports',
    HEAVY,
    async () => {
      // 40,000 paragraphs of 1,000 characters: within the unpack budget and the paragraph
      // limit, far beyond a 64 MB heap once mammoth has parsed them.
      const body = Array.from({ length: 40_000 }, (_, i) =>
        wordParagraph(`${i} ${'word '.repeat(200)}`),
      ).join('');
      const file = wordFileOfXml(wordDocumentXml(body));
      const ctx = memoryContext();
      const error = await jobError('huge.docx', file, { limits: { maxHeapMb: 64 } });
      expect(error.limit).toBe('memory');
      expect(error.message).toMatch(
        /^Reading this file needed more memory than Marginalia allows one file \(64 MB\), so it was stopped; nothing was saved\./,
      );
      await importSample(ctx);
      expect(ctx.records.count()).toBe(1);
    },
  );

  it('stop a file that takes longer than allowed', async () => {
    const ctx = memoryContext();
    const reason = await refusal(ctx, 'slow.txt', SAMPLE_TEXT, { limits: { timeoutMs: 1 } });
    expect(reason).toMatch(/^Reading this file took longer than 0 s, so Marginalia stopped it/);
    await importSample(ctx);
    expect(ctx.records.count()).toBe(1);
  });

  it('report progress, and stop at once when cancelled, saving nothing', async () => {
    const ctx = memoryContext();
    const stages: string[] = [];
    await importItem(ctx, asItem('a.txt', SAMPLE_TEXT), 'skip', {
      onProgress: (p) => stages.push(p.total === undefined ? p.stage : `${p.stage} ${p.total}`),
    });
    const record = ctx.records.get(ctx.records.list()[0]!.id)!;
    expect(stages).toEqual([
      'Reading',
      `Aligning ${record.original.passages.length + record.translation.passages.length}`,
    ]);

    const abort = new AbortController();
    const outcome = await importItem(
      ctx,
      asItem('b.txt', SAMPLE_TEXT.replace('1951', '1952')),
      'skip',
      {
        signal: abort.signal,
        onProgress: () => abort.abort(),
      },
    );
    expect(outcome).toEqual({
      status: 'failed',
      file: 'b.txt',
      reason: 'Cancelled; nothing was saved for this file.',
    });
    expect(ctx.records.count()).toBe(1);
  });
});

describe('huge line counts', () => {
  it('are refused by counting, before the text is parsed (400,000 one-line paragraphs)', async () => {
    const text = Array.from({ length: 400_000 }, (_, i) => `Line ${i}.`).join('\n');
    const ctx = memoryContext();
    expect(await refusal(ctx, 'lines.txt', text)).toBe(
      'This file has 400,000 lines; Marginalia reads at most 50,000 from one file (an archival record has a few hundred). Split it into several files and import those.',
    );
  });

  it('in a Word file are counted from its paragraphs', async () => {
    const body = wordParagraph('Строка.').repeat(60_000);
    const error = await jobError('long.docx', wordFileOfXml(wordDocumentXml(body)));
    expect(error.limit).toBe('lines');
    expect(error.message).toMatch(/^This Word file has 60,000 paragraphs;/);
  });
});

describe('deep nesting', () => {
  it('of 10,000 elements is read like any page', async () => {
    const depth = 10_000;
    const html =
      '<html><body>' +
      '<div>'.repeat(depth) +
      `<p>${RECORD_LINES.join('</p><p>')}</p>` +
      '</div>'.repeat(depth) +
      '</body></html>';
    const ctx = memoryContext();
    const outcome = await importItem(ctx, asItem('deep.html', html), 'skip');
    expect(outcome.status).toBe('imported');
    expect(ctx.records.count()).toBe(1);
  });
});

describe('control characters in imported text', () => {
  it('are removed at import, keeping tab and newline, wherever they were hidden', async () => {
    const hostile = SAMPLE_TEXT.replace(
      'Ваши телеграммы о перемирии получены.',
      'Ваши\x1b]0;pwned\x07 телеграммы\x1b[2J о\x08 перемирии\x9b31m получены.\x7f',
    );
    const ctx = memoryContext();
    const id = await importSample(ctx, hostile, 'hostile.txt');
    const record = ctx.records.get(id)!;
    expect(allText(record)).not.toMatch(CONTROLS);
    const text = record.original.passages.map((p) => p.text).join('\n');
    expect(text).toContain('Ваши]0;pwned телеграммы[2J о перемирии31m получены.');
  });

  it('as HTML character references are removed too', async () => {
    const html = `<html><body><h1>Title&#27;]0;x&#7;</h1><p>${RECORD_LINES.join('</p><p>').replace('1951', '1951&#27;[2J&#155;')}</p></body></html>`;
    const ctx = memoryContext();
    const outcome = await importItem(ctx, asItem('refs.html', html), 'skip');
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(allText(ctx.records.get(outcome.record.id))).not.toMatch(CONTROLS);
  });

  it('a NUL after the first 8 KB is removed, not stored', async () => {
    const line = 'Пошлите Риджуэю сегодня же примерно такой ответ:';
    const padded = SAMPLE_TEXT.replace(line, `${line} ${'Примечание. '.repeat(400)}\x00конец.`);
    expect(Buffer.byteLength(padded.slice(0, padded.indexOf('\x00')))).toBeGreaterThan(8192);
    const ctx = memoryContext();
    const id = await importSample(ctx, padded, 'nul.txt');
    const record = ctx.records.get(id)!;
    expect(allText(record)).not.toContain('\u0000');
    expect(allText(record)).toContain('Примечание. конец.');
  });
});
