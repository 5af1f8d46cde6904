// A stored comment as plain text, for search, previews and formats without markup: blocks on
// their own lines, list items (nested ones too) with a bullet.
import { renderLexical, type LexicalList } from './visit';

function listLines(list: LexicalList<string>): string[] {
  return list.items.flatMap((item) => {
    const text = item.content.join('');
    return [...(text.trim() === '' ? [] : [`• ${text}`]), ...item.lists.flatMap(listLines)];
  });
}

const line = (content: string[]): string[] | null => {
  const text = content.join('');
  return text.trim() === '' ? null : [text];
};

/** Plain text of a comment ("" for none). */
export function lexicalToPlainText(json: string | null): string {
  return renderLexical<string, string[]>(json, {
    text: (text) => [text],
    lineBreak: () => ['\n'],
    tab: () => ['\t'],
    link: (_url, label) => label,
    paragraph: line,
    heading: (_tag, content) => line(content),
    quote: line,
    list: listLines,
  })
    .flat()
    .join('\n')
    .trim();
}
