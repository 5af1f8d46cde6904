// PDFs and scans are read in the parse worker, like every import: the recogniser's pages are
// reported from there as they are done, a cancel stops the worker at once, and a PDF that would
// unpack to far more than its size, or an image whose pixels are broken, is refused with a
// sentence while the app (this process) goes on, nothing written, the next import fine.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../../src/main/services/workers/protocol';
import { renderPdfPages } from '../../../../src/main/services/import/pdf';
import { importItem, type ImportRequest } from '../../../../src/main/services/library/import-item';
import { memoryContext, type TestContext } from '../../support/context';
import { imageOnlyPdf, seedTexts, typesetPdf } from '../../../../bench/scan-fixtures';

const OCR_TIMEOUT = 240_000;
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const record = (name: string, bytes: Uint8Array): ImportRequest => ({
  kind: 'record',
  file: { name, base64: base64(bytes) },
});

function nothingWritten(ctx: TestContext): void {
  for (const table of ['records', 'passages', 'record_pages', 'page_images', 'record_imports']) {
    expect(ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
  }
}

/**
 * A one-page PDF whose content stream is `megabytes` MB of spaces, then a line of text,
 * deflated: about a thousandth of its unpacked size on disk.
 */
function pdfBomb(megabytes: number): Uint8Array {
  const content = Buffer.concat([
    Buffer.alloc(megabytes * 1024 * 1024, 0x20),
    Buffer.from(
      'BT /F1 12 Tf 72 720 Td (Your telegrams about an armistice have been received.) Tj ET',
    ),
  ]);
  const data = zlib.deflateSync(content, { level: 9 });
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`),
      data,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(object);
    length += object.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}

const { ru, en } = seedTexts();

async function pageImage(paragraphs: string[]) {
  const set = await typesetPdf(
    paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    { face: 'serif', size: 12, hyphenate: false, pageNumbers: false },
  );
  return (await renderPdfPages(set.pdf, 200))[0]!;
}

describe('PDFs and scans in the parse worker', () => {
  it(
    'recognises a two-page scan with its pages reported from the worker, one by one',
    async () => {
      const pages = [await pageImage(ru.slice(1, 2)), await pageImage(en.slice(3, 4))];
      const pdf = await imageOnlyPdf(
        pages.map((p) => ({ bytes: p.bytes, mediaType: p.mediaType })),
        200,
      );
      const ctx = memoryContext();
      const progress: JobProgress[] = [];
      const outcome = await importItem(ctx, record('scan.pdf', pdf), 'skip', {
        onProgress: (p) => progress.push(p),
      });
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
      const stages = progress.map((p) => p.stage);
      expect(stages.filter((s) => s === 'Recognising page 1')).toHaveLength(1);
      expect(stages.filter((s) => s === 'Recognising page 2')).toHaveLength(1);
      expect(progress.filter((p) => p.stage === 'Recognised').map((p) => p.done)).toEqual([1, 2]);
      expect(stages.indexOf('Recognising page 2')).toBeLessThan(stages.indexOf('Aligning'));
      expect(outcome.record.original.passages).toHaveLength(1);
      expect(outcome.record.translation.passages).toHaveLength(1);
    },
    OCR_TIMEOUT,
  );

  it(
    'a cancel during recognition stops the worker: nothing is written, and the next import works',
    async () => {
      const page = await pageImage(ru.slice(1, 3));
      const ctx = memoryContext();
      const controller = new AbortController();
      const stages: string[] = [];
      const outcome = await importItem(ctx, record('scan.png', page.bytes), 'skip', {
        signal: controller.signal,
        onProgress: (p) => {
          stages.push(p.stage);
          if (p.stage === 'Recognising page 1') controller.abort();
        },
      });
      expect(outcome).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/^Cancelled/),
      });
      expect(stages).not.toContain('Recognised');
      nothingWritten(ctx);
      const text = await typesetPdf([{ kind: 'paragraph', text: en[3]! }]);
      const next = await importItem(ctx, record('translation.pdf', text.pdf), 'skip');
      expect(next.status).toBe('imported');
    },
    OCR_TIMEOUT,
  );

  it(
    'a PDF bomb (a 256 KB file whose page unpacks to 256 MB) is refused, and the app goes on',
    async () => {
      const bomb = pdfBomb(256);
      expect(bomb.byteLength).toBeLessThan(300 * 1024);
      const ctx = memoryContext();
      const outcome = await importItem(ctx, record('bomb.pdf', bomb), 'skip');
      expect(outcome.status).toBe('failed');
      if (outcome.status === 'failed') {
        expect(outcome.reason).toMatch(
          /^This PDF unpacks to more than 64 MB in one stream \(it is 0\.\d MB packed\).*decompression bomb.*nothing was saved\.$/,
        );
      }
      nothingWritten(ctx);
      // A small PDF made the same way is read: the refusal is for the size, not the making.
      const small = await importItem(ctx, record('small.pdf', pdfBomb(1)), 'skip');
      expect(small.status).toBe('imported');
    },
    OCR_TIMEOUT,
  );

  it(
    'an image whose header is right but whose pixels are broken is refused with a sentence',
    async () => {
      const page = await pageImage(ru.slice(1, 2));
      // Keep the PNG signature and header chunk; garble everything after them.
      const broken = Buffer.from(page.bytes);
      for (let i = 64; i < broken.length; i++) broken[i] = (i * 7919) & 0xff;
      const ctx = memoryContext();
      const outcome = await importItem(ctx, record('broken.png', broken), 'skip');
      expect(outcome).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/image is damaged|cannot be decoded/i),
      });
      nothingWritten(ctx);
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...Buffer.alloc(200, 0x41)]);
      const second = await importItem(ctx, record('broken.jpg', jpeg), 'skip');
      expect(second).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/JPEG|damaged/),
      });
      nothingWritten(ctx);
    },
    OCR_TIMEOUT,
  );

  it(
    'a PDF past its time limit is stopped with the reason; the next import gets a new worker',
    async () => {
      const text = await typesetPdf([{ kind: 'paragraph', text: en[3]! }]);
      const ctx = memoryContext();
      const outcome = await importItem(ctx, record('slow.pdf', text.pdf), 'skip', {
        limits: { timeoutMs: 1 },
      });
      expect(outcome).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(
          /^One page of this file took longer than 0 s to read, so Marginalia stopped it; nothing was saved\./,
        ),
      });
      nothingWritten(ctx);
      const next = await importItem(ctx, record('translation.pdf', text.pdf), 'skip');
      expect(next.status).toBe('imported');
    },
    OCR_TIMEOUT,
  );
});
