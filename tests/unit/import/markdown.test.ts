// The passages a Markdown original or translation becomes, read by micromark: the edge cases a
// hand-written reader got wrong (underscores inside words, code spans, reference links, setext
// titles, character references) and the structure every Markdown file has.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { MARKDOWN_LIMITS, parseMarkdown } from '../../../src/main/services/import/markdown';

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

/** The limit a Markdown text is refused by, with its reason. */
function refusal(text: string): { limit: string | undefined; message: string } {
  try {
    parseMarkdown(text);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { limit: error.limit, message: error.message };
  }
  throw new Error('expected a refusal');
}

describe('Markdown shaped to hurt the parser (found by the fuzz harness)', () => {
  it('quotes 5,000 levels deep are refused in a sentence, not by a stack overflow', () => {
    expect(refusal('Intro.\n\n' + '> '.repeat(5000) + 'x\n')).toEqual({
      limit: 'nesting',
      message:
        'This Markdown file nests quotations or lists 5,000 levels deep (line 3); Marginalia reads at most 64. Nothing was saved.',
    });
  });

  it('a nested list of 1,500 lines without a break is refused before micromark spends minutes on it', () => {
    const list = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i % 2)}- item ${i}`);
    expect(refusal(list.join('\n'))).toEqual({
      limit: 'nesting',
      message: `This Markdown file has a list nested more than 1,000 lines long without a break (near line ${(2 * MARKDOWN_LIMITS.maxNestedListLines + 2).toLocaleString('en')}); Marginalia reads at most that many in one list. Split the list with a paragraph, or import the text as .txt. Nothing was saved.`,
    });
  });

  it('a long document of nested lists between paragraphs is read whole, run by run', () => {
    const sections = Array.from({ length: 40 }, (_, s) => [
      `Section ${s} cites [the minutes][m].`,
      '',
      ...Array.from(
        { length: 40 },
        (_, i) => `${'  '.repeat(i % 3)}${i % 3 === 2 ? '1.' : '-'} point ${s}.${i}`,
      ),
      '',
    ]);
    const text = [
      ...sections.flat(),
      '```',
      'code',
      '',
      'Not a paragraph.',
      '```',
      '',
      '[m]: http://example.org/',
    ].join('\n');
    const read = passages(text);
    expect(read).toHaveLength(40 * 41 + 2);
    expect(read[0]).toBe('Section 0 cites the minutes.');
    expect(read[3]).toBe('1. point 0.2');
    expect(read.at(-43)).toBe('Section 39 cites the minutes.');
    expect(read.slice(-2)).toEqual(['code', 'Not a paragraph.']);
  });
});
