// Turns an HTML document into the lines of text a reader sees, as a browser's "select all, copy"
// would give them, with a real HTML parser (parse5). Scripts, styles, templates, hidden
// elements, forms and the site's navigation, header and footer are left out; nothing from the
// page is ever kept as markup, only as text.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

/** Elements whose content is never text a reader sees. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'form',
  'dialog',
  'nav',
  'aside',
  'menu',
]);

/** Elements that start and end a line of text. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Class or id words of site chrome (share bars, breadcrumbs, skip links, cookie banners). */
const CHROME_WORDS =
  /(^|[-_\s])(breadcrumbs?|skip-link|skip|share|sharing|social|cookie|cookies|navbar|site-header|site-footer|menu|toolbar|actions)($|[-_\s])/i;

/** Landmark roles of site chrome. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'dialog']);

export interface HtmlText {
  lines: string[];
  /** The page's main heading (<h1>), if it has one. */
  heading: string | null;
  /** The datetime of the first <time> before the heading, if any. */
  time: string | null;
  /** The page's address: <link rel=canonical>, og:url, or the "saved from url" comment. */
  url: string | null;
}

function attr(element: T.Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

function isElement(node: T.ChildNode | T.ParentNode): node is T.Element {
  return 'tagName' in node;
}

function children(node: T.ParentNode): T.ChildNode[] {
  return node.childNodes;
}

function isHidden(element: T.Element): boolean {
  if (attr(element, 'hidden') !== null) return true;
  if (attr(element, 'aria-hidden') === 'true') return true;
  const style = (attr(element, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * Site chrome: navigation, banners, footers outside the record's own article, share bars and
 * the like. A header inside an <article> holds the record's date and title, so it stays.
 */
function isChrome(element: T.Element, insideContent: boolean): boolean {
  const role = attr(element, 'role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (!insideContent && (element.tagName === 'header' || element.tagName === 'footer')) return true;
  const words = `${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`;
  return CHROME_WORDS.test(words);
}

/**
 * The first element under `node`, in document order, that passes `test`. Every walk of the tree
 * here keeps its own stack instead of recursing, so a page of 100,000 nested elements is read
 * like any other and never overflows the call stack.
 */
function find(node: T.ParentNode, test: (e: T.Element) => boolean): T.Element | null {
  const stack: T.ChildNode[] = [...children(node)].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (!isElement(child)) continue;
    if (test(child)) return child;
    for (let i = child.childNodes.length - 1; i >= 0; i--) stack.push(child.childNodes[i]!);
  }
  return null;
}

function textOf(node: T.ParentNode): string {
  let text = '';
  const stack: T.ChildNode[] = [...children(node)].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (child.nodeName === '#text') text += (child as T.TextNode).value;
    else if (isElement(child) && !SKIPPED.has(child.tagName)) {
      for (let i = child.childNodes.length - 1; i >= 0; i--) stack.push(child.childNodes[i]!);
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads the page's text lines, heading, time and address. */
export function htmlToText(html: string): HtmlText {
  const document = parse(html);
  const body = find(document, (e) => e.tagName === 'body') ?? document;
  const content =
    find(body, (e) => e.tagName === 'main' || attr(e, 'role') === 'main') ??
    find(body, (e) => e.tagName === 'article') ??
    body;

  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  let heading: string | null = null;
  let time: string | null = null;

  // Depth-first, with an explicit stack: an element is entered (its line starts), its children
  // are read, then it is left (its line ends).
  type Step =
    | { kind: 'node'; node: T.ChildNode; pre: boolean; insideContent: boolean }
    | { kind: 'leave'; block: boolean };
  const stack: Step[] = [];
  const pushChildren = (node: T.ParentNode, pre: boolean, insideContent: boolean): void => {
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      stack.push({ kind: 'node', node: node.childNodes[i]!, pre, insideContent });
    }
  };
  pushChildren(content, false, content !== body);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.kind === 'leave') {
      if (step.block) flush();
      continue;
    }
    const { node: child, pre, insideContent } = step;
    if (child.nodeName === '#text') {
      const value = (child as T.TextNode).value;
      if (pre) {
        const parts = value.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) flush();
          current += part;
        });
      } else {
        current += value;
      }
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (SKIPPED.has(tag) || isHidden(child) || isChrome(child, insideContent)) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'h1' && heading === null) heading = textOf(child) || null;
    if (tag === 'time' && heading === null && time === null) {
      time = attr(child, 'datetime') ?? (textOf(child) || null);
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    else if (tag === 'td' || tag === 'th') current += ' ';
    stack.push({ kind: 'leave', block });
    pushChildren(child, pre || tag === 'pre', insideContent || tag === 'article' || tag === 'main');
  }
  flush();
  return { lines, heading, time, url: pageUrl(document) };
}

/** The charset a page declares in <meta charset> or <meta http-equiv=Content-Type>. */
export function declaredCharset(html: string): string | null {
  const document = parse(html);
  const meta = find(
    document,
    (e) =>
      e.tagName === 'meta' &&
      (attr(e, 'charset') !== null ||
        (attr(e, 'http-equiv') ?? '').toLowerCase() === 'content-type'),
  );
  if (!meta) return null;
  const direct = attr(meta, 'charset');
  if (direct) return direct.trim().toLowerCase();
  const content = attr(meta, 'content') ?? '';
  const at = content.toLowerCase().indexOf('charset=');
  if (at < 0) return null;
  return content
    .slice(at + 'charset='.length)
    .replace(/["';\s].*$/, '')
    .toLowerCase();
}

function pageUrl(document: T.Document): string | null {
  const canonical = find(
    document,
    (e) =>
      e.tagName === 'link' &&
      (attr(e, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const og = find(document, (e) => e.tagName === 'meta' && attr(e, 'property') === 'og:url');
  const candidates = [
    canonical && attr(canonical, 'href'),
    og && attr(og, 'content'),
    savedFrom(document),
  ];
  for (const candidate of candidates) {
    const url = webUrl(candidate);
    if (url) return url;
  }
  return null;
}

/** Browsers mark a saved page with a comment: <!-- saved from url=(0055)https://… -->. */
function savedFrom(node: T.ParentNode): string | null {
  // The comment sits before or just inside <html>: only those two levels are looked at.
  const candidates: T.ChildNode[] = [...children(node)];
  for (const child of children(node)) {
    if (isElement(child) && child.tagName === 'html') candidates.push(...children(child));
  }
  for (const child of candidates) {
    if (child.nodeName !== '#comment') continue;
    const data = (child as T.CommentNode).data.trim();
    if (data.startsWith('saved from url=')) return data.replace(/^saved from url=\(\d+\)/, '');
  }
  return null;
}

function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
