// Whose is this note? Notes, replies and glossary entries that came from another member are
// theirs: this library shows them and answers them, but never changes them (undo included).
import { ApiError } from '@shared/api/errors';
import type { AppContext } from '../context';

/** The display name of another member's note's author, or null for a note written here. */
export function authorName(
  ctx: AppContext,
  table: 'note_authors' | 'reply_authors',
  id: string,
): string | null {
  const author = ctx.sharing.authorOf(table, id);
  if (!author) return null;
  const member = ctx.sharing.members(author.shareId).find((m) => m.memberId === author.memberId);
  return member?.name ?? 'another member';
}

/** Refuses a change to a note another member wrote: it is theirs; a reply is the way to answer. */
export function requireOwnNote(ctx: AppContext, annotationId: string): void {
  const name = authorName(ctx, 'note_authors', annotationId);
  if (name !== null)
    throw new ApiError(
      'invalid_input',
      `This note is ${name}’s: only its author can change it. Reply to it instead.`,
    );
}

/** Refuses a change to a reply another member wrote. */
export function requireOwnReply(ctx: AppContext, replyId: string): void {
  const name = authorName(ctx, 'reply_authors', replyId);
  if (name !== null)
    throw new ApiError('invalid_input', `This reply is ${name}’s: only its author can change it.`);
}

/** Refuses a change to a glossary entry another member wrote. */
export function requireOwnGlossaryEntry(ctx: AppContext, entryId: string): void {
  const author = ctx.sharing.authorOf('glossary_authors', entryId);
  if (!author) return;
  const member = ctx.sharing.members(author.shareId).find((m) => m.memberId === author.memberId);
  throw new ApiError(
    'invalid_input',
    `This glossary entry is ${member?.name ?? 'another member'}’s: only its author can change it.`,
  );
}
