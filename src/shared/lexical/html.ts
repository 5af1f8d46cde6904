// A comment (serialised Lexical state) as a small, safe HTML fragment, for the annotated edition
// and for Web Annotation bodies. Only a fixed set of tags comes out; every text is escaped; links
// keep only safe schemes; no attribute carries anything from the comment except a checked href.
import { parseLexicalState, SAFE_LINK, TEXT_FORMAT, type SerializedNode } from './serialized';

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

function flags(node: SerializedNode): number {
  return typeof node.format === 'number' ? node.format : 0;
}

function inline(nodes: SerializedNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      switch (node.type) {
        case 'text': {
          let html = escapeHtml(node.text ?? '');
          const f = flags(node);
          if (f & TEXT_FORMAT.code) html = `<code>${html}</code>`;
          if (f & TEXT_FORMAT.strikethrough) html = `<s>${html}</s>`;
          if (f & TEXT_FORMAT.underline) html = `<u>${html}</u>`;
          if (f & TEXT_FORMAT.italic) html = `<em>${html}</em>`;
          if (f & TEXT_FORMAT.bold) html = `<strong>${html}</strong>`;
          return html;
        }
        case 'linebreak':
          return '<br>';
        case 'tab':
          return '\t';
        case 'link':
        case 'autolink': {
          const label = inline(node.children);
          const url = node.url ?? '';
          return SAFE_LINK.test(url) ? `<a href="${escapeHtml(url)}">${label}</a>` : label;
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
  const tag = node.listType === 'number' ? 'ol' : 'ul';
  const start = node.listType === 'number' && node.start && node.start !== 1;
  const open =
    node.listType === 'check'
      ? '<ul class="checklist">'
      : `<${tag}${start ? ` start="${Number(node.start)}"` : ''}>`;
  const items = (node.children ?? []).map((item) => {
    const nested = (item.children ?? []).filter((c) => c.type === 'list').map(list);
    const checked = node.listType === 'check' ? (item.checked ? '☑ ' : '☐ ') : '';
    return `<li>${checked}${inline(item.children)}${nested.join('')}</li>`;
  });
  return `${open}${items.join('')}</${node.listType === 'check' ? 'ul' : tag}>`;
}

function block(node: SerializedNode): string {
  switch (node.type) {
    case 'list':
      return list(node);
    case 'quote':
      return `<blockquote>${inline(node.children)}</blockquote>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.tag?.slice(1)) || 3));
      return `<h${level}>${inline(node.children)}</h${level}>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(plain(node))}</code></pre>`;
    default: {
      const content = inline(node.children);
      return content.trim() === '' ? '' : `<p>${content}</p>`;
    }
  }
}

function plain(node: SerializedNode): string {
  return (node.children ?? [])
    .map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'linebreak' ? '\n' : plain(c)))
    .join('');
}

/** The comment as an HTML fragment ("" for none): p, strong, em, u, s, code, a, lists, quotes. */
export function lexicalToHtml(json: string | null): string {
  const root = parseLexicalState(json);
  if (!root) return '';
  return (root.children ?? []).map(block).join('');
}
