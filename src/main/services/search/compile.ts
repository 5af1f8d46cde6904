// Turns a parsed query into (1) an FTS5 MATCH expression over the shadow columns and (2) a
// JavaScript matcher with the same meaning, used to find the words to highlight, to search
// inside one open record, and to check the index in tests. Every string that reaches FTS5 is a
// quoted token the stemmer produced, so no user input can break its syntax.
import { hasPositiveTerm, type ParsedQuery, type QueryNode } from '@shared/search/query';
import { searchWords, type SearchWord } from '@shared/search/words';
import { nameKeys, queryNameKeys } from '@shared/search/name-keys';

/** A prefix must have at least this many letters: shorter ones match half the library. */
export const MIN_PREFIX_LENGTH = 3;

/**
 * A single capitalised word is also looked for across scripts only when its key is this long:
 * a short key ("rasa" for Ridgway) is shared by too many other names (Россия). Names of two or
 * more words ("Kim Il Sung") are precise enough whatever their length.
 */
export const MIN_SINGLE_NAME_KEY = 5;

/** One word to look for, already folded and stemmed. */
export type Leaf =
  | { kind: 'stem'; stem: string }
  | { kind: 'exact'; folded: string }
  | { kind: 'prefix'; folded: string }
  | { kind: 'phrase'; stems: string[]; prefixLast: boolean }
  /** A capitalised word of one script, as its transliteration in the other (any key). */
  | { kind: 'name'; column: 'names_cyr' | 'names_lat'; keys: string[] };

export type Matcher =
  | { type: 'leaf'; leaf: Leaf }
  | { type: 'and'; children: Matcher[]; without: Matcher[] }
  | { type: 'or'; children: Matcher[] };

export interface CompiledQuery {
  matcher: Matcher | null;
  /** FTS5 MATCH expression, or null when there is nothing to look for. */
  fts: string | null;
  warnings: string[];
}

export interface CompileOptions {
  /** Let capitalised words match their transliteration ("Kim" ~ "Ким"). */
  names: boolean;
}

const ftsString = (value: string): string => `"${value.replace(/"/g, '""')}"`;
const leaf = (value: Leaf): Matcher => ({ type: 'leaf', leaf: value });
const all = (children: Matcher[]): Matcher =>
  children.length === 1 ? children[0]! : { type: 'and', children, without: [] };

interface QueryWord {
  raw: string;
  token: SearchWord;
}

/** The word as a name in the other script, or null when it is not one (not capitalised). */
function nameLeaf(word: QueryWord): Leaf | null {
  const { script, capitalised } = word.token;
  if (!capitalised || (script !== 'latin' && script !== 'cyrillic')) return null;
  const keys = queryNameKeys(word.raw);
  if (keys.length === 0) return null;
  return { kind: 'name', column: script === 'latin' ? 'names_cyr' : 'names_lat', keys };
}

/** The words as one name in the other script: all of them, or null. */
function nameGroup(words: QueryWord[]): Matcher | null {
  const leaves = words.map(nameLeaf);
  if (leaves.some((l) => l === null)) return null;
  if (new Set(leaves.map((l) => (l as { column: string }).column)).size > 1) return null;
  return all(leaves.map((l) => leaf(l!)));
}

/** A single query word, if the node is one that may be part of a name. */
function plainWord(node: QueryNode): QueryWord | null {
  if (node.type !== 'word' || node.prefix || node.exact) return null;
  const tokens = searchWords(node.text);
  return tokens.length === 1 ? { raw: node.text, token: tokens[0]! } : null;
}

class Compiler {
  readonly warnings: string[] = [];

  constructor(private readonly options: CompileOptions) {}

  private warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  node(node: QueryNode): Matcher | null {
    switch (node.type) {
      case 'word':
        return this.word(node.text, node.prefix, node.exact);
      case 'phrase':
        return this.phrase(node.words, node.prefix);
      case 'not':
        // A NOT reaches here only where nothing positive stands beside it.
        this.warn('“NOT” only leaves things out: add a word to look for beside it.');
        return null;
      case 'or': {
        const children: Matcher[] = [];
        for (const child of node.children) {
          if (!hasPositiveTerm(child)) {
            this.warn('“NOT …” cannot be one side of OR; that side was ignored.');
            continue;
          }
          const compiled = this.node(child);
          if (compiled) children.push(compiled);
        }
        if (children.length === 0) return null;
        return children.length === 1 ? children[0]! : { type: 'or', children };
      }
      case 'and':
        return this.and(node.children);
    }
  }

