// Paragraphs and metadata of a Markdown original or translation. Only what such files hold is
// read: YAML-style front matter ("title: …"), headings, paragraphs, lists, block quotes, code
// blocks and inline emphasis, links and code. Inline HTML stays as literal text.

export interface MarkdownDocument {
  /** Front matter fields, keys lower-cased ("title", "date", "record_id", "lang" …). */
  meta: Record<string, string>;
  paragraphs: string[];
  /** The first level-one heading, a natural title. */
  heading: string | null;
}

/** Reads "--- key: value … ---" at the very top; values may be quoted. */
function frontMatter(lines: string[]): { meta: Record<string, string>; rest: string[] } {
  if (lines[0]?.trim() !== '---') return { meta: {}, rest: lines };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)$/.test(line.trim()));
  if (end < 0) return { meta: {}, rest: lines };
  const meta: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || /^\s/.test(line)) continue;
    const key = line
      .slice(0, colon)
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    let value = line.slice(colon + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    if (value !== '') meta[key] = value;
  }
  return { meta, rest: lines.slice(end + 1) };
}

/** Removes inline Markdown: emphasis, code spans, links and images, backslash escapes. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseMarkdown(text: string): MarkdownDocument {
  const { meta, rest } = frontMatter(text.split('\n'));
  const paragraphs: string[] = [];
  let heading: string | null = null;
  let current: string[] = [];
  let fence: string | null = null;
  const flush = (): void => {
    const paragraph = stripInline(current.join(' '));
    if (paragraph !== '') paragraphs.push(paragraph);
    current = [];
  };
  for (const raw of rest) {
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) fence = null;
      else if (raw.trim() !== '') paragraphs.push(raw.trim());
      continue;
    }
    const line = raw.replace(/^\s{0,3}>\s?/, '');
    const trimmed = line.trim();
    const fenceStart = /^(```|~~~)/.exec(trimmed);
    if (fenceStart) {
      flush();
      fence = fenceStart[1]!;
      continue;
    }
    if (trimmed === '' || /^([-*_])(\s*\1){2,}$/.test(trimmed)) {
      flush();
      continue;
    }
    const atx = /^(#{1,6})\s+(.*?)\s*#*$/.exec(trimmed);
    if (atx) {
      flush();
      const text = stripInline(atx[2]!);
      if (atx[1] === '#' && heading === null && text !== '') heading = text;
      current.push(atx[2]!);
      flush();
      continue;
    }
    const bullet = /^[-*+]\s+(.*)$/.exec(trimmed);
    if (bullet) {
      // Each list item is its own passage; the bullet is markup, a number ("1.") is text.
      flush();
      current.push(bullet[1]!);
      continue;
    }
    if (/^\d+[.)]\s+/.test(trimmed)) {
      flush();
      current.push(trimmed);
      continue;
    }
    current.push(trimmed);
    // Two trailing spaces or a backslash: a hard line break, which ends the passage.
    if (/( {2,}|\\)$/.test(line)) {
      current[current.length - 1] = trimmed.replace(/\\$/, '');
      flush();
    }
  }
  flush();
  return { meta, paragraphs, heading };
}
