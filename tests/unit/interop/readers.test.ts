import { describe, expect, it } from 'vitest';
import { htmlToLexical } from '../../../src/main/services/interop/html-to-lexical';
import { markdownToLexical } from '../../../src/main/services/interop/markdown-to-lexical';
import { parseXml, textContent } from '../../../src/main/services/interop/xml-parse';
import { lexicalToHtml } from '../../../src/shared/lexical/html';
import { lexicalToPlainText } from '../../../src/shared/lexical/plain-text';
import { lexicalToMarkdown } from '../../../src/shared/lexical/markdown';
import { lexicalState, link, list, paragraph, quote, text } from '../support/lexical';

describe('XML reader', () => {
  it('keeps text exactly, decodes entities and CDATA, and knows where it is', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<TEI xmlns="x"><p xml:id="a">  два  &amp; &lt;три&gt; &#x41;&#66; <![CDATA[<raw>]]></p><tei:s/></TEI>',
    );
    expect(root.name).toBe('TEI');
    expect(textContent(root)).toBe('  два  & <три> AB <raw>');
    expect(root.children[1]).toMatchObject({ name: 's', attrs: {} });
  });

  it('refuses what is not well-formed, with the line', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow('</a> does not close <b> (line 2)');
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow('Unknown entity &nbsp;');
    expect(() => parseXml('<a>R & D</a>')).toThrow('A bare “&” must be written &amp;');
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow('Attribute x repeated');
    expect(() => parseXml('<a/><b/>')).toThrow('More than one root element');
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY lol "lol">]><a>&lol;</a>')).toThrow(
      /internal DTD/,
    );
    expect(() => parseXml('<a><b>')).toThrow('<b> is never closed');
    expect(() => parseXml('<a>' + '<b>'.repeat(600) + '</b>'.repeat(600) + '</a>')).toThrow(
      /nested too deeply/,
    );
  });
});

describe('comments from other formats', () => {
  const rich = lexicalState(
    paragraph(
      text('Bold ', 1),
      text('and italic', 2),
      text(' — plain '),
      link('https://example.org/a?b=1&c=2', text('a link')),
    ),
    list('bullet', [text('one')], [text('two', 8)]),
    list('number', [text('first')]),
    quote(text('a quotation')),
  );

  it('HTML written by the exporter comes back as the same comment', () => {
    const html = lexicalToHtml(rich);
    const back = htmlToLexical(html);
    expect(lexicalToHtml(back)).toBe(html);
    expect(lexicalToPlainText(back)).toBe(lexicalToPlainText(rich));
  });

  it('Markdown (Hypothesis) becomes rich text, never markup', () => {
    const json = markdownToLexical(
      '# Heading\n\nSome **bold**, *italic*, `code`, ~~gone~~ and [a link](https://example.org "t").\nSame paragraph <script>x</script>\n\n> quoted\n\n1. one\n2. two\n\n- a\n  - nested\n\nhttps://bare.example/path.',
    );
    expect(lexicalToMarkdown(json)).toBe(
      [
        '### Heading',
        'Some **bold**, *italic*, `code`, ~~gone~~ and [a link](<https://example.org>). Same paragraph \\<script\\>x\\</script\\>',
        '> quoted',
        '1. one\n2. two',
        '- a\n   - nested',
        '[https://bare.example/path](<https://bare.example/path>).',
      ]
        .join('\n\n')
        .replace('### Heading', '# Heading'),
    );
    expect(markdownToLexical('   \n\n')).toBeNull();
    expect(lexicalToPlainText(markdownToLexical('[evil](javascript:alert(1))'))).toBe('evil');
  });
});
