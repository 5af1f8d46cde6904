// A record page saved from the browser, read with a real HTML parser.
import { describe, expect, it } from 'vitest';
import { parseArchivePage } from '../../../src/main/services/import/archive-page';
import { decodeHtmlFile, parseArchiveHtml } from '../../../src/main/services/import/html-page';
import { htmlToText } from '../../../src/main/services/import/html-text';
import { parseRecordFile } from '../../../src/main/services/import';
import { SAMPLE_TEXT } from '../support/context';
import { fixtureBytes } from './fixtures';

const page = (name: string): ReturnType<typeof parseArchiveHtml> =>
  parseArchiveHtml(decodeHtmlFile(fixtureBytes(`html/${name}`)));

describe('a saved record page (HTML)', () => {
  const record = page('wilson-center-110374.html');
  const fromText = parseArchivePage(SAMPLE_TEXT);

  it('reads the same metadata as the copied page text, and the page address', () => {
    expect(record.meta).toEqual({
      ...fromText.meta,
      url: 'https://digitalarchive.wilsoncenter.org/document/110374',
    });
  });

  it('reads the same paragraphs in both languages; line breaks split passages', () => {
    expect(record.original).toEqual(fromText.original);
    expect(record.translation).toEqual(fromText.translation);
  });

  it('ignores scripts, styles, navigation, forms, buttons and the footer', () => {
    const all = [...record.original.paragraphs, ...record.translation.paragraphs].join('\n');
    for (const chrome of [
      'Written by a script',
      'dataLayer',
      'Injected by CSS',
      'Main navigation',
      'Collections',
      'Search the archive',
      'Download PDF',
      'Share on X',
      'Related Documents',
      'Privacy Policy',
      'Please enable JavaScript',
    ]) {
      expect(all).not.toContain(chrome);
    }
  });

  it('is read by type from a .html file and from a .txt file holding HTML', () => {
    const bytes = fixtureBytes('html/wilson-center-110374.html');
    expect(parseRecordFile('page.html', bytes).meta.recordId).toBe('110374');
    expect(parseRecordFile('page.htm', bytes).meta.recordId).toBe('110374');
    expect(parseRecordFile('page.txt', bytes).meta.recordId).toBe('110374');
  });

  it('keeps hostile markup inert: only visible text, as text', () => {
    const hostile = page('hostile.html');
    expect(hostile.meta.title).toBe('Report on Events in Moscow');
    expect(hostile.meta.date).toBe('1953-03-01');
    expect(hostile.meta.recordId).toBe('900201');
    expect(hostile.meta.url).toBeNull();
    expect(hostile.original.paragraphs).toEqual(['Товарищ Сталин тяжело болен.']);
    expect(hostile.translation.paragraphs).toEqual([
      '<script>alert("escaped")</script> is quoted text, not a script.',
      'Comrade Stalin is gravely ill.',
      'The doctors report every hour.',
    ]);
    const everything = JSON.stringify(hostile);
    for (const inert of [
      "alert('",
      'onerror',
      'Hidden instructions',
      'Also hidden',
      'Screen-reader hidden',
      'Template content',
      'framed',
      'SVG text',
      'Object fallback',
      'form value',
      'attacker',
    ]) {
      expect(everything).not.toContain(inert);
    }
  });

  it('decodes a page in the charset it declares', () => {
    const cp1251 = page('windows-1251.html');
    expect(cp1251.meta.title).toBe('Telegram from Filippov [Stalin] to Mao Zedong');
    expect(cp1251.meta.date).toBe('1951-07-01');
    expect(cp1251.original.paragraphs).toEqual([
      'Мы согласны с Вашим ответом Риджуэю.',
      'Филиппов',
    ]);
  });

  it('refuses pages that hold no record, with a reason', () => {
    const empty = Buffer.from('<!DOCTYPE html><html><body><script>x()</script></body></html>');
    expect(() => parseRecordFile('empty.html', empty)).toThrow(/no text to import/);
    expect(() => parseRecordFile('nothing.html', Buffer.alloc(0))).toThrow(/empty/);
    const unknown = Buffer.from(
      '<html><head><meta charset="x-klingon"></head><body>a</body></html>',
    );
    expect(() => parseRecordFile('odd.html', unknown)).toThrow(/x-klingon/);
    const broken = Buffer.concat([Buffer.from('<html><body><p>'), Buffer.from([0xff, 0xfe, 0xc3])]);
    expect(() => parseRecordFile('broken.html', broken)).toThrow(/not valid UTF-8/);
  });

  it('turns markup into lines as a browser copies them', () => {
    const text = htmlToText(
      '<body><main><p>One <b>bold</b>\n word</p><div>Two<br>Three</div><pre>a\n  b</pre>' +
        '<table><tr><td>x</td><td>y</td></tr></table><ul><li>item</li></ul></main></body>',
    );
    expect(text.lines).toEqual(['One bold word', 'Two', 'Three', 'a', 'b', 'x y', 'item']);
  });
});
