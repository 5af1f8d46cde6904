// The XML reader for importing TEI: saxes, a strict non-validating parser, builds a small tree of
// elements, attributes and text. Whitespace is kept exactly (passage text must come back to the
// character); only XML's five named entities and character references are known; a DOCTYPE with
// an internal subset (where entities are declared) is refused, and no external DTD or entity is
// ever fetched, so a file can never expand itself ("billion laughs") or reach outside.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlElement {
  /** The local name, without a namespace prefix ("TEI", "persName"). */
  name: string;
  /** Attributes by their qualified name ("xml:id", "target"). */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Line of the start tag, for error messages. */
  line: number;
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'XmlError';
  }
}

const MAX_DEPTH = 512;
const NAME = /[A-Za-z_:][\w:.\-\u00B7-\uFFFF]*/y;
/** A "&" that starts no entity or character reference (skipping CDATA, comments and PIs). */
const BARE_AMPERSAND =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|&(?!#x[0-9a-fA-F]+;|#\d+;|[A-Za-z_:][\w:.\-\u00B7-\uFFFF]*;)/g;

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);
const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** saxes's finding, in the words of the rest of the app ("Unknown entity &nbsp;"). */
function explain(raw: string, text: string, at: number, tag: string): string {
  const message = raw.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
  const reference = (): string => {
    const start = text.lastIndexOf('&', at - 1);
    const end = text.indexOf(';', start);
    return start >= 0 && end > start ? text.slice(start, end + 1) : '&';
  };
  if (message === 'undefined entity') return `Unknown entity ${reference()}`;
  if (message === 'malformed character entity') return `Bad character reference ${reference()}`;
  if (message === 'documents may contain only one root') return 'More than one root element';
  if (message === 'text data outside of root node') return 'Text outside the root element';
  if (message === 'document must contain a root element') return 'There is no root element';
  const duplicate = /^duplicate attribute: (.+)$/.exec(message);
  if (duplicate) return `Attribute ${duplicate[1]} repeated on <${tag}>`;
  const unclosed = /^unclosed tag: (.+)$/.exec(message);
  if (unclosed) return `<${localName(unclosed[1]!)}> is never closed`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Parses a whole document and returns its root element. */
export function parseXml(source: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (const match of text.matchAll(BARE_AMPERSAND)) {
    if (match[0] === '&')
      throw new XmlError('A bare “&” must be written &amp;', lineAt(text, match.index));
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (message: string): never => {
    throw new XmlError(message, parser.line);
  };

  const addText = (value: string): void => {
    const parent = stack.at(-1);
    if (!parent) return;
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else if (value !== '') parent.children.push(value);
  };

  let opening = '';
  parser.on('opentagstart', (tag) => (opening = tag.name));
  parser.on('error', (error) => fail(explain(error.message, text, parser.position, opening)));
  parser.on('doctype', (doctype) => {
    if (doctype.includes('['))
      fail('Documents with an internal DTD (entity declarations) are not accepted');
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length >= MAX_DEPTH) fail('Elements are nested too deeply');
    const element: XmlElement = {
      name: localName(tag.name),
      attrs: { ...tag.attributes },
      children: [],
      line: parser.line,
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (tag.isSelfClosing) return;
    // saxes closes the innermost element before it reports a close tag that does not match:
    // read the close tag's own name to say which element it failed to close.
    const start = text.lastIndexOf('</', parser.position - 1);
    NAME.lastIndex = start + 2;
    const name = NAME.exec(text)?.[0] ?? tag.name;
    const open = stack.pop();
    if (name !== tag.name) fail(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
  });
  parser.write(text).close();
  if (!root) fail('There is no root element');
  return root!;
}
/** Elements among the children, optionally by name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

/** Every descendant element with this name, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const child of e.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) out.push(child);
      walk(child);
    }
  };
  walk(element);
  return out;
}

export function firstDescendant(element: XmlElement, name: string): XmlElement | null {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) return child;
    const found = firstDescendant(child, name);
    if (found) return found;
  }
  return null;
}

/** All the text inside an element, exactly. */
export function textContent(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}
