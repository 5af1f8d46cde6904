// Reads a serialised Lexical editor state (the JSON stored with every comment) without an
// editor: exporters and search run in the main process and in the CLI, where no editor exists.

export interface SerializedNode {
  type: string;
  children?: SerializedNode[];
  text?: string;
  format?: number | string;
  url?: string;
  tag?: string;
  listType?: 'bullet' | 'number' | 'check';
  start?: number;
  checked?: boolean;
}

/** Lexical's text format bit flags (packages/lexical/src/LexicalConstants.ts). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
} as const;
const {
  bold: IS_BOLD,
  italic: IS_ITALIC,
  strikethrough: IS_STRIKETHROUGH,
  underline: IS_UNDERLINE,
  code: IS_CODE,
} = TEXT_FORMAT;

/** Links may point to the web, to e-mail or into the app; nothing that runs code. */
export const SAFE_LINK = /^(https?:\/\/|mailto:|marginalia:\/\/)/i;

export function parseLexicalState(json: string | null): SerializedNode | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as { root?: SerializedNode };
    return value.root && value.root.type === 'root' ? value.root : null;
  } catch {
    return null;
  }
}

const BLOCK_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'code']);

/** Plain text of a comment: blocks on their own lines, list items with a bullet. */
export function lexicalToPlainText(json: string | null): string {
  const root = parseLexicalState(json);
  if (!root) return '';
  const lines: string[] = [];
  const walk = (node: SerializedNode, prefix: string): void => {
    if (node.type === 'list') {
      node.children?.forEach((item) => walk(item, '• '));
      return;
    }
    if (BLOCK_TYPES.has(node.type) && node.type !== 'root') {
      const inline = inlineText(node);
      if (inline.trim() !== '') lines.push(prefix + inline);
      node.children?.filter((c) => c.type === 'list').forEach((c) => walk(c, prefix));
      return;
    }
    node.children?.forEach((child) => walk(child, prefix));
  };
  walk(root, '');
  return lines.join('\n').trim();
}

function inlineText(node: SerializedNode): string {
  return (node.children ?? [])
    .map((child) => {
      if (child.type === 'text') return child.text ?? '';
      if (child.type === 'linebreak') return '\n';
      if (child.type === 'tab') return '\t';
      if (child.type === 'list') return '';
      return inlineText(child);
    })
    .join('');
}

function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(
      /^(\s*)([#>+-]|\d+\.)(?=\s)/gm,
      (_m, space: string, mark: string) => `${space}\\${mark}`,
    );
}

function formatFlags(format: SerializedNode['format']): number {
  return typeof format === 'number' ? format : 0;
}

function inlineMarkdown(nodes: SerializedNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      switch (node.type) {
        case 'text': {
          const raw = node.text ?? '';
          const flags = formatFlags(node.format);
          if (flags & IS_CODE) return '`' + raw.replace(/`/g, 'ˋ') + '`';
          // Keep the marks outside surrounding spaces, or Markdown will not see them.
          const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw) ?? [];
          if (core === '') return raw;
          let text = escapeMarkdown(core);
          if (flags & IS_UNDERLINE) text = `<u>${text}</u>`;
          if (flags & IS_STRIKETHROUGH) text = `~~${text}~~`;
          if (flags & IS_ITALIC) text = `*${text}*`;
          if (flags & IS_BOLD) text = `**${text}**`;
          return lead + text + trail;
        }
        case 'linebreak':
          return '  \n';
        case 'tab':
          return '\t';
        case 'link':
        case 'autolink': {
          const label = inlineMarkdown(node.children);
          const url = node.url ?? '';
          return SAFE_LINK.test(url)
            ? `[${label}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`
            : label;
        }
        default:
          return inlineMarkdown(node.children);
      }
    })
    .join('');
}

function listMarkdown(list: SerializedNode, depth: number): string[] {
  const lines: string[] = [];
  let number = list.start ?? 1;
  for (const item of list.children ?? []) {
    const nested = (item.children ?? []).filter((c) => c.type === 'list');
    const content = inlineMarkdown((item.children ?? []).filter((c) => c.type !== 'list'));
    const indent = '   '.repeat(depth);
    if (content.trim() !== '') {
      const marker =
        list.listType === 'number'
          ? `${number++}.`
          : list.listType === 'check'
            ? `- [${item.checked ? 'x' : ' '}]`
            : '-';
      lines.push(`${indent}${marker} ${content}`);
    }
    for (const child of nested)
      lines.push(...listMarkdown(child, depth + (content.trim() ? 1 : 0)));
  }
  return lines;
}

/** Converts a comment to CommonMark: bold, italic, links, lists, quotes and headings survive. */
export function lexicalToMarkdown(json: string | null): string {
  const root = parseLexicalState(json);
  if (!root) return '';
  const blocks: string[] = [];
  for (const node of root.children ?? []) {
    switch (node.type) {
      case 'list':
        blocks.push(listMarkdown(node, 0).join('\n'));
        break;
      case 'quote':
        blocks.push(
          inlineMarkdown(node.children)
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n'),
        );
        break;
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.tag?.slice(1)) || 3));
        blocks.push(`${'#'.repeat(level)} ${inlineMarkdown(node.children)}`);
        break;
      }
      case 'code':
        blocks.push('```\n' + inlineText(node).replace(/```/g, 'ˋˋˋ') + '\n```');
        break;
      default:
        blocks.push(inlineMarkdown(node.children));
    }
  }
  return blocks
    .filter((block) => block.trim() !== '')
    .join('\n\n')
    .trim();
}
