// The passages a Markdown original or translation becomes, read by micromark: the edge cases a
// hand-written reader got wrong (underscores inside words, code spans, reference links, setext
// titles, character references) and the structure every Markdown file has.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/main/services/import/markdown';

const passages = (text: string): string[] => parseMarkdown(text).paragraphs;

describe('Markdown import', () => {
  it('keeps underscores and asterisks that are text, not emphasis', () => {
    expect(passages('file_name_here and *emphasis* and __strong__')).toEqual([
      'file_name_here and emphasis and strong',
    ]);
    expect(passages('The cipher `a*b*c` and 2 * 3 * 4')).toEqual([
      'The cipher a*b*c and 2 * 3 * 4',
    ]);
  });

  it('reads reference links, character references and escapes as their text', () => {
    expect(
      passages('See [the minutes][m] of A &amp; B, \\*not\\* starred.\n\n[m]: http://x'),
    ).toEqual(['See the minutes of A & B, *not* starred.']);
  });

  it('takes a setext heading as a heading, and the first level-one heading as the title', () => {
    const doc = parseMarkdown('Letter to Comrade Khrushchev\n=====\n\nDear Comrade!\n\n# Later');
    expect(doc.heading).toBe('Letter to Comrade Khrushchev');
    expect(doc.paragraphs).toEqual(['Letter to Comrade Khrushchev', 'Dear Comrade!', 'Later']);
  });

  it('makes a passage of each list item, heading, hard-broken line and code line', () => {
    const text = [
      '---',
      'title: "A: title"',
      'Record ID: 900302',
      '---',
      '## Points',
      '- first, wrapped',
      '  onto two lines',
      '- second',
      '  1) nested, numbered',
      '',
      '> quoted  ',
      '> and broken',
      '',
      '***',
      '',
      '```',
      'line *one*',
      '  line two',
      '```',
      '',
      '    indented prose',
      '    stays prose',
      '',
      '<b>inline HTML</b> stays text',
    ].join('\n');
    const doc = parseMarkdown(text);
    expect(doc.meta).toEqual({ title: 'A: title', record_id: '900302' });
    expect(doc.heading).toBeNull();
    expect(doc.paragraphs).toEqual([
      'Points',
      'first, wrapped onto two lines',
      'second',
      '1) nested, numbered',
      'quoted',
      'and broken',
      'line *one*',
      'line two',
      'indented prose stays prose',
      '<b>inline HTML</b> stays text',
    ]);
  });
});
