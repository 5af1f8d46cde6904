// Markdown written from the app's data: the one escaper (text shown literally, never read as
// markup) and a stored comment as CommonMark, where bold, italic, links, lists, quotes and
// headings survive.
import { headingLevel, renderLexical, type LexicalList } from './visit';

/**
 * Escapes text so Markdown shows it literally: every character that could start markup, and a
 * line that would open a list or a quote. Blank lines still part paragraphs; a single line
 * break stays one (a hard break).
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
        .replace(
          /^(\s*)([>+-]|\d+\.)(?=\s)/gm,
          (_m, space: string, mark: string) => `${space}\\${mark}`,
        )
        .replace(/\n/g, '  \n'),
    )
    .join('\n\n');
}

function listMarkdown(list: LexicalList<string>, depth: number): string[] {
  const lines: string[] = [];
  let number = list.start;
  for (const item of list.items) {
    const content = item.content.join('');
    if (content.trim() !== '') {
      const marker =
        list.type === 'number'
          ? `${number++}.`
          : list.type === 'check'
            ? `- [${item.checked ? 'x' : ' '}]`
            : '-';
      lines.push(`${'   '.repeat(depth)}${marker} ${content}`);
    }
    for (const nested of item.lists) {
      lines.push(...listMarkdown(nested, depth + (content.trim() ? 1 : 0)));
    }
  }
  return lines;
}

/** A comment as CommonMark ("" for none). */
export function lexicalToMarkdown(json: string | null): string {
  return renderLexical<string, string>(json, {
    text: (raw, format) => {
      if (format.code) return ['`' + raw.replace(/`/g, 'ˋ') + '`'];
      // Keep the marks outside surrounding spaces, or Markdown will not see them.
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw) ?? [];
      if (core === '') return [raw];
      let text = escapeMarkdown(core);
      if (format.underline) text = `<u>${text}</u>`;
      if (format.strikethrough) text = `~~${text}~~`;
      if (format.italic) text = `*${text}*`;
      if (format.bold) text = `**${text}**`;
      return [lead + text + trail];
    },
    lineBreak: () => ['  \n'],
    tab: () => ['\t'],
    link: (url, label) =>
      url === null
        ? label
        : [`[${label.join('')}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`],
    paragraph: (content) => content.join(''),
    heading: (tag, content) => `${'#'.repeat(headingLevel(tag))} ${content.join('')}`,
    quote: (content) =>
      content
        .join('')
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    list: (list) => listMarkdown(list, 0).join('\n'),
  })
    .filter((block) => block.trim() !== '')
    .join('\n\n')
    .trim();
}
