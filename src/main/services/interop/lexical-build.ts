// Building serialised Lexical states (the comment format) from other formats' rich text, without
// an editor: the same JSON the comment editor saves, so imported comments edit like any other.
import { SAFE_LINK, TEXT_FORMAT, type SerializedNode } from '@shared/lexical/serialized';

export type Inline =
  | { kind: 'text'; text: string; format: number }
  | { kind: 'break' }
  | { kind: 'link'; url: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'; children: Inline[] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'code'; text: string }
  | {
      kind: 'list';
      listType: 'bullet' | 'number' | 'check';
      start: number;
      items: { children: Inline[]; nested: Block[]; checked?: boolean }[];
    };

const element = (type: string, children: SerializedNode[], extra: object = {}): SerializedNode =>
  ({
    type,
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    children,
    ...extra,
  }) as SerializedNode;

function inlineNodes(inlines: Inline[]): SerializedNode[] {
  const nodes: SerializedNode[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'break') nodes.push({ type: 'linebreak', version: 1 } as SerializedNode);
    else if (inline.kind === 'link') {
      const children = inlineNodes(inline.children);
      if (SAFE_LINK.test(inline.url) && children.length > 0) {
        nodes.push(
          element('link', children, {
            url: inline.url,
            rel: 'noreferrer',
            target: null,
            title: null,
          }),
        );
      } else nodes.push(...children);
    } else if (inline.text !== '') {
      const last = nodes.at(-1);
      // Adjacent text of one format is one node, as the editor keeps it.
      if (last && last.type === 'text' && last.format === inline.format) last.text += inline.text;
      else
        nodes.push({
          type: 'text',
          version: 1,
          text: inline.text,
          format: inline.format,
          detail: 0,
          mode: 'normal',
          style: '',
        } as SerializedNode);
    }
  }
  return nodes;
}

function blockNode(block: Block): SerializedNode | null {
  switch (block.kind) {
    case 'paragraph':
      return element('paragraph', inlineNodes(block.children), { textFormat: 0, textStyle: '' });
    case 'heading':
      return element('heading', inlineNodes(block.children), { tag: block.tag });
    case 'quote':
      return element('quote', inlineNodes(block.children));
    case 'code':
      return element(
        'paragraph',
        inlineNodes([{ kind: 'text', text: block.text, format: TEXT_FORMAT.code }]),
        { textFormat: 0, textStyle: '' },
      );
    case 'list': {
      const items = block.items.map((item, i) =>
        element(
          'listitem',
          [
            ...inlineNodes(item.children),
            ...item.nested.map(blockNode).filter((n): n is SerializedNode => n !== null),
          ],
          {
            value: block.start + i,
            ...(block.listType === 'check' ? { checked: item.checked ?? false } : {}),
          },
        ),
      );
      if (items.length === 0) return null;
      return element('list', items, {
        listType: block.listType,
        start: block.start,
        tag: block.listType === 'number' ? 'ol' : 'ul',
      });
    }
  }
}

/** The editor state JSON for these blocks, or null when they hold no text. */
export function lexicalFromBlocks(blocks: Block[]): string | null {
  const children = blocks.map(blockNode).filter((n): n is SerializedNode => n !== null);
  const hasText = JSON.stringify(children).includes('"type":"text"');
  if (!hasText) return null;
  return JSON.stringify({ root: element('root', children) });
}

/** Plain text as paragraphs (blank lines separate them, single line breaks stay). */
export function lexicalFromPlainText(text: string): string | null {
  const blocks: Block[] = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({
      kind: 'paragraph',
      children: p
        .split('\n')
        .flatMap((line, i): Inline[] =>
          (i === 0 ? [] : ([{ kind: 'break' }] as Inline[])).concat([
            { kind: 'text', text: line, format: 0 },
          ]),
        ),
    }));
  return lexicalFromBlocks(blocks);
}
