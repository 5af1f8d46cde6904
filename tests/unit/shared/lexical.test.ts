import { describe, expect, it } from 'vitest';
import { lexicalToPlainText } from '../../../src/shared/lexical/plain-text';
import { lexicalToMarkdown } from '../../../src/shared/lexical/markdown';
import { lexicalToHtml } from '../../../src/shared/lexical/html';
import { link, lexicalState, list, paragraph, quote, text } from '../support/lexical';

const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 8;

describe('comments as Markdown and plain text', () => {
  const state = lexicalState(
    paragraph(
      text('Stalin answers '),
      text('at once', BOLD),
      text(': see '),
      link('https://example.org/a b', text('the map')),
    ),
    list('bullet', [text('Kim Il Sung')], [text('Peng Dehuai', ITALIC)]),
    list('number', [text('first')], [text('second')]),
    quote(text('хозяевами дела')),
    paragraph(text('under', UNDERLINE), text(' and *stars*')),
  );

  it('renders bold, italic, links, lists and quotes as CommonMark', () => {
    expect(lexicalToMarkdown(state)).toBe(
      [
        'Stalin answers **at once**: see [the map](<https://example.org/a%20b>)',
        '- Kim Il Sung\n- *Peng Dehuai*',
        '1. first\n2. second',
        '> хозяевами дела',
        '<u>under</u> and \\*stars\\*',
      ].join('\n\n'),
    );
  });

  it('gives plain text for search and previews', () => {
    expect(lexicalToPlainText(state)).toBe(
      'Stalin answers at once: see the map\n• Kim Il Sung\n• Peng Dehuai\n• first\n• second\nхозяевами дела\nunder and *stars*',
    );
  });

  it('never emits a link that could run code', () => {
    const evil = lexicalState(paragraph(link('javascript:alert(1)', text('click'))));
    expect(lexicalToMarkdown(evil)).toBe('click');
  });

  it('keeps marks outside surrounding spaces, where Markdown sees them', () => {
    expect(
      lexicalToMarkdown(lexicalState(paragraph(text('a'), text(' bold ', BOLD), text('b')))),
    ).toBe('a **bold** b');
  });

  it('treats missing or broken state as no comment', () => {
    expect(lexicalToMarkdown(null)).toBe('');
    expect(lexicalToPlainText('{not json')).toBe('');
    expect(lexicalToMarkdown('{"root":{"type":"paragraph"}}')).toBe('');
  });
});

describe('a list whose start is not a number (hand-edited or foreign comment JSON)', () => {
  for (const start of ['x', null, -3, 2.5, 1e20, '7']) {
    it(`numbers from 1 when start is ${JSON.stringify(start)}`, () => {
      const numbered = { ...(list('number', [text('first')], [text('second')]) as object), start };
      const state = lexicalState(numbered);
      expect(lexicalToMarkdown(state)).toBe('1. first\n2. second');
      expect(lexicalToHtml(state)).toBe('<ol><li>first</li><li>second</li></ol>');
    });
  }
  it('keeps a real start', () => {
    const numbered = { ...(list('number', [text('first')]) as object), start: 4 };
    expect(lexicalToMarkdown(lexicalState(numbered))).toBe('4. first');
    expect(lexicalToHtml(lexicalState(numbered))).toBe('<ol start="4"><li>first</li></ol>');
  });
});
