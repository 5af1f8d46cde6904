// The search box's query language, parsed into a tree. Nothing a user types is an error: odd
// input (a lone "*", an unclosed quote or parenthesis, "NEAR(", operators with nothing to join)
// is read as sensibly as possible and explained in `warnings`. The tree is compiled into safe
// FTS5 syntax by the main process, never passed through as typed.
//
//   armistice перемирие        both words (AND is implied)
//   "о перемирии"              a phrase: these words in this order (any word forms)
//   перемир*                   words starting with "перемир"
//   =перемирии                 this exact word form only
//   Korea OR Корея             either; OR binds tighter than AND: "a b OR c" = a AND (b OR c)
//   NOT Korea, -Korea          without
//   ( … )                      grouping
//   lang:ru  tag:ceasefire  tag:"cold war"  category:person  in:notes  in:text  in:titles
//                              filters (also negated: -lang:en); they apply to the whole search

export type QueryNode =
  | { type: 'word'; text: string; prefix: boolean; exact: boolean }
  | { type: 'phrase'; words: string[]; prefix: boolean }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

export const FILTER_KEYS = ['lang', 'tag', 'category', 'in'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface QueryFilter {
  key: FilterKey;
  value: string;
  negated: boolean;
}

export interface ParsedQuery {
  root: QueryNode | null;
  filters: QueryFilter[];
  /** What was read differently from how it was typed, in sentences for the user. */
  warnings: string[];
}

/** The longest search accepted, in characters. */
export const MAX_QUERY_LENGTH = 10_000;
/** Words past this many are ignored (a search of a whole page of text is no search). */
export const MAX_QUERY_WORDS = 32;
/** Parentheses nested deeper than this are read as if they were not there. */
const MAX_DEPTH = 8;

const FILTER_ALIASES: Record<string, FilterKey> = {
  lang: 'lang',
  language: 'lang',
  tag: 'tag',
  category: 'category',
  cat: 'category',
  in: 'in',
};

type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'minus' }
  | { kind: 'quoted'; text: string; prefix: boolean }
  | { kind: 'word'; text: string }
  | { kind: 'filter'; key: FilterKey; value: string };

const QUOTES = '"“”«»„';
const isSpace = (ch: string): boolean => /\s/u.test(ch);
const endsWord = (ch: string): boolean =>
  isSpace(ch) || ch === '(' || ch === ')' || QUOTES.includes(ch);

class Lexer {
  private at = 0;
  readonly tokens: Token[] = [];

  constructor(
    private readonly input: string,
    private readonly warn: (message: string) => void,
  ) {}

  run(): Token[] {
    const s = this.input;
    while (this.at < s.length) {
      const ch = s[this.at]!;
      if (isSpace(ch)) this.at++;
      else if (ch === '(') this.push({ kind: 'open' }, 1);
      else if (ch === ')') this.push({ kind: 'close' }, 1);
      else if (QUOTES.includes(ch)) this.quoted();
      else if (
        ch === '-' &&
        this.at + 1 < s.length &&
        !endsWord(s[this.at + 1]!) &&
        this.startsTerm()
      )
        this.push({ kind: 'minus' }, 1);
      else this.word();
    }
    return this.tokens;
  }

  /** A "-" negates only at the start of a term, not inside one ("95-96"). */
  private startsTerm(): boolean {
    const before = this.input[this.at - 1];
    return before === undefined || isSpace(before) || before === '(';
  }

  private push(token: Token, length: number): void {
    this.tokens.push(token);
    this.at += length;
  }

  private readQuoted(): { text: string; closed: boolean } {
    const s = this.input;
    const start = ++this.at;
    while (this.at < s.length && !QUOTES.includes(s[this.at]!)) this.at++;
    const closed = this.at < s.length;
    const text = s.slice(start, this.at);
    if (closed) this.at++;
    return { text, closed };
  }

  private quoted(): void {
    const { text, closed } = this.readQuoted();
    if (!closed) this.warn('A quote was not closed; the phrase runs to the end of the search.');
    let prefix = false;
    if (this.input[this.at] === '*') {
      prefix = true;
      this.at++;
    }
    this.tokens.push({ kind: 'quoted', text, prefix });
  }

