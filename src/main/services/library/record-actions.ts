// Renaming, duplicating and deleting records. A deleted record goes to the trash: it stays in
// the database with every note, tag and reply, hidden from the library and from search, until
// it is restored (undo) or purged (by hand, or after TRASH_DAYS).
import { randomUUID } from 'node:crypto';
import type { TrashedRecord } from '@shared/api/methods/library';
import { ApiError } from '@shared/api/errors';
import type { AppContext } from '../context';
import { requireLiveRecord } from './require-record';

/** Records stay in the trash this long before they are deleted for good. */
export const TRASH_DAYS = 30;
const TRASH_MS = TRASH_DAYS * 24 * 60 * 60 * 1000;

export function renameRecord(
  ctx: AppContext,
  id: string,
  title: string,
): { id: string; title: string; previousTitle: string } {
  const { title: previousTitle } = requireLiveRecord(ctx, id);
  ctx.records.rename(id, title, ctx.now());
  return { id, title, previousTitle };
}

/** Ids of the records among `ids` whose state is as wanted, or an error naming the others. */
function requireState(ctx: AppContext, ids: readonly string[], trashed: boolean): string[] {
  const unique = [...new Set(ids)];
  const found = ctx.records.trashStates(unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ApiError(
      'not_found',
      `There is no record with id “${missing[0]}”; nothing was changed.`,
    );
  }
  const wrong = unique.filter((id) => found.get(id) !== trashed);
  if (wrong.length > 0) {
    throw new ApiError(
      'invalid_input',
      trashed
        ? `The record “${wrong[0]}” is not in the trash; nothing was changed.`
        : `The record “${wrong[0]}” is already in the trash; nothing was changed.`,
    );
  }
  return unique;
}

export function trashRecords(ctx: AppContext, ids: readonly string[]): string[] {
  return ctx.transaction(() => {
    const live = requireState(ctx, ids, false);
    ctx.records.setTrashed(live, ctx.now());
    return live;
  });
}

export function restoreRecords(ctx: AppContext, ids: readonly string[]): string[] {
  return ctx.transaction(() => {
    const trashed = requireState(ctx, ids, true);
    ctx.records.setTrashed(trashed, null);
    return trashed;
  });
}

export function purgeRecords(ctx: AppContext, ids: readonly string[]): string[] {
  return ctx.transaction(() => {
    const trashed = requireState(ctx, ids, true);
    ctx.records.delete(trashed);
    return trashed;
  });
}

export function listTrash(ctx: AppContext): TrashedRecord[] {
  return ctx.records.trashed().map((r) => ({ ...r, purgeAt: r.deletedAt + TRASH_MS }));
}

/** Deletes for good the records that have been in the trash longer than TRASH_DAYS. */
export function purgeExpired(ctx: AppContext, now: number): number {
  return ctx.records.purgeTrashedBefore(now - TRASH_MS);
}

function copyName(title: string): string {
  return `${title} (copy)`.slice(0, 1000);
}

/**
 * Copies a record with everything that belongs to it: passages, alignment (paragraph and
 * sentence rows), notes with their targets, tags and replies, the record's own note, and its
 * import history. The copy starts outside every collection.
 */
export function duplicateRecord(
  ctx: AppContext,
  id: string,
  title?: string,
): { id: string; title: string } {
  const source = requireLiveRecord(ctx, id);
  const newId = ctx.newRecordId();
  const newTitle = title ?? copyName(source.title);
  const now = ctx.now();

  ctx.transaction(() => {
    const passages = ctx.records.copy(id, newId, newTitle, now);
    const passageIds = new Map<number, number>();
    for (const side of ['original', 'translation'] as const) {
      passages.from[side].forEach((from, i) => passageIds.set(from, passages.to[side][i]!));
    }
    const moved = (passageId: number): number => passageIds.get(passageId)!;

    // Sentence rows follow the passages' new ids.
    ctx.alignment.replaceSentenceGroups(
      newId,
      ctx.alignment.sentenceGroups(id).map((group) => ({
        ...group,
        original: group.original.map((s) => ({ ...s, passageId: moved(s.passageId) })),
        translation: group.translation.map((s) => ({ ...s, passageId: moved(s.passageId) })),
      })),
      now,
    );

    const annotationIds = new Map<string, string>();
    for (const annotation of ctx.annotations.listByRecord(id)) {
      const copy = randomUUID();
      annotationIds.set(annotation.id, copy);
      ctx.annotations.insert({
        ...annotation,
        id: copy,
        recordId: newId,
        targets: annotation.targets.map((target) => ({
          ...target,
          passageId: target.passageId === null ? null : (passageIds.get(target.passageId) ?? null),
        })),
        replies: annotation.replies.map((reply) => ({
          ...reply,
          id: randomUUID(),
          annotationId: copy,
        })),
      });
    }

    // The record's own note may cite its annotations by id: point it at the copies.
    if (ctx.recordNotes.exists(id)) {
      const note = ctx.recordNotes.get(id);
      let json = note.body.json;
      if (json) for (const [from, to] of annotationIds) json = json.split(from).join(to);
      ctx.recordNotes.save({
        recordId: newId,
        body: { json, text: note.body.text },
        updatedAt: note.updatedAt!,
      });
    }
    ctx.importHistory.copy(id, newId);
  });
  return { id: newId, title: newTitle };
}
