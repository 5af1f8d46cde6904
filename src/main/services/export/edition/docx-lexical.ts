// A comment (serialised Lexical state) as Word paragraphs: bold, italic, underline, strike-through,
// code, safe links, bulleted and numbered lists, quotes and headings survive.
import { ExternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { renderLexical, type LexicalList } from '@shared/lexical/visit';

function listParagraphs(list: LexicalList<ParagraphChild>, depth: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let number = list.start;
  for (const item of list.items) {
    const marker =
      list.type === 'number'
        ? `${number++}. `
        : list.type === 'check'
          ? item.checked
            ? '☑ '
            : '☐ '
          : '• ';
    if (item.content.length > 0) {
      paragraphs.push(
        new Paragraph({
          children: [new TextRun(marker), ...item.content],
          indent: { left: 360 * (depth + 1), hanging: 240 },
        }),
      );
    }
    for (const nested of item.lists) paragraphs.push(...listParagraphs(nested, depth + 1));
  }
  return paragraphs;
}

/** The comment's blocks as Word paragraphs (none for an empty comment). */
export function lexicalToDocx(json: string | null, style?: string): Paragraph[] {
  return renderLexical<ParagraphChild, Paragraph[]>(json, {
    text: (text, format, context) => [
      new TextRun({
        text,
        bold: format.bold,
        // A quote is set in italics, as the edition sets quoted text.
        italics: format.italic || context.inQuote,
        underline: format.underline ? {} : undefined,
        strike: format.strikethrough,
        font: format.code ? 'Courier New' : undefined,
      }),
    ],
    lineBreak: () => [new TextRun({ break: 1 })],
    tab: () => [new TextRun({ text: '\t' })],
    link: (url, label) =>
      url === null ? label : [new ExternalHyperlink({ link: url, children: label })],
    paragraph: (children) => (children.length > 0 ? [new Paragraph({ style, children })] : null),
    heading: (_tag, children) => [new Paragraph({ style, children })],
    quote: (children) => [new Paragraph({ style, children, indent: { left: 360 } })],
    list: (list) => listParagraphs(list, 0),
  }).flat();
}