  private and(nodes: QueryNode[]): Matcher | null {
    const children: Matcher[] = [];
    const without: Matcher[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const child = nodes[i]!;
      // Capitalised words side by side ("Kim Il Sung") are one name: in this script, or all
      // of them in the other.
      const run: QueryWord[] = [];
      for (let j = i; j < nodes.length; j++) {
        const word = plainWord(nodes[j]!);
        if (!word || !nameLeaf(word)) break;
        if (run.length > 0 && word.token.script !== run[0]!.token.script) break;
        run.push(word);
      }
      if (this.options.names && run.length >= 2) {
        const own = all(run.map((w) => leaf({ kind: 'stem', stem: w.token.stem })));
        children.push({ type: 'or', children: [own, nameGroup(run)!] });
        i += run.length - 1;
      } else if (child.type === 'not') {
        const excluded = hasPositiveTerm(child.child) ? this.node(child.child) : null;
        if (excluded) without.push(excluded);
      } else {
        const compiled = this.node(child);
        if (compiled) children.push(compiled);
      }
    }
    if (children.length === 0) {
      if (without.length > 0) {
        this.warn('“NOT” only leaves things out: add a word to look for beside it.');
      }
      return null;
    }
    if (children.length === 1 && without.length === 0) return children[0]!;
    return { type: 'and', children, without };
  }

  private word(text: string, prefix: boolean, exact: boolean): Matcher | null {
    const tokens = searchWords(text);
    if (tokens.length === 0) return null;
    if (tokens.length > 1) {
      // "95-96", "ВКП(б)": the parts must stand together, as in the text.
      return this.phrase(
        tokens.map((t) => text.slice(t.start, t.end)),
        prefix,
      );
    }
    const token = tokens[0]!;
    if (prefix) {
      if (token.folded.length >= MIN_PREFIX_LENGTH || token.script === 'cjk') {
        return leaf({ kind: 'prefix', folded: token.folded });
      }
      this.warn(
        `A prefix needs at least ${MIN_PREFIX_LENGTH} letters before “*”; “${text}*” was read as the word “${text}”.`,
      );
    }
    if (exact) return leaf({ kind: 'exact', folded: token.folded });
    const own = leaf({ kind: 'stem', stem: token.stem });
    const name = this.options.names ? nameLeaf({ raw: text, token }) : null;
    if (name?.kind !== 'name' || name.keys[0]!.length < MIN_SINGLE_NAME_KEY) return own;
    return { type: 'or', children: [own, leaf(name)] };
  }

  private phrase(words: string[], prefix: boolean): Matcher | null {
    const parts: QueryWord[] = [];
    for (const word of words) {
      for (const token of searchWords(word)) {
        parts.push({ raw: word.slice(token.start, token.end), token });
      }
    }
    if (parts.length === 0) return null;
    if (parts.length === 1) return this.word(parts[0]!.raw, prefix, false);
    const stems = parts.map((p, i) =>
      prefix && i === parts.length - 1 ? p.token.folded : p.token.stem,
    );
    const own = leaf({ kind: 'phrase', stems, prefixLast: prefix });
    const names = this.options.names && !prefix ? nameGroup(parts) : null;
    return names ? { type: 'or', children: [own, names] } : own;
  }
}

function leafFts(value: Leaf): string {
  switch (value.kind) {
    case 'stem':
      return `stems:${ftsString(value.stem)}`;
    case 'exact':
      return `surface:${ftsString(value.folded)}`;
    case 'prefix':
      return `surface:${ftsString(value.folded)}*`;
    case 'phrase':
      return `stems:(${value.stems
        .map((s, i) => ftsString(s) + (value.prefixLast && i === value.stems.length - 1 ? '*' : ''))
        .join(' + ')})`;
    case 'name': {
      const options = value.keys.map((k) => `${value.column}:${ftsString(k)}`);
      return options.length === 1 ? options[0]! : `(${options.join(' OR ')})`;
    }
  }
}

/** The FTS5 expression of a matcher. */
export function toFts(matcher: Matcher): string {
  switch (matcher.type) {
    case 'leaf':
      return leafFts(matcher.leaf);
    case 'or':
      return `(${matcher.children.map(toFts).join(' OR ')})`;
    case 'and': {
      const positive = matcher.children.map(toFts).join(' AND ');
      const expression = matcher.children.length > 1 ? `(${positive})` : positive;
      if (matcher.without.length === 0) return expression;
      return `(${expression} NOT (${matcher.without.map(toFts).join(' OR ')}))`;
    }
  }
}

export function compileQuery(parsed: ParsedQuery, options: CompileOptions): CompiledQuery {
  const compiler = new Compiler(options);
  const matcher = parsed.root ? compiler.node(parsed.root) : null;
  return { matcher, fts: matcher ? toFts(matcher) : null, warnings: compiler.warnings };
}

// ---------- The same meaning, evaluated in JavaScript ----------

/** A text made ready for matching: its words, with name keys computed when first asked for. */
export class MatchText {
  readonly tokens: SearchWord[];
  private keys: (string[] | null)[] | null = null;
  /** Where each leaf matches, found once: matching and highlighting ask several times. */
  readonly runs = new Map<Leaf, [number, number][]>();

  constructor(readonly text: string) {
    this.tokens = searchWords(text);
  }

  nameKeysAt(i: number): string[] {
    this.keys ??= this.tokens.map(() => null);
    let keys = this.keys[i];
    if (keys === undefined || keys === null) {
      const t = this.tokens[i]!;
      keys = t.capitalised ? nameKeys(this.text.slice(t.start, t.end)) : [];
      this.keys[i] = keys;
    }
    return keys;
  }
}

