import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildEdition, editionOptions } from '../../../src/main/services/export/edition/build';
import { renderEditionHtml } from '../../../src/main/services/export/edition/html';
import type { ExportBundle } from '../../../src/main/services/export/bundle';
import { lexicalState, link, paragraph, text } from '../support/lexical';
import { annotatedBundle } from './support';

function elements(html: string): T.Element[] {
  const out: T.Element[] = [];
  const walk = (node: T.ParentNode): void => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        out.push(child);
        walk(child);
        if (child.tagName === 'template') walk((child as T.Template).content);
      }
    }
  };
  walk(parse(html));
  return out;
}

const edition = (bundle: ExportBundle): string =>
  renderEditionHtml(buildEdition([bundle], editionOptions([bundle]), 'edition'));

const HOSTILE = '</title></style><script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

function hostileBundle(bundle: ExportBundle): ExportBundle {
  const [first, ...rest] = bundle.annotations;
  return {
    ...bundle,
    record: {
      ...bundle.record,
      title: HOSTILE,
      summary: HOSTILE,
      rights: HOSTILE,
      source: HOSTILE,
      url: 'javascript:alert(3)',
      original: {
        lang: 'ru" onload="alert(4)',
        passages: bundle.record.original.passages.map((p, i) =>
          i === 1 ? { ...p, text: `${HOSTILE} ${p.text}` } : p,
        ),
      },
    },
    categories: bundle.categories.map((c) => ({
      ...c,
      id: `${c.id}"><script>`,
      color: 'red;}</style><script>alert(5)</script>',
    })),
    annotations: [
      {
        ...first!,
        tags: [HOSTILE],
        comment: {
          json: lexicalState(
            paragraph(
              text(HOSTILE),
              link('javascript:alert(6)', text('click')),
              link('https://ok.example/?a=1&b="2"', text('fine')),
            ),
          ),
          text: 'x',
        },
      },
      ...rest,
    ],
  };
}

describe('annotated edition (HTML)', () => {
  it('matches the reviewed golden file', async () => {
    const { bundle } = await annotatedBundle();
    await expect(edition(bundle)).toMatchFileSnapshot('../../fixtures/golden/edition-110374.html');
  });

  it('is one self-contained file: inline CSS, no scripts, nothing remote, print styles', async () => {
    const { bundle } = await annotatedBundle();
    const html = edition(bundle);
    const all = elements(html);
    expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1);
    expect(
      all.some((e) =>
        ['script', 'link', 'img', 'iframe', 'object', 'embed', 'base'].includes(e.tagName),
      ),
    ).toBe(false);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`,
    );
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/url\(|@import|https?:\/\/[^"<\s]*\.(css|js|woff2?|png)/);
    // Aligned columns, marks, numbered notes with links both ways, citation.
    expect(html).toContain(
      '<th scope="col" lang="en">Original · Russian</th><th scope="col" lang="en">Translation · English</th>',
    );
    expect(html).toContain(
      '<mark class="m c-note">о перемирии</mark><sup class="ref"><a href="#note-1" id="ref-1">1</a></sup>',
    );
    expect(html).toContain('<li id="note-1" value="1">');
    expect(html).toContain('href="#ref-1"');
    expect(html).toContain(
      '<figure class="citation"><figcaption>Citation</figcaption><blockquote>“Ciphered Telegram No. 3917',
    );
    expect(html).toContain('<h2>Glossary</h2>');
    expect(html).toContain('<h2>Questions</h2>');
  });

  it('lets nothing from a record or a note execute or load', async () => {
    const { bundle } = await annotatedBundle();
    const html = edition(hostileBundle(bundle));
    const all = elements(html);
    expect(
      all
        .map((e) => e.tagName)
        .filter((t) =>
          [
            'script',
            'img',
            'iframe',
            'object',
            'embed',
            'svg',
            'math',
            'form',
            'link',
            'base',
          ].includes(t),
        ),
    ).toEqual([]);
    const attributes = all.flatMap((e) => e.attrs.map((a) => ({ tag: e.tagName, ...a })));
    expect(attributes.filter((a) => a.name.startsWith('on'))).toEqual([]);
    expect(attributes.filter((a) => a.name === 'style')).toEqual([]);
    const hrefs = attributes.filter((a) => a.name === 'href').map((a) => a.value);
    expect(hrefs.every((h) => h.startsWith('#') || h.startsWith('https://'))).toBe(true);
    expect(hrefs).toContain('https://ok.example/?a=1&b="2"');
    expect(attributes.filter((a) => a.name === 'lang').map((a) => a.value)).not.toContain(
      'ru" onload="alert(4)',
    );
    const style = all.find((e) => e.tagName === 'style')!;
    const css = (style.childNodes[0] as T.TextNode).value;
    expect(css).not.toContain('<script>');
    expect(css).not.toContain('</style');
    // The words are still there, as text.
    expect(html).toContain('&lt;/title&gt;&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all.find((e) => e.tagName === 'title')!.childNodes).toHaveLength(1);
  });
});
