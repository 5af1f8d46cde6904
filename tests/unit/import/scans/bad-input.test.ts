// PDFs and images that must not become records: each is refused with a sentence that says why,
// and the library is left exactly as it was (no record, no page, no image).
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { importItem, type ImportRequest } from '../../../../src/main/services/library/import-item';
import { memoryContext, tempDir } from '../../support/context';
import { typesetPdf } from '../../../../bench/scan-fixtures';

const text = async (): Promise<Uint8Array> =>
  (
    await typesetPdf([
      { kind: 'paragraph', text: 'Your telegrams about an armistice have been received.' },
    ])
  ).pdf;

async function refused(name: string, bytes: Uint8Array | Buffer): Promise<string> {
  return refusedItem({
    kind: 'record',
    file: { name, base64: Buffer.from(bytes).toString('base64') },
  });
}

async function refusedItem(item: ImportRequest): Promise<string> {
  const ctx = memoryContext();
  const outcome = await importItem(ctx, item, 'skip');
  expect(outcome.status).toBe('failed');
  for (const table of ['records', 'passages', 'record_pages', 'page_images', 'record_imports']) {
    expect(ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
  }
  return outcome.status === 'failed' ? outcome.reason : '';
}

/** A PNG header claiming a size, with no pixels behind it. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header[24] = 8;
  header[25] = 0;
  return header;
}

/** A JPEG header (SOI, then a baseline frame) claiming a size. */
function jpegHeader(width: number, height: number): Buffer {
  const frame = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]), frame]);
}

describe('bad PDFs and images are refused, nothing written', () => {
  it('an encrypted PDF', async () => {
    const pdf = Buffer.from(await text()).toString('latin1');
    const encrypted = pdf.replace(
      /trailer\s*<</,
      'trailer\n<<\n/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>',
    );
    expect(await refused('secret.pdf', Buffer.from(encrypted, 'latin1'))).toMatch(
      /encrypted \(password-protected\)/,
    );
  }, 120_000);

  it('a PDF with JavaScript, even when the name is spelled with # escapes', async () => {
    for (const name of ['JavaScript', 'J#61vaScript']) {
      const doc = await PDFDocument.load(await text());
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: PDFName.of('JavaScript'), JS: PDFString.of('app.alert(1)') }),
      );
      const bytes = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
      const spelled = bytes.replace('/JavaScript', `/${name}`);
      expect(await refused('script.pdf', Buffer.from(spelled, 'latin1'))).toMatch(
        /contains JavaScript.*never runs scripts/,
      );
    }
  }, 120_000);

  it('a PDF whose cross-reference table is broken', async () => {
    const pdf = Buffer.from(await text()).toString('latin1');
    const broken = pdf.replace(/startxref\s+\d+/, 'startxref\n12');
    expect(await refused('broken.pdf', Buffer.from(broken, 'latin1'))).toMatch(
      /damaged: its cross-reference table is broken/,
    );
  }, 120_000);

  it('a PDF whose page shows text with no font set is refused as damaged, not an internal error (found by the fuzz harness)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const stream = doc.context.flateStream(
      'BT 72 700 Td (Your telegrams about an armistice) Tj ET',
    );
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    expect(await refused('no-font.pdf', await doc.save())).toBe(
      'This PDF is damaged: Marginalia cannot read it (Missing setFont (Tf) operator before text rendering operator). Nothing was saved.',
    );
  });

  it('a PDF with no pages, and a file that only says it is a PDF', async () => {
    // pdf-lib always writes a page; take it out of the page tree, keeping every offset.
    const onePage = Buffer.from(
      await (await PDFDocument.create()).save({ useObjectStreams: false }),
    );
    const empty = Buffer.from(
      onePage
        .toString('latin1')
        .replace('/Kids [ 4 0 R ]', '/Kids [       ]')
        .replace('/Count 1', '/Count 0'),
      'latin1',
    );
    expect(await refused('empty.pdf', empty)).toMatch(/no pages/);
    expect(await refused('fake.pdf', Buffer.from('Not a PDF at all, just text.'))).toMatch(
      /not a PDF/,
    );
    expect(await refused('nothing.pdf', Buffer.alloc(0))).toMatch(/empty/);
  }, 120_000);

  it('a 40,000 × 40,000 px image (a decompression bomb) is refused from its header', async () => {
    expect(await refused('bomb.png', pngHeader(40_000, 40_000))).toMatch(
      /40,000 × 40,000 pixels: too large to be a page.*decompression bomb/,
    );
    expect(await refused('bomb.jpg', jpegHeader(40_000, 40_000))).toMatch(/40,000 × 40,000 pixels/);
    expect(await refused('wide.png', pngHeader(9_000, 9_000))).toMatch(/81,000,000|too large/);
  }, 120_000);

  it('images in formats Marginalia does not read', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    expect(await refused('scan.gif', gif)).toMatch(/cannot read “\.gif” files/);
    expect(await refused('scan.png', gif)).toMatch(
      /not an image Marginalia reads: scans are imported as PNG, JPEG or TIFF/,
    );
    expect(await refused('scan.tif', Buffer.from('II*\0garbage', 'latin1'))).toMatch(/TIFF/);
  }, 120_000);

  it('a 2 GB PDF is refused by its size before it is read', async () => {
    const file = path.join(tempDir('huge'), 'huge.pdf');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 2 * 1024 ** 3);
    expect(await refusedItem({ kind: 'record', file: { path: file } })).toMatch(/too large|limit/i);
  }, 120_000);

  it('a pair whose PDF side is bad names that side', async () => {
    const good = Buffer.from(await text()).toString('base64');
    const reason = await refusedItem({
      kind: 'pair',
      original: {
        name: 'scan.pdf',
        base64: Buffer.from('%PDF-1.4\nstartxref\n5\n%%EOF').toString('base64'),
      },
      translation: { name: 'translation.pdf', base64: good },
    });
    expect(reason).toMatch(/^The original \(scan\.pdf\): This PDF is damaged/);
  }, 120_000);
});
