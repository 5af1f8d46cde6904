// A scholar's pair, a Russian PDF and its English translation PDF, through the one import
// pipeline (the CLI's `import --pair`): the passages are the reading text, each keeps its page
// and boxes, and the page images are stored once each, by hash.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../../src/main/cli/run';
import { importItem } from '../../../../src/main/services/library/import-item';
import { fileContext, memoryContext, tempDir } from '../../support/context';
import { seedTexts, typesetPdf, type Block } from '../../../../bench/scan-fixtures';

const { ru, en } = seedTexts();
const doc = (title: string, paragraphs: string[]): Block[] => [
  { kind: 'heading', text: title },
  ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
];

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('importing PDFs', () => {
  it('imports --pair scan.pdf translation.pdf as one record with its pages', async () => {
    const dir = tempDir('pdf-pair');
    const original = await typesetPdf(doc('Шифртелеграмма № 3917', ru), {
      runningHead: 'Архив Президента РФ',
    });
    const translation = await typesetPdf(doc('Ciphered Telegram No. 3917', en), {
      runningHead: 'Wilson Center Digital Archive',
    });
    fs.writeFileSync(path.join(dir, 'telegram.pdf'), original.pdf);
    fs.writeFileSync(path.join(dir, 'translation.pdf'), translation.pdf);
    const library = tempDir('pdf-lib');
    const result = await run(
      'import',
      '--pair',
      path.join(dir, 'telegram.pdf'),
      path.join(dir, 'translation.pdf'),
      '--data-dir',
      library,
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.records).toHaveLength(1);
    const record = out.records[0];
    expect(record.title).toBe('Ciphered Telegram No. 3917');
    expect(record.original.lang).toBe('ru');
    expect(record.translation.lang).toBe('en');
    expect(record.original.paragraphs).toEqual(original.gold);
    expect(record.translation.paragraphs).toEqual(translation.gold);

    const ctx = fileContext(library);
    try {
      const id = ctx.db.prepare('SELECT id FROM records').pluck().get() as string;
      const facsimile = ctx.facsimile.get(id);
      expect(facsimile.pages.filter((p) => p.side === 'original')).toHaveLength(original.pages);
      expect(facsimile.pages.filter((p) => p.side === 'translation')).toHaveLength(
        translation.pages,
      );
      expect(facsimile.pages.every((p) => p.imageHash && p.imageWidth! > 800)).toBe(true);
      expect(facsimile.passages).toHaveLength(original.gold.length + translation.gold.length);
      expect(facsimile.passages[0]).toMatchObject({ kind: 'heading', page: 1 });
      expect(ctx.db.prepare('SELECT count(*) FROM page_images').pluck().get()).toBe(
        original.pages + translation.pages,
      );
    } finally {
      ctx.db.close();
    }
  }, 120_000);

  it('stores a page image once, however many records show it, and drops it with the last', async () => {
    const ctx = memoryContext();
    const set = await typesetPdf(doc('Ciphered Telegram No. 3917', en));
    const file = { name: 'translation.pdf', base64: Buffer.from(set.pdf).toString('base64') };
    const first = await importItem(ctx, { kind: 'record', file }, 'skip');
    const second = await importItem(ctx, { kind: 'record', file }, 'keep-both');
    expect(first.status).toBe('imported');
    expect(second.status).toBe('imported');
    const images = (): unknown => ctx.db.prepare('SELECT count(*) FROM page_images').pluck().get();
    expect(ctx.db.prepare('SELECT count(*) FROM record_pages').pluck().get()).toBe(2 * set.pages);
    expect(images()).toBe(set.pages);
    // Re-importing over the first replaces its pages, still without a second copy of any image.
    const again = await importItem(ctx, { kind: 'record', file }, 'replace');
    expect(again.status).toBe('replaced');
    expect(images()).toBe(set.pages);
  }, 120_000);
});
