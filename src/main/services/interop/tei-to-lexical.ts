// A TEI note's content as a comment: p, hi (bold, italic, underline, strike-through, code), ref,
// lb, list/item and quote. The inverse of export/tei/lexical-tei.
import { TEXT_FORMAT } from '@shared/lexical/serialized';
import { lexicalFromBlocks, type Block, type Inline } from './lexical-build';
import { childElements, type XmlElement, type XmlNode } from './xml-parse';

const REND: Record<string, number> = {
  bold: TEXT_FORMAT.bold,
  italic: TEXT_FORMAT.italic,
  underline: TEXT_FORMAT.underline,
  strikethrough: TEXT_FORMAT.strikethrough,
  code: TEXT_FORMAT.code,
};
const BLOCKS = new Set(['p', 'ab', 'list', 'quote']);

function inlines(nodes: XmlNode[], format = 0): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string')
      out.push({ kind: 'text', text: node.replace(/\n\s*/g, ' '), format });
    else if (node.name === 'lb') out.push({ kind: 'break' });
    else if (node.name === 'ref')
      out.push({
        kind: 'link',
        url: node.attrs['target'] ?? '',
        children: inlines(node.children, format),
      });
    else if (node.name === 'hi') {
      const flags = (node.attrs['rend'] ?? '')
        .split(/\s+/)
        .reduce((f, r) => f | (REND[r] ?? 0), format);
      out.push(...inlines(node.children, flags));
    } else if (node.name !== 'list' && node.name !== 'date')
      out.push(...inlines(node.children, format));
  }
  return out;
}

function list(element: XmlElement): Block {
  const type = element.attrs['type'];
  return {
    kind: 'list',
    listType: type === 'ordered' ? 'number' : type === 'checklist' ? 'check' : 'bullet',
    start: 1,
    items: childElements(element, 'item').map((item) => ({
      children: inlines(item.children),
      nested: childElements(item, 'list').map(list),
    })),
  };
}

function blocks(nodes: XmlNode[]): Block[] {
  const out: Block[] = [];
  let loose: XmlNode[] = [];
  const flush = (): void => {
    const children = inlines(loose);
    if (children.some((c) => c.kind !== 'text' || c.text.trim() !== ''))
      out.push({ kind: 'paragraph', children });
    loose = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || !BLOCKS.has(node.name)) {
      if (typeof node !== 'string' && node.name === 'date') continue;
      loose.push(node);
      continue;
    }
    flush();
    if (node.name === 'list') out.push(list(node));
    else if (node.name === 'quote')
      out.push({
        kind: 'quote',
        children: inlines(
          childElements(node, 'p')
            .flatMap((p) => p.children)
            .concat(node.children.filter((c) => typeof c === 'string')),
        ),
      });
    else {
      const rend = node.attrs['rend'];
      out.push(
        rend && /^h[1-6]$/.test(rend)
          ? { kind: 'heading', tag: rend as 'h1', children: inlines(node.children) }
          : { kind: 'paragraph', children: inlines(node.children) },
      );
    }
  }
  flush();
  return out;
}

export function teiToLexical(element: XmlElement): string | null {
  return lexicalFromBlocks(blocks(element.children));
}
