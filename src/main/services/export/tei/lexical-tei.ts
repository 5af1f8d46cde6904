// A comment (serialised Lexical state) as TEI: paragraphs, hi (bold, italic, underline,
// strike-through, code), ref for safe links, list/item and quote.
import { renderLexical, type LexicalList, type TextFormat } from '@shared/lexical/visit';
import { el, escapeXml } from './xml';

const RENDS: [keyof TextFormat, string][] = [
  ['bold', 'bold'],
  ['italic', 'italic'],
  ['underline', 'underline'],
  ['strikethrough', 'strikethrough'],
  ['code', 'code'],
];

function list(node: LexicalList<string>): string | null {
  const items = node.items.map((item) =>
    el('item', {}, item.content.join('') + item.lists.map((l) => list(l) ?? '').join('')),
  );
  const type =
    node.type === 'number' ? 'ordered' : node.type === 'check' ? 'checklist' : 'bulleted';
  return items.length > 0 ? el('list', { type }, items.join('')) : null;
}

/** The comment's blocks as TEI (p, list, quote); "" for none. */
export function lexicalToTei(json: string | null): string {
  return renderLexical<string, string>(json, {
    text: (text, format) => {
      const rend = RENDS.filter(([flag]) => format[flag]).map(([, name]) => name);
      return [
        rend.length > 0 ? el('hi', { rend: rend.join(' ') }, escapeXml(text)) : escapeXml(text),
      ];
    },
    lineBreak: () => ['<lb/>'],
    tab: () => [' '],
    link: (url, label) => (url === null ? label : [el('ref', { target: url }, label.join(''))]),
    paragraph: (content) => {
      const tei = content.join('');
      return tei.trim() === '' ? null : el('p', {}, tei);
    },
    heading: (tag, content) => el('p', { rend: tag ?? 'heading' }, content.join('')),
    quote: (content) => el('quote', {}, el('p', {}, content.join(''))),
    list,
  }).join('');
}
