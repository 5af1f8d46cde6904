// An HTML fragment (a Web Annotation body of format text/html) as a comment: read with a real
// HTML parser; only text, emphasis, links with safe schemes, lists, quotes and headings are
// kept; scripts, styles, images and every attribute but a link's href are dropped.
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { TEXT_FORMAT } from '@shared/lexical/serialized';
import { lexicalFromBlocks, type Block, type Inline } from './lexical-build';

const FORMAT_TAGS: Record<string, number> = {
  strong: TEXT_FORMAT.bold,
  b: TEXT_FORMAT.bold,
  em: TEXT_FORMAT.italic,
  i: TEXT_FORMAT.italic,
  u: TEXT_FORMAT.underline,
  s: TEXT_FORMAT.strikethrough,
  strike: TEXT_FORMAT.strikethrough,
  del: TEXT_FORMAT.strikethrough,
  code: TEXT_FORMAT.code,
};
const SKIP = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
  'head',
  'title',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

type Node = T.ChildNode;

const isElement = (node: Node): node is T.Element => 'tagName' in node;
const attr = (node: T.Element, name: string): string | undefined =>
  node.attrs.find((a) => a.name === name)?.value;

function inlines(nodes: Node[], format = 0): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      // Line breaks in the markup (and the indentation after them) are spaces; other spacing stays.
      out.push({
        kind: 'text',
        text: (node as T.TextNode).value.replace(/[\r\n]+[ \t]*/g, ' '),
        format,
      });
      continue;
    }
    if (!isElement(node) || SKIP.has(node.tagName)) continue;
    if (node.tagName === 'br') out.push({ kind: 'break' });
    else if (node.tagName === 'a')
      out.push({
        kind: 'link',
        url: attr(node, 'href') ?? '',
        children: inlines(node.childNodes, format),
      });
    else if (node.tagName === 'ul' || node.tagName === 'ol') continue;
    else out.push(...inlines(node.childNodes, format | (FORMAT_TAGS[node.tagName] ?? 0)));
  }
  return out;
}

function trimInlines(list: Inline[]): Inline[] {
  const out = [...list];
  const first = out[0];
  if (first?.kind === 'text') out[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const last = out.at(-1);
  if (last?.kind === 'text') out[out.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  return out;
}

function list(node: T.Element): Block {
  const check = (attr(node, 'class') ?? '').split(/\s+/).includes('checklist');
  const start = Number(attr(node, 'start') ?? 1);
  const items = node.childNodes
    .filter((c): c is T.Element => isElement(c) && c.tagName === 'li')
    .map((li) => {
      let children = trimInlines(inlines(li.childNodes));
      let checked: boolean | undefined;
      const first = children[0];
      if (check && first?.kind === 'text' && /^[☑☐]\s?/.test(first.text)) {
        checked = first.text.startsWith('☑');
        children = [{ ...first, text: first.text.replace(/^[☑☐]\s?/, '') }, ...children.slice(1)];
      }
      const nested = li.childNodes
        .filter((c): c is T.Element => isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol'))
        .map(list);
      return { children, nested, checked };
    });
  return {
    kind: 'list',
    listType: check ? 'check' : node.tagName === 'ol' ? 'number' : 'bullet',
    start: Number.isInteger(start) && start > 0 ? start : 1,
    items,
  };
}

function blocks(nodes: Node[]): Block[] {
  const out: Block[] = [];
  let loose: Node[] = [];
  const flush = (): void => {
    const children = trimInlines(inlines(loose));
    if (children.some((c) => c.kind !== 'text' || c.text.trim() !== ''))
      out.push({ kind: 'paragraph', children });
    loose = [];
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      loose.push(node);
      continue;
    }
    const tag = node.tagName;
    if (SKIP.has(tag)) continue;
    if (
      tag === 'p' ||
      HEADINGS.has(tag) ||
      tag === 'blockquote' ||
      tag === 'ul' ||
      tag === 'ol' ||
      tag === 'pre' ||
      tag === 'div' ||
      tag === 'section'
    ) {
      flush();
      if (tag === 'p')
        out.push({ kind: 'paragraph', children: trimInlines(inlines(node.childNodes)) });
      else if (HEADINGS.has(tag))
        out.push({
          kind: 'heading',
          tag: tag as 'h1',
          children: trimInlines(inlines(node.childNodes)),
        });
      else if (tag === 'blockquote')
        out.push({ kind: 'quote', children: trimInlines(inlines(node.childNodes)) });
      else if (tag === 'ul' || tag === 'ol') out.push(list(node));
      else if (tag === 'pre') out.push({ kind: 'code', text: textOf(node) });
      else out.push(...blocks(node.childNodes));
    } else loose.push(node);
  }
  flush();
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return isElement(node) ? node.childNodes.map(textOf).join('') : '';
}

/** The fragment as a comment's editor state, or null when it holds no text. */
export function htmlToLexical(html: string): string | null {
  return lexicalFromBlocks(blocks(parseFragment(html).childNodes));
}
