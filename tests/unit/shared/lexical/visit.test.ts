// The one walk over a stored comment: every format sees the same blocks, runs, links and lists,
// so they cannot disagree on what a comment says (only on how to write it).
import { describe, expect, it } from 'vitest';
import { renderLexical, type LexicalList } from '../../../../src/shared/lexical/visit';
import { lexicalToHtml } from '../../../../src/shared/lexical/html';
import { lexicalToMarkdown } from '../../../../src/shared/lexical/markdown';
import { lexicalToPlainText } from '../../../../src/shared/lexical/plain-text';

const text = (value: string, format = 0) => ({ type: 'text', text: value, format });
const state = (...children: object[]) => JSON.stringify({ root: { type: 'root', children } });

const comment = state(
  { type: 'heading', tag: 'h2', children: [text('Sources')] },
  {
    type: 'paragraph',
    children: [
      text('See '),
      text('this', 1 | 2),
      { type: 'linebreak' },
      { type: 'link', url: 'javascript:alert(1)', children: [text('trap')] },
      text(' and '),
      { type: 'link', url: 'https://example.org/a b', children: [text('that')] },
    ],
  },
  { type: 'quote', children: [text('Ваши телеграммы получены.')] },
  {
    type: 'list',
    listType: 'number',
    start: 3,
    children: [
      {
        type: 'listitem',
        children: [
          text('first'),
          {
            type: 'list',
            listType: 'check',
            children: [{ type: 'listitem', checked: true, children: [text('done')] }],
          },
        ],
      },
    ],
  },
);

/** Writes what the walk hands over, as strings: the shape every format receives. */
function shape(json: string): string[] {
  const list = (l: LexicalList<string>): string =>
    `${l.type}@${l.start}[${l.items.map((i) => `${i.checked ? '✓' : ''}${i.content.join('')}${i.lists.map(list).join('')}`).join('|')}]`;
  return renderLexical<string, string>(json, {
    text: (t, f, c) => [`${f.bold ? 'B' : ''}${f.italic ? 'I' : ''}${c.inQuote ? 'Q' : ''}(${t})`],
    lineBreak: () => ['⏎'],
    tab: () => ['⇥'],
    link: (url, label) => [`<${url ?? 'unsafe'}:${label.join('')}>`],
    paragraph: (c) => `p:${c.join('')}`,
    heading: (tag, c) => `${tag}:${c.join('')}`,
    quote: (c) => `q:${c.join('')}`,
    list,
  });
}

describe('the Lexical walk', () => {
  it('hands every format the same blocks, runs, links and nested lists', () => {
    expect(shape(comment)).toEqual([
      'h2:(Sources)',
      'p:(See )BI(this)⏎<unsafe:(trap)>( and )<https://example.org/a b:(that)>',
      'q:Q(Ваши телеграммы получены.)',
      'number@3[(first)check@1[✓(done)]]',
    ]);
  });

  it('gives nothing for an empty or unreadable state', () => {
    expect(shape('not json')).toEqual([]);
    expect(shape(state())).toEqual([]);
  });

  it('is what plain text, Markdown and HTML are written from', () => {
    expect(lexicalToPlainText(comment)).toBe(
      'Sources\nSee this\ntrap and that\nВаши телеграммы получены.\n• first\n• done',
    );
    expect(lexicalToMarkdown(comment)).toBe(
      [
        '## Sources',
        'See ***this***  \ntrap and [that](<https://example.org/a%20b>)',
        '> Ваши телеграммы получены.',
        '3. first\n   - [x] done',
      ].join('\n\n'),
    );
    expect(lexicalToHtml(comment)).toBe(
      '<h2>Sources</h2><p>See <strong><em>this</em></strong><br>trap and ' +
        '<a href="https://example.org/a b">that</a></p><blockquote>Ваши телеграммы получены.</blockquote>' +
        '<ol start="3"><li>first<ul class="checklist"><li>☑ done</li></ul></li></ol>',
    );
  });
});