  private word(): void {
    const s = this.input;
    const start = this.at;
    while (this.at < s.length && !endsWord(s[this.at]!)) {
      // A filter's value may be quoted: tag:"cold war".
      if (s[this.at] === ':' && QUOTES.includes(s[this.at + 1] ?? '')) {
        const key = FILTER_ALIASES[s.slice(start, this.at).toLowerCase()];
        if (key) {
          this.at++;
          const { text } = this.readQuoted();
          this.filter(key, text, s.slice(start, this.at));
          return;
        }
      }
      this.at++;
    }
    const text = s.slice(start, this.at);
    if (text === 'AND' || text === 'OR' || text === 'NOT') {
      this.tokens.push({ kind: 'op', op: text });
      return;
    }
    const colon = text.indexOf(':');
    if (colon > 0) {
      const key = FILTER_ALIASES[text.slice(0, colon).toLowerCase()];
      if (key) {
        this.filter(key, text.slice(colon + 1), text);
        return;
      }
    }
    this.tokens.push({ kind: 'word', text });
  }

  private filter(key: FilterKey, value: string, typed: string): void {
    const clean = value.replace(/\s+/g, ' ').trim();
    if (clean === '') {
      this.warn(`“${typed}” names no ${key === 'in' ? 'place to look' : key}; it was ignored.`);
      return;
    }
    this.tokens.push({ kind: 'filter', key, value: clean });
  }
}

class Parser {
  private at = 0;
  private words = 0;
  private truncated = false;
  readonly filters: QueryFilter[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly warn: (message: string) => void,
  ) {}

