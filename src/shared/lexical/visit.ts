// The one walk over a stored comment (a serialised Lexical editor state), for every format that
// shows one without an editor: plain text, Markdown, HTML, TEI, Word and React. The walk decides
// what a node is (a block, a list with its items, a run of formatted text, a link whose address
// is safe or not); each format only says how to write each of these.
import { parseLexicalState, SAFE_LINK, TEXT_FORMAT, type SerializedNode } from './serialized';

/** A run's formatting, decoded from Lexical's bit flags. */
export interface TextFormat {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  code: boolean;
}

/** Where an inline node stands: formats that style a whole block (a quote) need to know. */
export interface InlineContext {
  inQuote: boolean;
}

export interface LexicalList<I> {
  type: 'bullet' | 'number' | 'check';
  /** The first number of a numbered list. */
  start: number;
  items: LexicalListItem<I>[];
}

export interface LexicalListItem<I> {
  checked: boolean;
  /** The item's own text (its nested lists are in `lists`). */
  content: I[];
  lists: LexicalList<I>[];
}

const LIST_TYPES: ReadonlySet<string> = new Set(['bullet', 'number', 'check']);

/**
 * A numbered list's first number as CommonMark and HTML can both write it (0 to 999,999,999);
 * anything else in a stored comment (text, a fraction, a negative number) numbers from 1.
 */
function listStart(start: unknown): number {
  return Number.isSafeInteger(start) && (start as number) >= 0 && (start as number) <= 999_999_999
    ? (start as number)
    : 1;
}

/**
 * How one format writes a comment: `I` is an inline piece (a string, a Word run, a React node),
 * `B` a block. Inline writers return a list, so a link whose address is unsafe can become its
 * label alone. A block writer may return null to leave an empty block out.
 */
export interface LexicalRenderer<I, B> {
  text(text: string, format: TextFormat, context: InlineContext): I[];
  lineBreak(): I[];
  tab(): I[];
  /** A link; `url` is null when its scheme is not one a comment may link to. */
  link(url: string | null, label: I[]): I[];
  paragraph(content: I[]): B | null;
  /** `tag` as Lexical stores it ("h1"…"h6"). */
  heading(tag: string | undefined, content: I[]): B | null;
  quote(content: I[]): B | null;
  list(list: LexicalList<I>): B | null;
}

function formatOf(node: SerializedNode): TextFormat {
  const flags = typeof node.format === 'number' ? node.format : 0;
  return {
    bold: (flags & TEXT_FORMAT.bold) !== 0,
    italic: (flags & TEXT_FORMAT.italic) !== 0,
    underline: (flags & TEXT_FORMAT.underline) !== 0,
    strikethrough: (flags & TEXT_FORMAT.strikethrough) !== 0,
    code: (flags & TEXT_FORMAT.code) !== 0,
  };
}

/** The level (1–6) of a heading tag; 3 when the tag says none. */
export function headingLevel(tag: string | undefined): number {
  return Math.min(6, Math.max(1, Number(tag?.slice(1)) || 3));
}

/** Renders a stored comment's blocks in one format; none for an empty or unreadable state. */
export function renderLexical<I, B>(json: string | null, renderer: LexicalRenderer<I, B>): B[] {
  const root = parseLexicalState(json);
  if (!root) return [];

  const inline = (nodes: SerializedNode[] | undefined, context: InlineContext): I[] =>
    (nodes ?? []).flatMap((node): I[] => {
      switch (node.type) {
        case 'text':
          return renderer.text(node.text ?? '', formatOf(node), context);
        case 'linebreak':
          return renderer.lineBreak();
        case 'tab':
          return renderer.tab();
        case 'link':
        case 'autolink': {
          const url = node.url ?? '';
          return renderer.link(SAFE_LINK.test(url) ? url : null, inline(node.children, context));
        }
        case 'list':
          return [];
        default:
          return inline(node.children, context);
      }
    });

  const list = (node: SerializedNode): LexicalList<I> => ({
    type: LIST_TYPES.has(node.listType as string) ? node.listType! : 'bullet',
    start: listStart(node.start),
    items: (node.children ?? []).map((item) => ({
      checked: item.checked === true,
      content: inline(item.children, { inQuote: false }),
      lists: (item.children ?? []).filter((c) => c.type === 'list').map(list),
    })),
  });

  const blocks: B[] = [];
  for (const node of root.children ?? []) {
    let block: B | null;
    switch (node.type) {
      case 'list':
        block = renderer.list(list(node));
        break;
      case 'quote':
        block = renderer.quote(inline(node.children, { inQuote: true }));
        break;
      case 'heading':
        block = renderer.heading(node.tag, inline(node.children, { inQuote: false }));
        break;
      default:
        block = renderer.paragraph(inline(node.children, { inQuote: false }));
    }
    if (block !== null) blocks.push(block);
  }
  return blocks;
}