/** Token ranges [from, to) of `doc` where `value` matches. */
function leafRuns(value: Leaf, doc: MatchText): [number, number][] {
  let runs = doc.runs.get(value);
  if (!runs) {
    runs = findRuns(value, doc);
    doc.runs.set(value, runs);
  }
  return runs;
}

function findRuns(value: Leaf, doc: MatchText): [number, number][] {
  const runs: [number, number][] = [];
  const tokens = doc.tokens;
  const each = (test: (t: SearchWord, i: number) => boolean): void =>
    tokens.forEach((t, i) => {
      if (test(t, i)) runs.push([i, i + 1]);
    });
  switch (value.kind) {
    case 'stem':
      each((t) => t.stem === value.stem);
      break;
    case 'exact':
      each((t) => t.folded === value.folded);
      break;
    case 'prefix':
      each((t) => t.folded.startsWith(value.folded));
      break;
    case 'name': {
      const script = value.column === 'names_cyr' ? 'cyrillic' : 'latin';
      each(
        (t, i) =>
          t.capitalised &&
          t.script === script &&
          doc.nameKeysAt(i).some((k) => value.keys.includes(k)),
      );
      break;
    }
    case 'phrase': {
      const n = value.stems.length;
      for (let i = 0; i + n <= tokens.length; i++) {
        let ok = true;
        for (let j = 0; j < n && ok; j++) {
          const stem = tokens[i + j]!.stem;
          const wanted = value.stems[j]!;
          ok = value.prefixLast && j === n - 1 ? stem.startsWith(wanted) : stem === wanted;
        }
        if (ok) runs.push([i, i + n]);
      }
      break;
    }
  }
  return runs;
}

/** Whether the matcher matches the text, as the index would decide. */
export function matches(matcher: Matcher, doc: MatchText): boolean {
  switch (matcher.type) {
    case 'leaf':
      return leafRuns(matcher.leaf, doc).length > 0;
    case 'or':
      return matcher.children.some((c) => matches(c, doc));
    case 'and':
      return (
        matcher.children.every((c) => matches(c, doc)) &&
        !matcher.without.some((c) => matches(c, doc))
      );
  }
}

export interface Range {
  start: number;
  end: number;
}

/**
 * The parts of the query that match in `doc`: a leaf that occurs, the options of an OR that
 * match, an AND only when all of it matches (so "Kim Il Sung" as a name lights up only where the
 * whole name is). At the top, each part of an AND counts on its own: a note's comment or a
 * counterpart shows the searched words it holds even if the rest are elsewhere.
 */
function matchingLeaves(matcher: Matcher, doc: MatchText, top: boolean, into: Leaf[]): Leaf[] {
  switch (matcher.type) {
    case 'leaf':
      into.push(matcher.leaf);
      break;
    case 'or':
      for (const child of matcher.children) {
        if (matches(child, doc)) matchingLeaves(child, doc, false, into);
      }
      break;
    case 'and':
      if (top) {
        for (const child of matcher.children) {
          if (matches(child, doc)) matchingLeaves(child, doc, false, into);
        }
      } else if (matches(matcher, doc)) {
        for (const child of matcher.children) matchingLeaves(child, doc, false, into);
      }
      break;
  }
  // Excluded words are never highlighted.
  return into;
}

/**
 * The character ranges of `doc` to highlight: the words and phrases of the query found there
 * (never the excluded ones), in order, overlapping or adjacent ones merged.
 */
export function highlightRanges(matcher: Matcher, doc: MatchText): Range[] {
  const ranges: Range[] = [];
  for (const value of matchingLeaves(matcher, doc, true, [])) {
    for (const [from, to] of leafRuns(value, doc)) {
      ranges.push({ start: doc.tokens[from]!.start, end: doc.tokens[to - 1]!.end });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  // Words found side by side ("Ким Ир Сен") read as one mark.
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    const between = last ? doc.text.slice(last.end, range.start) : '';
    if (last && (range.start <= last.end || /^[^\S\n]+$/u.test(between))) {
      last.end = Math.max(last.end, range.end);
    } else merged.push({ ...range });
  }
  return merged;
}

/** The scripts of the words a matcher can find: what it is worth looking for them in. */
export function matcherScripts(matcher: Matcher): Set<string> {
  const scripts = new Set<string>();
  const scriptOf = (word: string): string =>
    /\p{Script=Cyrillic}/u.test(word)
      ? 'cyrillic'
      : /\p{Script=Latin}/u.test(word)
        ? 'latin'
        : 'other';
  const visit = (m: Matcher): void => {
    if (m.type !== 'leaf') {
      m.children.forEach(visit);
      return;
    }
    const value = m.leaf;
    switch (value.kind) {
      case 'stem':
        scripts.add(scriptOf(value.stem));
        break;
      case 'exact':
      case 'prefix':
        scripts.add(scriptOf(value.folded));
        break;
      case 'phrase':
        for (const stem of value.stems) scripts.add(scriptOf(stem));
        break;
      case 'name':
        scripts.add(value.column === 'names_cyr' ? 'cyrillic' : 'latin');
        break;
    }
  };
  visit(matcher);
  return scripts;
}
