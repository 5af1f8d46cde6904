// A small, strict XML reader for importing TEI: elements, attributes, text, CDATA, comments and
// processing instructions. It keeps whitespace exactly (passage text must come back to the
// character), knows only XML's five named entities and character references, and refuses DTDs
// that declare entities, so a file can never expand itself or reach outside.

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

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][\w:.\-\u00B7-\uFFFF]*/y;
const MAX_DEPTH = 512;

function decode(text: string, line: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('A bare “&” must be written &amp;', line);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff)
        throw new XmlError(`Bad character reference ${all}`, line);
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref];
    if (named === undefined) throw new XmlError(`Unknown entity ${all}`, line);
    return named;
  });
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/** Parses a whole document and returns its root element. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const fail = (message: string): never => {
    throw new XmlError(message, line);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  const addText = (value: string): void => {
    const parent = stack.at(-1);
    if (!parent) {
      if (value.trim() !== '') fail('Text outside the root element');
      return;
    }
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else if (value !== '') parent.children.push(value);
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      addText(decode(text.slice(pos), line));
      advance(text.length);
      break;
    }
    if (lt > pos) {
      const raw = text.slice(pos, lt);
      addText(decode(raw, line));
      advance(lt);
    }
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) fail('Unclosed comment');
      advance(end + 3);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) fail('Unclosed CDATA section');
      addText(text.slice(pos + 9, end));
      advance(end + 3);
    } else if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) fail('Unclosed processing instruction');
      advance(end + 2);
    } else if (text.startsWith('<!DOCTYPE', pos)) {
      const end = text.indexOf('>', pos);
      const internal = text.indexOf('[', pos);
      if (end < 0) fail('Unclosed DOCTYPE');
      if (internal >= 0 && internal < end)
        fail('Documents with an internal DTD (entity declarations) are not accepted');
      advance(end + 1);
    } else if (text.startsWith('</', pos)) {
      NAME.lastIndex = pos + 2;
      const match = NAME.exec(text);
      if (!match) fail('Malformed end tag');
      const name = match![0];
      const close = text.indexOf('>', pos);
      if (close < 0) fail(`Unclosed end tag </${name}`);
      const open = stack.pop();
      if (!open || localName(name) !== open.name)
        fail(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
      advance(close + 1);
    } else {
      NAME.lastIndex = pos + 1;
      const match = NAME.exec(text);
      if (!match) fail('Malformed start tag');
      const qualified = match![0];
      const element: XmlElement = { name: localName(qualified), attrs: {}, children: [], line };
      let at = pos + 1 + qualified.length;
      const attrRe = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      let selfClosing = false;
      for (;;) {
        attrRe.lastIndex = at;
        const a = attrRe.exec(text);
        if (!a) fail(`Malformed tag <${qualified}`);
        at = attrRe.lastIndex;
        if (a![5]) {
          selfClosing = a![5] === '/>';
          break;
        }
        if (a![1]! in element.attrs) fail(`Attribute ${a![1]} repeated on <${qualified}>`);
        element.attrs[a![1]!] = decode(a![3] ?? a![4] ?? '', line).replace(/[\t\n]/g, ' ');
      }
      if (stack.length >= MAX_DEPTH) fail('Elements are nested too deeply');
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail('More than one root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      advance(at);
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is never closed`);
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
