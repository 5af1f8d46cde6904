// Tags as a user means them: tidied, deduplicated ignoring case, bounded in length and number.
import { ApiError } from '@shared/api/errors';

export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 32;

/**
 * Tidies tags as a user means them: blank space collapsed, a leading "#" dropped, duplicates
 * (ignoring case) removed, first spelling kept. Refuses tags that are too long or too many.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^#+/, '').trim();
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) {
      throw new ApiError(
        'invalid_input',
        `The tag “${tag.slice(0, 20)}…” is too long (at most ${MAX_TAG_LENGTH} characters).`,
        [{ path: 'tags', message: 'tag too long' }],
      );
    }
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  if (result.length > MAX_TAGS) {
    throw new ApiError('invalid_input', `An annotation can carry at most ${MAX_TAGS} tags.`, [
      { path: 'tags', message: 'too many tags' },
    ]);
  }
  return result;
}
