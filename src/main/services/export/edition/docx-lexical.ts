// A comment (serialised Lexical state) as Word paragraphs: bold, italic, underline, strike-through,
// code, safe links, bulleted and numbered lists, quotes and headings survive.
import { ExternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx';
import {
  parseLexicalState,
  SAFE_LINK,
  TEXT_FORMAT,
  type SerializedNode,
} from '@shared/lexical/serialized';

function runs(
  nodes: SerializedNode[] | undefined,
  extra: { italics?: boolean } = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      const f = typeof node.format === 'number' ? node.format : 0;
      out.push(
        new TextRun({
          text: node.text ?? '',
          bold: (f & TEXT_FORMAT.bold) !== 0,
          italics: (f & TEXT_FORMAT.italic) !== 0 || extra.italics === true,
          underline: f & TEXT_FORMAT.underline ? {} : undefined,
          strike: (f & TEXT_FORMAT.strikethrough) !== 0,
          font: f & TEXT_FORMAT.code ? 'Courier New' : undefined,
        }),
      );
    } else if (node.type === 'linebreak') {
      out.push(new TextRun({ break: 1 }));
    } else if (node.type === 'tab') {
      out.push(new TextRun({ text: '\t' }));
    } else if (node.type === 'link' || node.type === 'autolink') {
      const children = runs(node.children, extra);
      const url = node.url ?? '';
      if (SAFE_LINK.test(url)) out.push(new ExternalHyperlink({ link: url, children }));
      else out.push(...children);
    } else if (node.type !== 'list') {
      out.push(...runs(node.children, extra));
    }
  }
  return out;
}

function listParagraphs(list: SerializedNode, depth: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let number = list.start ?? 1;
  for (const item of list.children ?? []) {
    const marker =
      list.listType === 'number'
        ? `${number++}. `
        : list.listType === 'check'
          ? item.checked
            ? '☑ '
            : '☐ '
          : '• ';
    const content = runs((item.children ?? []).filter((c) => c.type !== 'list'));
    if (content.length > 0) {
      paragraphs.push(
        new Paragraph({
          children: [new TextRun(marker), ...content],
          indent: { left: 360 * (depth + 1), hanging: 240 },
        }),
      );
    }
    for (const nested of (item.children ?? []).filter((c) => c.type === 'list')) {
      paragraphs.push(...listParagraphs(nested, depth + 1));
    }
  }
  return paragraphs;
}

/** The comment's blocks as Word paragraphs (none for an empty comment). */
export function lexicalToDocx(json: string | null, style?: string): Paragraph[] {
  const root = parseLexicalState(json);
  if (!root) return [];
  const paragraphs: Paragraph[] = [];
  for (const node of root.children ?? []) {
    if (node.type === 'list') {
      paragraphs.push(...listParagraphs(node, 0));
    } else if (node.type === 'quote') {
      paragraphs.push(
        new Paragraph({
          style,
          children: runs(node.children, { italics: true }),
          indent: { left: 360 },
        }),
      );
    } else if (node.type === 'heading') {
      paragraphs.push(new Paragraph({ style, children: runs(node.children).map((r) => r) }));
    } else {
      const children = runs(node.children);
      if (children.length > 0) paragraphs.push(new Paragraph({ style, children }));
    }
  }
  return paragraphs;
}
