// Paragraphs and metadata of a Markdown original or translation. micromark (through
// mdast-util-from-markdown) reads the CommonMark; this file only decides what a passage is:
// a heading, a paragraph (hard line breaks end one), each list item, each line of a code block,
// the contents of block quotes. Inline markup (emphasis, links, code) is reduced to its text;
// inline HTML stays as literal text. Indented code is off: an indented paragraph is prose.
// YAML-style front matter ("title: …") is read first.
// micromark's work grows with the square of the document when lists nest (8,000 lines of
// nested bullets take a minute), and its tree is as deep as the quotes and lists: so a long file
// is parsed in runs of top-level blocks, each alone, and a run of more nested list lines, or
// deeper nesting, than any record has is refused before parsing (issue 14's fuzz found both).
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { tooMuch } from './errors';

export interface MarkdownDocument {
  /** Front matter fields, keys lower-cased ("title", "date", "record_id", "lang" …). */
  meta: Record<string, string>;
  paragraphs: string[];
  /** The first level-one heading, a natural title. */
  heading: string | null;
}

/** Reads "--- key: value … ---" at the very top; values may be quoted. */
function frontMatter(lines: string[]): { meta: Record<string, string>; rest: string[] } {
  if (lines[0]?.trim() !== '---') return { meta: {}, rest: lines };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)$/.test(line.trim()));
  if (end < 0) return { meta: {}, rest: lines };
  const meta: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || /^\s/.test(line)) continue;
    const key = line
      .slice(0, colon)
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    let value = line.slice(colon + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    if (value !== '') meta[key] = value;
  }
  return { meta, rest: lines.slice(end + 1) };
}

const plain = (nodes: Nodes | Nodes[]): string =>
  (Array.isArray(nodes) ? nodes.map((n) => toString(n)).join('') : toString(nodes))
    .replace(/\s+/g, ' ')
    .trim();

/** How far Markdown may nest, and how long one run of nested list lines may be. */
export const MARKDOWN_LIMITS = {
  /** Quotes and lists inside each other; real documents nest a handful. */
  maxDepth: 64,
  /** Nested list lines in one run of blocks (no unindented paragraph between them). */
  maxNestedListLines: 1000,
  /** A run is closed at the first top-level paragraph or heading after this many lines. */
  runLines: 100,
} as const;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that go on over blank lines until their end (CommonMark kinds 1 and 2). */
const RAW_HTML = /^ {0,3}(<!--|<(?:script|pre|style|textarea)\b)/i;
const RAW_HTML_END: Record<string, RegExp> = { '<!--': /-->/ };
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*\S/;

/** The containers a line opens or continues: its quote markers, list markers and indent. */
function lineShape(line: string): { depth: number; nestedListItem: boolean; container: boolean } {
  let at = 0;
  let columns = 0;
  let markers = 0;
  let list = false;
  for (;;) {
    const c = line[at];
    // Indent before the first marker nests lists; spaces between markers only separate them.
    if (c === ' ') columns += markers === 0 ? 1 : 0;
    else if (c === '\t') columns += markers === 0 ? 4 : 0;
    else if (c === '>') markers += 1;
    else {
      const marker = LIST_MARKER.exec(line.slice(at, at + 12));
      if (!marker) break;
      markers += 1;
      list = true;
      at += marker[0].length;
      continue;
    }
    at += 1;
  }
  const depth = markers + Math.floor(columns / 2);
  return { depth, nestedListItem: list && depth >= 2, container: markers > 0 };
}

const count = (n: number): string => n.toLocaleString('en');

/**
 * The source cut into runs that parse alone as they parse together: a run ends only before an
 * unindented paragraph or heading that follows a blank line, outside fenced code and raw HTML.
 * Refuses nesting deeper than MARKDOWN_LIMITS.maxDepth and runs of more nested list lines than
 * MARKDOWN_LIMITS.maxNestedListLines.
 */
