// A comment (serialised Lexical state) as TEI: paragraphs, hi (bold, italic, underline,
// strike-through, code), ref for safe links, list/item and quote.
import {
  parseLexicalState,
  SAFE_LINK,
  TEXT_FORMAT,
  type SerializedNode,
} from '@shared/lexical/serialized';
import { el, escapeXml } from './xml';

const RENDS: [number, string][] = [
  [TEXT_FORMAT.bold, 'bold'],
  [TEXT_FORMAT.italic, 'italic'],
  [TEXT_FORMAT.underline, 'underline'],
  [TEXT_FORMAT.strikethrough, 'strikethrough'],
  [TEXT_FORMAT.code, 'code'],
];

function inline(nodes: SerializedNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      switch (node.type) {
        case 'text': {
          const f = typeof node.format === 'number' ? node.format : 0;
          const rend = RENDS.filter(([flag]) => f & flag).map(([, name]) => name);
          const text = escapeXml(node.text ?? '');
          return rend.length > 0 ? el('hi', { rend: rend.join(' ') }, text) : text;
        }
        case 'linebreak':
          return '<lb/>';
        case 'tab':
          return ' ';
        case 'link':
        case 'autolink': {
          const label = inline(node.children);
          const url = node.url ?? '';
          return SAFE_LINK.test(url) ? el('ref', { target: url }, label) : label;
        }
        case 'list':
          return '';
        default:
          return inline(node.children);
      }
    })
    .join('');
}

function list(node: SerializedNode): string {
  const items = (node.children ?? []).map((item) => {
    const nested = (item.children ?? []).filter((c) => c.type === 'list').map(list);
    return el('item', {}, inline(item.children) + nested.join(''));
  });
  const type =
    node.listType === 'number' ? 'ordered' : node.listType === 'check' ? 'checklist' : 'bulleted';
  return items.length > 0 ? el('list', { type }, items.join('')) : '';
}

/** The comment's blocks as TEI (p, list, quote); "" for none. */
export function lexicalToTei(json: string | null): string {
  const root = parseLexicalState(json);
  if (!root) return '';
  return (root.children ?? [])
    .map((node) => {
      if (node.type === 'list') return list(node);
      if (node.type === 'quote') return el('quote', {}, el('p', {}, inline(node.children)));
      if (node.type === 'heading')
        return el('p', { rend: node.tag ?? 'heading' }, inline(node.children));
      const content = inline(node.children);
      return content.trim() === '' ? '' : el('p', {}, content);
    })
    .join('');
}
