import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_WORDS, parseQuery, type QueryNode } from '../../../src/shared/search/query';
import { compileQuery } from '../../../src/main/services/search/compile';

const root = (q: string): QueryNode | null => parseQuery(q).root;
const word = (text: string, prefix = false, exact = false): QueryNode => ({
  type: 'word',
  text,
  prefix,
  exact,
});

describe('the query language', () => {
  it('reads words, implied AND, and quoted phrases in both languages', () => {
    expect(root('перемирие armistice')).toEqual({
      type: 'and',
      children: [word('перемирие'), word('armistice')],
    });
    expect(root('"о перемирии"')).toEqual({
      type: 'phrase',
      words: ['о', 'перемирии'],
      prefix: false,
    });
    expect(root('«Central Committee»')).toEqual({
      type: 'phrase',
      words: ['Central', 'Committee'],
      prefix: false,
    });
  });

  it('reads prefixes, exact forms, OR (tighter than AND), NOT and -', () => {
    expect(root('перегов*')).toEqual(word('перегов', true));
    expect(root('=перемирии')).toEqual(word('перемирии', false, true));
    expect(root('Mao Korea OR Корея')).toEqual({
      type: 'and',
      children: [word('Mao'), { type: 'or', children: [word('Korea'), word('Корея')] }],
    });
    expect(root('armistice NOT Korea')).toEqual({
      type: 'and',
      children: [word('armistice'), { type: 'not', child: word('Korea') }],
    });
    expect(root('armistice -Korea 95-96')).toEqual({
      type: 'and',
      children: [word('armistice'), { type: 'not', child: word('Korea') }, word('95-96')],
    });
    expect(root('(a OR b) AND c')).toEqual({
      type: 'and',
      children: [{ type: 'or', children: [word('a'), word('b')] }, word('c')],
    });
  });

  it('takes lowercase and, or, not as words', () => {
    expect(root('war and peace')).toEqual({
      type: 'and',
      children: [word('war'), word('and'), word('peace')],
    });
  });

  it('pulls out filters, quoted or negated, with aliases', () => {
    const parsed = parseQuery(
      'lang:ru tag:"cold war" -category:person in:notes language:en перемирие',
    );
    expect(parsed.root).toEqual(word('перемирие'));
    expect(parsed.filters).toEqual([
      { key: 'lang', value: 'ru', negated: false },
      { key: 'tag', value: 'cold war', negated: false },
      { key: 'category', value: 'person', negated: true },
      { key: 'in', value: 'notes', negated: false },
      { key: 'lang', value: 'en', negated: false },
    ]);
    // An unknown prefix is text (a time, a label).
    expect(root('Note: 11:30')).toEqual({ type: 'and', children: [word('Note:'), word('11:30')] });
  });

  describe('hostile input: always a tree or nothing, never an exception', () => {
    const hostile = [
      '"',
      '""',
      '"unclosed phrase',
      '(',
      ')',
      '(((((a',
      'a)))))',
      ')(',
      '*',
      '**',
      '* * *',
      'a*b*',
      'NEAR(a b)',
      'NEAR/3',
      'a NEAR b',
      'AND',
      'OR OR OR',
      'NOT',
      'NOT NOT a',
      '- -',
      '-',
      'a OR',
      'OR a',
      'a AND AND b',
      'tag:',
      'lang:',
      'in:',
      '^a',
      '{a b}:c',
      'col:a',
      'stems:"x" OR 1=1; DROP TABLE records; --',
      "'; DELETE FROM passages; --",
      '\u0000\u0001\u0002',
      '\uD800',
      '🙂🙂',
      '"a" "b" "c',
      '(a OR (b AND (c OR (d AND (e OR (f AND (g OR (h AND (i OR (j))))))))))',
      '('.repeat(10_000),
      'NOT '.repeat(2_500),
      'a'.repeat(10_000),
      'перемирие '.repeat(1_000),
      '"'.repeat(10_000),
    ];
    const db = new Database(':memory:');
    db.exec(
      `CREATE VIRTUAL TABLE search_fts USING fts5(surface, stems, names_cyr, names_lat,
         content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
    );
    db.prepare('INSERT INTO search_fts (rowid, surface, stems) VALUES (1, ?, ?)').run(
      'a b near',
      'a b near',
    );
    const run = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?');

    for (const input of hostile) {
      it(`handles ${JSON.stringify(input.slice(0, 40))}${input.length > 40 ? '…' : ''}`, () => {
        const parsed = parseQuery(input);
        const compiled = compileQuery(parsed, { names: true });
        // Whatever FTS5 text comes out is valid FTS5 syntax.
        if (compiled.fts !== null) expect(() => run.all(compiled.fts)).not.toThrow();
        // Explanations are sentences, not stack traces.
        for (const w of [...parsed.warnings, ...compiled.warnings]) expect(w).toMatch(/^[“A-Z]/u);
      });
    }

    it('explains what it did with odd input', () => {
      expect(parseQuery('*').warnings.join(' ')).toMatch(/must follow the start of a word/);
      expect(parseQuery('"unclosed').warnings.join(' ')).toMatch(/quote was not closed/);
      expect(parseQuery('a)').warnings.join(' ')).toMatch(/no matching/);
      expect(parseQuery('a OR').warnings.join(' ')).toMatch(/OR.*needs a word on each side/);
      expect(parseQuery('tag:').warnings.join(' ')).toMatch(/names no tag/);
      const long = parseQuery('перемирие '.repeat(1_000));
      expect(long.warnings.join(' ')).toMatch(new RegExp(`first ${MAX_QUERY_WORDS} words`));
      const longest = parseQuery('x'.repeat(20_000));
      expect(longest.warnings.join(' ')).toMatch(/cut to its first 10,000 characters/);
      expect(compileQuery(parseQuery('NOT korea'), { names: true }).warnings.join(' ')).toMatch(
        /only leaves things out/,
      );
      expect(compileQuery(parseQuery('по*'), { names: true }).warnings.join(' ')).toMatch(
        /at least 3 letters/,
      );
    });

    it('keeps NEAR and column names as plain words', () => {
      const compiled = compileQuery(parseQuery('NEAR(a b) stems:x'), { names: false });
      expect(compiled.fts).toBe(
        '(stems:"near" AND stems:"a" AND stems:"b" AND stems:("stem" + "x"))',
      );
    });
  });
});

describe('compiling to FTS5', () => {
  const fts = (q: string, names = true): string | null =>
    compileQuery(parseQuery(q), { names }).fts;

  it('looks up stems, folded prefixes and exact forms in their columns', () => {
    expect(fts('Перемирия', false)).toBe('stems:"перемир"');
    expect(fts('перегов*')).toBe('surface:"перегов"*');
    expect(fts('=перемирии')).toBe('surface:"перемирии"');
    expect(fts('"о перемирии"')).toBe('stems:("о" + "перемир")');
    expect(fts('"о перемир"*')).toBe('stems:("о" + "перемир"*)');
  });

  it('lets capitalised words also match their transliteration, across scripts only', () => {
    expect(fts('Kim Il Sung')).toBe(
      '((stems:"kim" AND stems:"il" AND stems:"sung") OR (names_cyr:"kam" AND names_cyr:"ar" AND names_cyr:"san"))',
    );
    expect(fts('Сталин')).toBe('(stems:"сталин" OR names_lat:"staran")');
    // A short single name would meet too many others ("Kim" ~ "Кем"): only as typed.
    expect(fts('Kim')).toBe('stems:"kim"');
    expect(fts('kim il sung')).toBe('(stems:"kim" AND stems:"il" AND stems:"sung")');
    expect(fts('Kim Il Sung', false)).toBe('(stems:"kim" AND stems:"il" AND stems:"sung")');
  });

  it('combines with AND, OR and NOT, refusing NOT alone', () => {
    expect(fts('a b OR c -d')).toBe('((stems:"a" AND (stems:"b" OR stems:"c")) NOT (stems:"d"))');
    expect(fts('NOT a')).toBeNull();
    expect(fts('a OR NOT b')).toBe('stems:"a"');
  });
});
