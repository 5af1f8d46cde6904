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
  it('expands nothing a document declares and fetches nothing: entities and DTDs are refused', () => {
    const internalDtd =
      'Documents with an internal DTD (entity declarations) are not accepted (line 1)';
    // Billion laughs: ten entities, each ten of the one before.
    const laughs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('');
    expect(() =>
      parseXml(`<!DOCTYPE lolz [<!ENTITY lol "lol">${laughs}]><lolz>&lol9;</lolz>`),
    ).toThrow(internalDtd);
    // An external entity (a file on the disk) and a parameter entity (a DTD from a server).
    expect(() =>
      parseXml('<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><TEI>&xxe;</TEI>'),
    ).toThrow(internalDtd);
    expect(() =>
      parseXml('<!DOCTYPE TEI [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]><TEI/>'),
    ).toThrow(internalDtd);
    // An entity nobody declared is unknown; an external DTD is named but never read.
    expect(() => parseXml('<TEI>\n&xxe;</TEI>')).toThrow('Unknown entity &xxe; (line 2)');
    const named = parseXml('<!DOCTYPE TEI SYSTEM "file:///etc/passwd"><TEI>kept</TEI>');
    expect(textContent(named)).toBe('kept');
  });

  it('refuses what XML forbids and a hand-written reader let through', () => {
    expect(() => parseXml('<a>\u0001</a>')).toThrow('Disallowed character (line 1)');
    expect(() => parseXml('<a>&#1;</a>')).toThrow('Bad character reference &#1; (line 1)');
    expect(() => parseXml('<a>]]></a>')).toThrow(/"]]>" is disallowed/);
    expect(() => parseXml('<a><!-- a -- b --></a>')).toThrow('Malformed comment (line 1)');
    expect(() => parseXml('<a x="<"/>')).toThrow('Disallowed character (line 1)');
    expect(() => parseXml('<a><b x="1"y="2"/></a>')).toThrow('No whitespace between attributes');
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
