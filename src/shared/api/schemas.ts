// Schemas reused by several API method groups.
import { z } from 'zod';
import { hasControls, stripControls } from '../text/controls';
import { LIMITS } from './limits';

/** Phantom marker carrying a method's output type; it has no runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

export const id = z.string().trim().min(1, 'must not be empty').max(64, 'is too long');
/**
 * A name a person gives (a title, a collection, a category, a term): trimmed, within `max`
 * characters, and with no control character at all, so no name can act on a terminal or split
 * a line of a report.
 */
export function plainName(max: number, empty = 'must not be empty') {
  return z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `is too long (at most ${max.toLocaleString('en')} characters)`)
    .refine(
      (value) => !hasControls(value),
      'must not hold control characters (ESC, BEL, NUL, tab, line breaks…)',
    );
}

/** Text a person writes (a passage, a note): lines and tabs allowed, no other control character. */
export function plainText(max: number, tooLong: string) {
  return z
    .string()
    .max(max, tooLong)
    .refine(
      (value) => stripControls(value) === value,
      'must not hold control characters other than tab and line breaks (ESC, BEL, NUL…)',
    );
}

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
