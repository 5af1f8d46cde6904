// Storage of collections: named sets of records (a course, a chapter) and their members.
import type { Collection, CollectionSummary } from '@shared/api/methods/library';
import { prepared, type LibraryDatabase } from '../statements';

interface CollectionRow {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

export function createCollectionsRepository(db: LibraryDatabase) {
  const s = prepared({
    summaries: () =>
      db.prepare<[], { id: string; name: string; created_at: number; count: number }>(
        `SELECT c.id, c.name, c.created_at,
           (SELECT count(*) FROM collection_records m JOIN records r ON r.id = m.record_id
            WHERE m.collection_id = c.id AND r.deleted_at IS NULL) AS count
         FROM collections c`,
      ),
    get: () => db.prepare<[string], CollectionRow>('SELECT * FROM collections WHERE id = ?'),
    names: () => db.prepare<[], string>('SELECT name FROM collections').pluck(),
    members: () =>
      db
        .prepare<[string], string>(
          'SELECT record_id FROM collection_records WHERE collection_id = ? ORDER BY added_at, record_id',
        )
        .pluck(),
    insert: () =>
      db.prepare('INSERT INTO collections (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    rename: () => db.prepare('UPDATE collections SET name = ?, updated_at = ? WHERE id = ?'),
    touch: () => db.prepare('UPDATE collections SET updated_at = ? WHERE id = ?'),
    delete: () => db.prepare('DELETE FROM collections WHERE id = ?'),
    addMember: () =>
      db.prepare(
        'INSERT OR IGNORE INTO collection_records (collection_id, record_id, added_at) VALUES (?, ?, ?)',
      ),
    removeMember: () =>
      db.prepare('DELETE FROM collection_records WHERE collection_id = ? AND record_id = ?'),
  });

  return {
    /** Every collection with how many records of the library (not the trash) it holds. */
    summaries(): CollectionSummary[] {
      return s.summaries.all().map((r) => ({
        id: r.id,
        name: r.name,
        count: r.count,
        createdAt: r.created_at,
      }));
    },

    /** A collection with its members in the order they were added, or null. */
    get(id: string): Collection | null {
      const row = s.get.get(id);
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        recordIds: s.members.all(id),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },

    exists(id: string): boolean {
      return s.get.get(id) !== undefined;
    },

    /** The ids of the records in a collection. */
    memberIds(id: string): Set<string> {
      return new Set(s.members.all(id));
    },

    names(): Set<string> {
      return new Set(s.names.all());
    },

    /** Stores a collection and its members (records that exist); the caller holds a transaction. */
    insert(collection: Collection): void {
      s.insert.run(collection.id, collection.name, collection.createdAt, collection.updatedAt);
    },

    rename(id: string, name: string, now: number): void {
      s.rename.run(name, now, id);
    },

    touch(id: string, now: number): void {
      s.touch.run(now, id);
    },

    delete(id: string): void {
      s.delete.run(id);
    },

    /** Adds records to a collection; returns those that were not in it already. */
    addMembers(id: string, recordIds: readonly string[], now: number): string[] {
      return recordIds.filter((recordId) => s.addMember.run(id, recordId, now).changes > 0);
    },

    /** Takes records out of a collection; returns those that were in it. */
    removeMembers(id: string, recordIds: readonly string[]): string[] {
      return [...new Set(recordIds)].filter(
        (recordId) => s.removeMember.run(id, recordId).changes > 0,
      );
    },
  };
}

export type CollectionsRepository = ReturnType<typeof createCollectionsRepository>;
