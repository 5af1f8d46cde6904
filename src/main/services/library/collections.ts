// Collections: named sets of records (a course, a chapter). Deleting a collection never touches
// its records, and returns the collection whole so that an undo can put it back.
import type { Database } from 'better-sqlite3';
import type { Collection, CollectionSummary } from '@shared/api/methods/library';
import { ApiError } from '@shared/api/errors';
import { shortId, type AppContext } from '../context';

const collator = new Intl.Collator(['en', 'ru'], { sensitivity: 'base', numeric: true });

interface CollectionRow {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

export function listCollections(db: Database): CollectionSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.created_at,
         (SELECT count(*) FROM collection_records m JOIN records r ON r.id = m.record_id
          WHERE m.collection_id = c.id AND r.deleted_at IS NULL) AS count
       FROM collections c`,
    )
    .all() as { id: string; name: string; created_at: number; count: number }[];
  return rows
    .map((r) => ({ id: r.id, name: r.name, count: r.count, createdAt: r.created_at }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.createdAt - b.createdAt);
}

export function collectionMembers(db: Database, id: string): Set<string> {
  return new Set(
    db
      .prepare('SELECT record_id FROM collection_records WHERE collection_id = ?')
      .pluck()
      .all(id) as string[],
  );
}

function requireCollection(db: Database, id: string): CollectionRow {
  const row = db.prepare('SELECT * FROM collections WHERE id = ?').get(id) as
    CollectionRow | undefined;
  if (!row) throw new ApiError('not_found', `There is no collection with id “${id}”.`);
  return row;
}

export function getCollection(db: Database, id: string): Collection {
  const row = requireCollection(db, id);
  const recordIds = db
    .prepare(
      'SELECT record_id FROM collection_records WHERE collection_id = ? ORDER BY added_at, record_id',
    )
    .pluck()
    .all(id) as string[];
  return {
    id: row.id,
    name: row.name,
    recordIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Refuses ids that name no record in the library (or only one in the trash). */
function requireLiveRecords(db: Database, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  const live = new Set(
    db
      .prepare(
        `SELECT id FROM records WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(JSON.stringify(unique)) as string[],
  );
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

function newCollectionId(db: Database): string {
  const exists = db.prepare('SELECT 1 FROM collections WHERE id = ?');
  let id = shortId();
  while (exists.get(id)) id = shortId();
  return id;
}

function insertMembers(
  db: Database,
  id: string,
  recordIds: readonly string[],
  now: number,
): string[] {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO collection_records (collection_id, record_id, added_at) VALUES (?, ?, ?)',
  );
  return recordIds.filter((recordId) => insert.run(id, recordId, now).changes > 0);
}

export function createCollection(
  ctx: AppContext,
  name: string,
  recordIds: readonly string[],
): Collection {
  const now = ctx.now();
  const id = newCollectionId(ctx.db);
  ctx.db.transaction(() => {
    const members = requireLiveRecords(ctx.db, recordIds);
    ctx.db
      .prepare('INSERT INTO collections (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(id, name, now, now);
    insertMembers(ctx.db, id, members, now);
  })();
  return getCollection(ctx.db, id);
}

export function renameCollection(
  ctx: AppContext,
  id: string,
  name: string,
): { id: string; name: string; previousName: string } {
  const row = requireCollection(ctx.db, id);
  ctx.db
    .prepare('UPDATE collections SET name = ?, updated_at = ? WHERE id = ?')
    .run(name, ctx.now(), id);
  return { id, name, previousName: row.name };
}

/** "Chapter 2 (copy)", then "Chapter 2 (copy 2)"… */
function copyName(db: Database, name: string): string {
  const names = new Set(db.prepare('SELECT name FROM collections').pluck().all() as string[]);
  const base = `${name.replace(/ \(copy(?: \d+)?\)$/, '')} (copy`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base})` : `${base} ${n})`;
    if (!names.has(candidate)) return candidate.slice(0, 200);
  }
}

export function duplicateCollection(ctx: AppContext, id: string, name?: string): Collection {
  const source = getCollection(ctx.db, id);
  const live = source.recordIds.filter((r) =>
    ctx.db.prepare('SELECT 1 FROM records WHERE id = ? AND deleted_at IS NULL').get(r),
  );
  return createCollection(ctx, name ?? copyName(ctx.db, source.name), live);
}

export function deleteCollection(ctx: AppContext, id: string): Collection {
  const collection = getCollection(ctx.db, id);
  ctx.db.prepare('DELETE FROM collections WHERE id = ?').run(id);
  return collection;
}

export function restoreCollection(ctx: AppContext, collection: Collection): Collection {
  if (ctx.db.prepare('SELECT 1 FROM collections WHERE id = ?').get(collection.id)) {
    throw new ApiError(
      'invalid_input',
      'This collection already exists; there is nothing to restore.',
    );
  }
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO collections (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(collection.id, collection.name, collection.createdAt, collection.updatedAt);
    // Records deleted for good since then cannot come back into it; the rest do.
    const existing = new Set(
      ctx.db
        .prepare('SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(JSON.stringify(collection.recordIds)) as string[],
    );
    insertMembers(
      ctx.db,
      collection.id,
      collection.recordIds.filter((r) => existing.has(r)),
      collection.updatedAt,
    );
  })();
  return getCollection(ctx.db, collection.id);
}

export function addToCollection(
  ctx: AppContext,
  id: string,
  recordIds: readonly string[],
): string[] {
  requireCollection(ctx.db, id);
  return ctx.db.transaction(() => {
    const added = insertMembers(ctx.db, id, requireLiveRecords(ctx.db, recordIds), ctx.now());
    if (added.length > 0) {
      ctx.db.prepare('UPDATE collections SET updated_at = ? WHERE id = ?').run(ctx.now(), id);
    }
    return added;
  })();
}

export function removeFromCollection(
  ctx: AppContext,
  id: string,
  recordIds: readonly string[],
): string[] {
  requireCollection(ctx.db, id);
  const remove = ctx.db.prepare(
    'DELETE FROM collection_records WHERE collection_id = ? AND record_id = ?',
  );
  return ctx.db.transaction(() =>
    [...new Set(recordIds)].filter((recordId) => remove.run(id, recordId).changes > 0),
  )();
}
