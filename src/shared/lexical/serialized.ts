// Reads a serialised Lexical editor state (the JSON stored with every comment) without an
// editor: exporters and search run in the main process and in the CLI, where no editor exists.
// ./visit.ts walks it; ./plain-text.ts, ./markdown.ts and ./html.ts write it out.

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
