// Writing XML by hand, safely: every text and attribute value passes through `escapeXml`, which
// also drops what XML 1.0 cannot hold at all (control characters, lone surrogates).

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export type Attributes = Record<string, string | number | null | undefined | false>;

export function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** An element; `content` is XML already (escape text with `escapeXml`). Empty: self-closing. */
export function el(name: string, attrs: Attributes = {}, content: string | null = null): string {
  return content === null || content === ''
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

/** An element holding text. */
export function textEl(name: string, attrs: Attributes, text: string): string {
  return el(name, attrs, escapeXml(text));
}

/** An NCName made from any id: letters, digits, '-', '_', '.'; never starting with a digit. */
export function xmlId(...parts: string[]): string {
  const id = parts
    .join('-')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^[^A-Za-z_]/, (c) => `_${c}`);
  return id || '_';
}
