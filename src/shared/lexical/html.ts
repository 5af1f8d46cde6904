// A comment (serialised Lexical state) as a small, safe HTML fragment, for the annotated edition
// and for Web Annotation bodies. Only a fixed set of tags comes out; every text is escaped; links
// keep only safe schemes; no attribute carries anything from the comment except a checked href.
import { headingLevel, renderLexical, type LexicalList } from './visit';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and for double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function list(node: LexicalList<string>): string {
  const tag = node.type === 'number' ? 'ol' : 'ul';
  const start = node.type === 'number' && node.start !== 1;
  const open =
    node.type === 'check'
      ? '<ul class="checklist">'
      : `<${tag}${start ? ` start="${node.start}"` : ''}>`;
  const items = node.items.map((item) => {
    const checked = node.type === 'check' ? (item.checked ? '☑ ' : '☐ ') : '';
    return `<li>${checked}${item.content.join('')}${item.lists.map(list).join('')}</li>`;
  });
  return `${open}${items.join('')}</${node.type === 'check' ? 'ul' : tag}>`;
}

/** The comment as an HTML fragment ("" for none): p, strong, em, u, s, code, a, lists, quotes. */
export function lexicalToHtml(json: string | null): string {
  return renderLexical<string, string>(json, {
    text: (text, format) => {
      let html = escapeHtml(text);
      if (format.code) html = `<code>${html}</code>`;
      if (format.strikethrough) html = `<s>${html}</s>`;
      if (format.underline) html = `<u>${html}</u>`;
      if (format.italic) html = `<em>${html}</em>`;
      if (format.bold) html = `<strong>${html}</strong>`;
      return [html];
    },
    lineBreak: () => ['<br>'],
    tab: () => ['\t'],
    link: (url, label) =>
      url === null ? label : [`<a href="${escapeHtml(url)}">${label.join('')}</a>`],
    paragraph: (content) => {
      const html = content.join('');
      return html.trim() === '' ? null : `<p>${html}</p>`;
    },
    heading: (tag, content) => {
      const level = headingLevel(tag);
      return `<h${level}>${content.join('')}</h${level}>`;
    },
    quote: (content) => `<blockquote>${content.join('')}</blockquote>`,
    list,
  }).join('');
}
