// Collections: named sets of records (a course, a chapter). Deleting a collection never touches
// its records, and returns the collection whole so that an undo can put it back.
import type { Collection, CollectionSummary } from '@shared/api/methods/library';
import { ApiError } from '@shared/api/errors';
import { shortId, type AppContext } from '../context';

const collator = new Intl.Collator(['en', 'ru'], { sensitivity: 'base', numeric: true });

export function listCollections(ctx: AppContext): CollectionSummary[] {
  return ctx.collections
    .summaries()
    .sort((a, b) => collator.compare(a.name, b.name) || a.createdAt - b.createdAt);
}

export function getCollection(ctx: AppContext, id: string): Collection {
  const collection = ctx.collections.get(id);
  if (!collection) throw new ApiError('not_found', `There is no collection with id “${id}”.`);
  return collection;
}

/** Refuses ids that name no record in the library (or only one in the trash). */
function requireLiveRecords(ctx: AppContext, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  const live = ctx.records.liveIds(unique);
  const missing = unique.filter((id) => !live.has(id));
  if (missing.length > 0) {
    throw new ApiError(
      'not_found',
      missing.length === 1
        ? `There is no record with id “${missing[0]}” in the library.`
        : `${missing.length} of the records are not in the library (e.g. “${missing[0]}”).`,
    );
  }
  return unique;
}

function newCollectionId(ctx: AppContext): string {
  let id = shortId();
  while (ctx.collections.exists(id)) id = shortId();
  return id;
}

export function createCollection(
  ctx: AppContext,
  name: string,
  recordIds: readonly string[],
): Collection {
  const now = ctx.now();
  const id = newCollectionId(ctx);
  ctx.transaction(() => {
    const members = requireLiveRecords(ctx, recordIds);
    ctx.collections.insert({ id, name, recordIds: [], createdAt: now, updatedAt: now });
    ctx.collections.addMembers(id, members, now);
  });
  return getCollection(ctx, id);
}

export function renameCollection(
  ctx: AppContext,
  id: string,
  name: string,
): { id: string; name: string; previousName: string } {
  const { name: previousName } = getCollection(ctx, id);
  ctx.collections.rename(id, name, ctx.now());
  return { id, name, previousName };
}

/** "Chapter 2 (copy)", then "Chapter 2 (copy 2)"… */
function copyName(ctx: AppContext, name: string): string {
  const names = ctx.collections.names();
  const base = `${name.replace(/ \(copy(?: \d+)?\)$/, '')} (copy`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base})` : `${base} ${n})`;
    if (!names.has(candidate)) return candidate.slice(0, 200);
  }
}

export function duplicateCollection(ctx: AppContext, id: string, name?: string): Collection {
  const source = getCollection(ctx, id);
  const live = ctx.records.liveIds(source.recordIds);
  return createCollection(
    ctx,
    name ?? copyName(ctx, source.name),
    source.recordIds.filter((r) => live.has(r)),
  );
}

export function deleteCollection(ctx: AppContext, id: string): Collection {
  const collection = getCollection(ctx, id);
  ctx.collections.delete(id);
  return collection;
}

export function restoreCollection(ctx: AppContext, collection: Collection): Collection {
  if (ctx.collections.exists(collection.id)) {
    throw new ApiError(
      'invalid_input',
      'This collection already exists; there is nothing to restore.',
    );
  }
  ctx.transaction(() => {
    ctx.collections.insert(collection);
    // Records deleted for good since then cannot come back into it; the rest do.
    const existing = ctx.records.existingIds(collection.recordIds);
    ctx.collections.addMembers(
      collection.id,
      collection.recordIds.filter((r) => existing.has(r)),
      collection.updatedAt,
    );
  });
  return getCollection(ctx, collection.id);
}

export function addToCollection(
  ctx: AppContext,
  id: string,
  recordIds: readonly string[],
): string[] {
  getCollection(ctx, id);
  return ctx.transaction(() => {
    const added = ctx.collections.addMembers(id, requireLiveRecords(ctx, recordIds), ctx.now());
    if (added.length > 0) ctx.collections.touch(id, ctx.now());
    return added;
  });
}

export function removeFromCollection(
  ctx: AppContext,
  id: string,
  recordIds: readonly string[],
): string[] {
  getCollection(ctx, id);
  return ctx.transaction(() => ctx.collections.removeMembers(id, recordIds));
}
