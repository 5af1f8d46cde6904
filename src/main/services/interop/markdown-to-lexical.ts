// Markdown (Hypothesis writes its annotations' text in it) as a comment: paragraphs, headings,
// quotes, bulleted and numbered lists, code, and inline bold, italic, strike-through, code and
// links. Anything else stays literal text: nothing in a note is ever run or rendered as markup.
import { TEXT_FORMAT } from '@shared/lexical/serialized';
import { lexicalFromBlocks, type Block, type Inline } from './lexical-build';

const INLINE_PATTERNS: { re: RegExp; make(m: RegExpExecArray, format: number): Inline[] }[] = [
  { re: /\\([\\`*_{}[\]()#+\-.!~>|])/, make: (m, f) => [{ kind: 'text', text: m[1]!, format: f }] },
  {
    re: /`([^`]+)`/,
    make: (m, f) => [{ kind: 'text', text: m[1]!, format: f | TEXT_FORMAT.code }],
  },
  {
    re: /\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__/,
    make: (m, f) => inline(m[1] ?? m[2]!, f | TEXT_FORMAT.bold),
  },
  { re: /~~(?=\S)([\s\S]*?\S)~~/, make: (m, f) => inline(m[1]!, f | TEXT_FORMAT.strikethrough) },
  {
    re: /\*(?=\S)([^*]*?\S)\*|(?<![\p{L}\p{N}])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/u,
    make: (m, f) => inline(m[1] ?? m[2]!, f | TEXT_FORMAT.italic),
  },
  {
    re: /\[([^\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+"[^"]*")?\s*\)/,
    make: (m, f) => [{ kind: 'link', url: m[2]!, children: inline(m[1]!, f) }],
  },
  {
    re: /<(https?:\/\/[^>\s]+|mailto:[^>\s]+)>/,
    make: (m, f) => [
      { kind: 'link', url: m[1]!, children: [{ kind: 'text', text: m[1]!, format: f }] },
    ],
  },
  {
    re: /https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/,
    make: (m, f) => [
      { kind: 'link', url: m[0], children: [{ kind: 'text', text: m[0], format: f }] },
    ],
  },
  { re: / {2,}\n|\\\n/, make: () => [{ kind: 'break' }] },
];

function inline(text: string, format = 0): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest !== '') {
    let best: {
      index: number;
      match: RegExpExecArray;
      make: (typeof INLINE_PATTERNS)[number]['make'];
    } | null = null;
    for (const pattern of INLINE_PATTERNS) {
      const match = pattern.re.exec(rest);
      if (match && (best === null || match.index < best.index))
        best = { index: match.index, match, make: pattern.make };
    }
    if (!best) {
      out.push({ kind: 'text', text: rest.replace(/\n/g, ' '), format });
      break;
    }
    if (best.index > 0)
      out.push({ kind: 'text', text: rest.slice(0, best.index).replace(/\n/g, ' '), format });
    out.push(...best.make(best.match, format));
    rest = rest.slice(best.index + best.match[0].length);
  }
  return out;
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;

function listBlock(lines: string[]): Block {
  const first = LIST_ITEM.exec(lines[0]!)!;
  const numbered = /\d/.test(first[2]!);
  const items: { children: Inline[]; nested: Block[] }[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const [head, ...more] = current;
    const nestedLines = more.filter((l) => l.trim() !== '');
    const nested =
      nestedLines.length > 0 && LIST_ITEM.test(nestedLines[0]!.trim())
        ? [listBlock(nestedLines.map((l) => l.replace(/^\s{2,4}/, '')))]
        : [];
    const text = nested.length > 0 ? head! : current.join('\n');
    items.push({ children: inline(text.trim()), nested });
    current = [];
  };
  for (const line of lines) {
    const m = LIST_ITEM.exec(line);
    if (m && m[1]!.length === first[1]!.length) {
      flush();
      current.push(m[3]!);
    } else current.push(line);
  }
  flush();
  return {
    kind: 'list',
    listType: numbered ? 'number' : 'bullet',
    start: numbered ? parseInt(first[2]!, 10) || 1 : 1,
    items,
  };
}

/** The Markdown text as a comment's editor state, or null when it holds no text. */
export function markdownToLexical(markdown: string): string | null {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      const fence = line.trim().slice(0, 3);
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence)) code.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        tag: `h${heading[1]!.length}` as 'h1',
        children: inline(heading[2]!),
      });
      i++;
      continue;
    }
    const group: string[] = [];
    if (/^\s*>/.test(line)) {
      while (i < lines.length && /^\s*>/.test(lines[i]!))
        group.push(lines[i++]!.replace(/^\s*>\s?/, ''));
      blocks.push({ kind: 'quote', children: inline(group.join('\n').trim()) });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      while (i < lines.length && lines[i]!.trim() !== '') group.push(lines[i++]!);
      blocks.push(listBlock(group));
      continue;
    }
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !/^\s*(>|#{1,6}\s|```|~~~)/.test(lines[i]!)
    )
      group.push(lines[i++]!);
    blocks.push({ kind: 'paragraph', children: inline(group.join('\n').trim()) });
  }
  return lexicalFromBlocks(blocks);
}
