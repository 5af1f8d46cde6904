import { describe, expect, it } from 'vitest';
import { exportNotes } from '../../../src/main/services/export';
import { loadExportBundle } from '../../../src/main/services/export/bundle';
import { exportFileName } from '../../../src/main/services/export/file-names';
import { renderMarkdown } from '../../../src/main/services/export/markdown-notes';
import { annotatedBundle, annotatedLibrary, EXPORTED_AT } from './support';

describe('Markdown notes export', () => {
  it('matches the reviewed golden file', async () => {
    const { bundle } = await annotatedBundle();
    await expect(renderMarkdown([bundle])).toMatchFileSnapshot(
      '../../fixtures/golden/notes-110374.md',
    );
  });

  it('is what export.notes serves, under a name from the title', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const file = exportNotes(ctx, ctx.records.get(recordId)!, 'md');
    expect(file).toMatchObject({ mimeType: 'text/markdown', encoding: 'utf8' });
    expect(file.fileName).toBe(
      'Ciphered Telegram No. 3917, Filippov Stalin to Krasovsky, for Cde. Mao Zedong - notes.md',
    );
    expect(file.content).toContain('# Ciphered Telegram No. 3917');
  });

  it('lists notes in text order with language, quote, counterpart, tags, comment and link', async () => {
    const { bundle } = await annotatedBundle();
    const md = renderMarkdown([bundle]);
    const order = ['> о перемирии', '> хозяевами дела', '> перемирия', '> No. 335/III'].map((q) =>
      md.indexOf(q),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(md).toContain(
      '- **Aligned English passage:** Your telegrams about an armistice have been received.',
    );
    expect(md).toContain('_none (this line has no counterpart)_');
    expect(md).toContain('More like *masters of the situation*.');
    expect(md).toContain('- **Category:** Translation issue');
    expect(md).toContain('- **Note type:** Rendering choice');
    expect(md).toContain('- **Tags:** #armistice-talks #word-choice');
    expect(md).toContain('**Follow-up, 2026-11-27:**\n\nMao had asked twice.');
    const first = bundle.annotations[0]!;
    expect(md).toContain(
      `- **Link:** [Open in Marginalia](<marginalia://record/${bundle.record.id}#annotation-${first.id}>)`,
    );
    // Front matter for Obsidian: tags as a list, the record's address in the app.
    expect(md).toMatch(/^---\ntitle: "Ciphered Telegram/);
    expect(md).toContain('tags: ["armistice-talks", "word-choice"]');
    expect(md).toContain(`marginalia: "marginalia://record/${bundle.record.id}"`);
    expect(md).toContain(
      '## Glossary\n\n- **перемирия**: armistice — Truce, armistice; not “peace”.',
    );
    expect(md).toContain('- **Ким Ир Сеном** (person): also KIM IL SUNG');
  });

  it('keeps record text from becoming Markdown structure', async () => {
    const { bundle } = await annotatedBundle();
    const md = renderMarkdown([
      {
        ...bundle,
        record: { ...bundle.record, title: '# Not a <b>heading</b> [x](javascript:y)' },
      },
    ]);
    expect(md).toContain('# \\# Not a \\<b\\>heading\\</b\\> \\[x\\](javascript:y)');
    expect(md).toContain('title: "# Not a <b>heading</b> [x](javascript:y)"');
  });

  it('puts several records in one file, each a section', async () => {
    const { ctx, recordId } = await annotatedLibrary();
    const bundle = loadExportBundle(ctx, recordId, { exportedAt: EXPORTED_AT });
    const md = renderMarkdown([bundle, { ...bundle, record: { ...bundle.record, id: 'other' } }]);
    expect(md).toMatch(/^---\ntitle: "Notes on 2 records"\nrecords: \["rec00001", "other"\]/);
    expect(md.match(/^## Ciphered Telegram/gm)).toHaveLength(2);
    expect(md).toContain('### Notes (7)');
  });

  it('makes a safe file name from any title', () => {
    expect(exportFileName({ title: 'a/b\\c:d*?"<>|' }, 'md')).toBe('a b c d - notes.md');
    expect(exportFileName({ title: '///' }, 'md')).toBe('record - notes.md');
    // U+202E would show "Report\u202Egnp.exe - notes.md" as if it ended in ".png".
    expect(exportFileName({ title: 'Report\u202Egnp.exe' }, 'md')).toBe('Reportgnp.exe - notes.md');
    expect(exportFileName({ title: '\u2067\u200Fa\u2069\u061C' }, 'md')).toBe('a - notes.md');
    expect(exportFileName([{ title: 'a' }, { title: 'b' }], 'xml', 'TEI')).toBe(
      'Marginalia - 2 records - TEI.xml',
    );
  });
});
