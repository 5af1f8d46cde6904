// Storage of people, places and organisations with every name they go by (the first preferred).
// Which annotations mention an entity is the annotations' own field (annotations.entity_id).
import type { Entity, EntityKind } from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';
import { groupValues } from './grouping';

interface EntityRow {
  id: string;
  kind: EntityKind;
  note: string;
  created_at: number;
  updated_at: number;
}

function entityFromRow(row: EntityRow, names: string[]): Entity {
  return {
    id: row.id,
    kind: row.kind,
    names,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createEntitiesRepository(db: LibraryDatabase) {
  const s = prepared({
    all: () => db.prepare<[], EntityRow>('SELECT * FROM entities ORDER BY kind, id'),
    get: () => db.prepare<[string], EntityRow>('SELECT * FROM entities WHERE id = ?'),
    names: () =>
      db.prepare<[], { entity_id: string; name: string }>(
        'SELECT entity_id, name FROM entity_names ORDER BY entity_id, ordinal',
      ),
    namesOf: () =>
      db
        .prepare<[string], string>(
          'SELECT name FROM entity_names WHERE entity_id = ? ORDER BY ordinal',
        )
        .pluck(),
    upsert: () =>
      db.prepare(`
        INSERT INTO entities (id, kind, note, created_at, updated_at)
        VALUES (@id, @kind, @note, @createdAt, @updatedAt)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, note = excluded.note,
          updated_at = excluded.updated_at`),
    deleteNames: () => db.prepare('DELETE FROM entity_names WHERE entity_id = ?'),
    insertName: () =>
      db.prepare('INSERT INTO entity_names (entity_id, ordinal, name) VALUES (?, ?, ?)'),
    delete: () => db.prepare('DELETE FROM entities WHERE id = ?'),
    linkMention: () => db.prepare('UPDATE annotations SET entity_id = ? WHERE id = ?'),
    covers: () =>
      db.prepare<[string, number, number, number], { one: number }>(`
        SELECT 1 AS one FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
        WHERE a.entity_id = ? AND t.passage_id = ? AND t.start <= ? AND t.end > ? LIMIT 1`),
  });

  const save = db.transaction((entity: Entity, mentionIds: readonly string[]) => {
    s.upsert.run({ ...entity });
    s.deleteNames.run(entity.id);
    entity.names.forEach((name, i) => s.insertName.run(entity.id, i, name));
    for (const id of mentionIds) s.linkMention.run(entity.id, id);
  });

  return {
    list(): Entity[] {
      const names = groupValues(
        s.names.all(),
        (r) => r.entity_id,
        (r) => r.name,
      );
      return s.all.all().map((row) => entityFromRow(row, names.get(row.id) ?? []));
    },

    get(id: string): Entity | null {
      const row = s.get.get(id);
      return row ? entityFromRow(row, s.namesOf.all(id)) : null;
    },

    exists(id: string): boolean {
      return s.get.get(id) !== undefined;
    },

    /** Inserts or overwrites an entity with its names; links `mentionIds` to it when given. */
    save(entity: Entity, mentionIds: readonly string[] = []): void {
      save(entity, mentionIds);
    },

    delete(id: string): void {
      s.delete.run(id);
    },

    /** Whether a mention of the entity covers character `offset` of the passage. */
    mentionCovers(entityId: string, passageId: number, offset: number): boolean {
      return s.covers.get(entityId, passageId, offset, offset) !== undefined;
    },
  };
}

export type EntitiesRepository = ReturnType<typeof createEntitiesRepository>;