  parse(): QueryNode | null {
    const parts: QueryNode[] = [];
    for (;;) {
      const node = this.andList(0);
      if (node) parts.push(node);
      if (this.at >= this.tokens.length) break;
      // Only a stray ")" stops andList at the top level.
      this.warn('A “)” had no matching “(”; it was ignored.');
      this.at++;
    }
    if (this.truncated) {
      this.warn(`Only the first ${MAX_QUERY_WORDS} words of the search were used.`);
    }
    if (parts.length === 0) return null;
    return simplify(parts.length === 1 ? parts[0]! : { type: 'and', children: parts });
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private andList(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const token = this.peek();
      if (!token || token.kind === 'close') break;
      if (token.kind === 'op' && token.op === 'AND') {
        this.at++;
        if (children.length === 0 || this.atOperandEnd()) this.dangling('AND');
        continue;
      }
      if (token.kind === 'op' && token.op === 'OR') {
        this.at++;
        this.dangling('OR');
        continue;
      }
      const node = this.orExpr(depth, false);
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private atOperandEnd(): boolean {
    const next = this.peek();
    return !next || next.kind === 'close' || (next.kind === 'op' && next.op !== 'NOT');
  }

  private dangling(op: string): void {
    this.warn(`“${op}” needs a word on each side; it was ignored.`);
  }

  private orExpr(depth: number, negated: boolean): QueryNode | null {
    const first = this.notExpr(depth, negated);
    const options: QueryNode[] = first ? [first] : [];
    let sawOr = false;
    while (this.peek()?.kind === 'op' && (this.peek() as { op: string }).op === 'OR') {
      this.at++;
      sawOr = true;
      if (this.atOperandEnd()) {
        this.dangling('OR');
        break;
      }
      const next = this.notExpr(depth, negated);
      if (next) options.push(next);
    }
    if (sawOr && options.length === 1 && first === null) this.dangling('OR');
    if (options.length === 0) return null;
    return options.length === 1 ? options[0]! : { type: 'or', children: options };
  }

  private notExpr(depth: number, negated: boolean): QueryNode | null {
    // Read a run of NOTs at once (a recursive descent would overflow on ten thousand of them).
    let nots = 0;
    for (let token = this.peek(); token; token = this.peek()) {
      if (!((token.kind === 'op' && token.op === 'NOT') || token.kind === 'minus')) break;
      this.at++;
      nots++;
    }
    if (nots > 0 && this.atOperandEnd()) {
      this.warn('“NOT” needs a word after it; it was ignored.');
      return null;
    }
    const odd = nots % 2 === 1;
    const node = this.primary(depth, odd !== negated);
    return node && odd ? { type: 'not', child: node } : node;
  }

  private primary(depth: number, negated: boolean): QueryNode | null {
    const token = this.peek();
    if (!token) return null;
    this.at++;
    switch (token.kind) {
      case 'open': {
        const inner = this.andList(depth + 1);
        if (this.peek()?.kind === 'close') this.at++;
        else this.warn('A “(” was not closed; it was closed at the end of the search.');
        return inner;
      }
      case 'filter':
        this.filters.push({ key: token.key, value: token.value, negated });
        return null;
      case 'quoted':
        return this.phrase(token.text, token.prefix);
      case 'word':
        return this.word(token.text);
      default:
        // An operator where a word should be ("NOT AND"): skip it.
        return null;
    }
  }

  private takeWords(count: number): number {
    const room = Math.max(0, MAX_QUERY_WORDS - this.words);
    if (count > room) this.truncated = true;
    const taken = Math.min(count, room);
    this.words += taken;
    return taken;
  }

  private phrase(text: string, prefix: boolean): QueryNode | null {
    const all = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
    const words = all.slice(0, this.takeWords(all.length));
    if (words.length === 0) {
      if (text.trim() !== '') this.warn(`“${text.trim()}” has no letters or digits to look for.`);
      return null;
    }
    if (words.length === 1) return { type: 'word', text: words[0]!, prefix, exact: false };
    return { type: 'phrase', words, prefix: prefix && words.length === all.length };
  }

  private word(raw: string): QueryNode | null {
    let text = raw.replace(/^\++/, '');
    const exact = text.startsWith('=');
    if (exact) text = text.replace(/^=+/, '');
    const prefix = /\*+$/.test(text);
    text = text.replace(/\*+$/, '');
    if (!/[\p{L}\p{N}]/u.test(text)) {
      if (prefix)
        this.warn('A “*” must follow the start of a word (as in перемир*); it was ignored.');
      else if (text !== '' || exact) this.warn(`“${raw}” has no letters or digits to look for.`);
      return null;
    }
    if (this.takeWords(1) === 0) return null;
    if (prefix && exact) this.warn(`“${raw}”: = and * do not go together; * was used.`);
    return { type: 'word', text, prefix, exact: exact && !prefix };
  }
}

/** Drops parentheses nested deeper than MAX_DEPTH (with their partners), keeping what is inside. */
function limitNesting(tokens: Token[], warn: (message: string) => void): Token[] {
  const kept: Token[] = [];
  const dropped: boolean[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'open') {
      const drop = depth >= MAX_DEPTH;
      dropped.push(drop);
      if (drop) warn('Parentheses nested that deep were read as if they were not there.');
      else {
        depth++;
        kept.push(token);
      }
    } else if (token.kind === 'close' && dropped.length > 0) {
      if (!dropped.pop()) {
        depth--;
        kept.push(token);
      }
    } else kept.push(token);
  }
  return kept;
}

/** Flattens nested ANDs and ORs and unwraps groups of one. */
function simplify(node: QueryNode): QueryNode {
  if (node.type === 'not') return { type: 'not', child: simplify(node.child) };
  if (node.type !== 'and' && node.type !== 'or') return node;
  const children: QueryNode[] = [];
  for (const child of node.children.map(simplify)) {
    if (child.type === node.type) children.push(...child.children);
    else children.push(child);
  }
  return children.length === 1 ? children[0]! : { type: node.type, children };
}

/** Parses what a user typed into the search box. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  let text = input;
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    warn(`The search was cut to its first ${MAX_QUERY_LENGTH.toLocaleString('en')} characters.`);
  }
  const tokens = limitNesting(new Lexer(text, warn).run(), warn);
  const parser = new Parser(tokens, warn);
  const root = parser.parse();
  return { root, filters: parser.filters, warnings };
}

/** Whether a tree has anything to look for that is not excluded. */
export function hasPositiveTerm(node: QueryNode | null): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'word':
    case 'phrase':
      return true;
    case 'not':
      return false;
    case 'and':
      return node.children.some(hasPositiveTerm);
    case 'or':
      return node.children.every(hasPositiveTerm);
  }
}
