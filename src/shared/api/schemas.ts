// Schemas reused by several API method groups.
import { z } from 'zod';
import { LIMITS } from './limits';

/** Phantom marker carrying a method's output type; it has no runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

export const id = z.string().trim().min(1, 'must not be empty').max(64, 'is too long');
export const passageId = z.number().int().nonnegative();

export function isLexicalStateJson(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return false;
    const root = (value as { root?: unknown }).root;
    return (
      typeof root === 'object' && root !== null && (root as { type?: unknown }).type === 'root'
    );
  } catch {
    return false;
  }
}

/** Lexical editor state as JSON text, or null for none. */
export const lexicalJson = z
  .string()
  .max(LIMITS.maxCommentJsonChars, 'comment is too long')
  .refine(isLexicalStateJson, 'is not a Lexical editor state');

export const commentInput = z.strictObject({ json: lexicalJson.nullable() });

export const fileInput = z.strictObject({
  name: z.string().min(1).max(1024),
  /** File content, base64-encoded (files may be binary, e.g. .docx). */
  base64: z
    .string()
    .max(Math.ceil((LIMITS.maxImportFileBytes * 4) / 3) + 16, 'file is too large')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
});

export const side = z.enum(['original', 'translation']);