function blockRuns(lines: string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let nestedListLines = 0;
  let fence: string | null = null;
  let rawEnd: RegExp | null = null;
  let afterBlank = false;
  for (const [index, line] of lines.entries()) {
    const blank = line.trim() === '';
    if (fence === null && rawEnd === null && !blank) {
      const shape = lineShape(line);
      if (shape.depth > MARKDOWN_LIMITS.maxDepth) {
        throw tooMuch(
          'nesting',
          `This Markdown file nests quotations or lists ${count(shape.depth)} levels deep (line ${count(index + 1)}); Marginalia reads at most ${MARKDOWN_LIMITS.maxDepth}. Nothing was saved.`,
        );
      }
      const opensRun = afterBlank && !shape.container && !/^\s/.test(line);
      if (opensRun && run.length >= MARKDOWN_LIMITS.runLines) {
        runs.push(run);
        run = [];
        nestedListLines = 0;
      }
      if (shape.nestedListItem && ++nestedListLines > MARKDOWN_LIMITS.maxNestedListLines) {
        throw tooMuch(
          'nesting',
          `This Markdown file has a list nested more than ${count(MARKDOWN_LIMITS.maxNestedListLines)} lines long without a break (near line ${count(index + 1)}); Marginalia reads at most that many in one list. Split the list with a paragraph, or import the text as .txt. Nothing was saved.`,
        );
      }
    }
    run.push(line);
    afterBlank = blank;
    if (rawEnd !== null) {
      if (rawEnd.test(line)) rawEnd = null;
      continue;
    }
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (
        fenceMark &&
        fenceMark[0] === fence[0] &&
        fenceMark.length >= fence.length &&
        line.trim() === fenceMark
      )
        fence = null;
    } else if (fenceMark) {
      fence = fenceMark;
    } else {
      const html = RAW_HTML.exec(line)?.[1];
      if (html) {
        const end = RAW_HTML_END[html] ?? new RegExp(`</${html.slice(1)}>`, 'i');
        if (!end.test(line.slice(line.indexOf(html) + html.length))) rawEnd = end;
      }
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function parseMarkdown(text: string): MarkdownDocument {
  const { meta, rest } = frontMatter(text.split('\n'));
  const runs = blockRuns(rest);
  // A reference link may be defined in another run: each run sees every definition.
  const definitions =
    runs.length > 1 ? rest.filter((line) => LINK_DEFINITION.test(line)).join('\n') : '';
  const paragraphs: string[] = [];
  let heading: string | null = null;
  /** The run being read: list numbers are read from it, at the offsets its tree gives. */
  let source = '';
  const push = (passage: string): void => {
    if (passage !== '') paragraphs.push(passage);
  };

  /** A paragraph's text, cut at its hard line breaks. */
  const phrasing = (children: PhrasingContent[], prefix = ''): void => {
    let line: PhrasingContent[] = [];
    for (const child of [...children, null]) {
      if (child && child.type !== 'break') {
        line.push(child);
        continue;
      }
      push(plain(line) === '' ? '' : `${prefix}${plain(line)}`.trim());
      prefix = '';
      line = [];
    }
  };

  const block = (node: RootContent): void => {
    switch (node.type) {
      case 'heading': {
        const title = plain(node);
        if (node.depth === 1 && heading === null && title !== '') heading = title;
        push(title);
        return;
      }
      case 'paragraph':
        return phrasing(node.children);
      case 'code':
        for (const line of node.value.split('\n')) push(line.trim());
        return;
      case 'html':
        return push(node.value.replace(/\s+/g, ' ').trim());
      case 'blockquote':
        return node.children.forEach(block);
      case 'list':
        for (const item of node.children) {
          // The bullet is markup; a number ("1." or "1)") is text, kept as it was written.
          const at = item.position?.start.offset;
          const number =
            node.ordered && at !== undefined ? /^\d+[.)]/.exec(source.slice(at)) : null;
          const [first, ...others] = item.children;
          if (first?.type === 'paragraph') phrasing(first.children, number ? `${number[0]} ` : '');
          else if (number) push(number[0]);
          if (first && first.type !== 'paragraph') block(first);
          others.forEach(block);
        }
        return;
      default:
        // Thematic breaks and link definitions hold no passage; anything else, its text.
        if (node.type !== 'thematicBreak' && node.type !== 'definition') push(plain(node));
    }
  };
  for (const run of runs) {
    const text = run.join('\n');
    source = definitions === '' ? text : `${definitions}\n\n${text}`;
    fromMarkdown(source, {
      extensions: [{ disable: { null: ['codeIndented'] } }],
    }).children.forEach(block);
  }
  return { meta, paragraphs, heading };
}
