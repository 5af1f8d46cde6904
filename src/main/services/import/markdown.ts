// Paragraphs and metadata of a Markdown original or translation. micromark (through
// mdast-util-from-markdown) reads the CommonMark; this file only decides what a passage is:
// a heading, a paragraph (hard line breaks end one), each list item, each line of a code block,
// the contents of block quotes. Inline markup (emphasis, links, code) is reduced to its text;
// inline HTML stays as literal text. Indented code is off: an indented paragraph is prose.
// YAML-style front matter ("title: …") is read first.
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

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

export function parseMarkdown(text: string): MarkdownDocument {
  const { meta, rest } = frontMatter(text.split('\n'));
  const source = rest.join('\n');
  const tree = fromMarkdown(source, { extensions: [{ disable: { null: ['codeIndented'] } }] });
  const paragraphs: string[] = [];
  let heading: string | null = null;
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
  tree.children.forEach(block);
  return { meta, paragraphs, heading };
}
