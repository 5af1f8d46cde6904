// Storage of the scholar's notebook beyond single annotations: the record note, the glossary
// and the people, places and organisations. Statements are prepared once per database.
import type { Database } from 'better-sqlite3';
import type { Entity, EntityKind, GlossaryEntry, RecordNote } from '@shared/model';

interface GlossaryRow {
  id: string;
  term: string;
  term_lang: string;
  rendering_lang: string;
  note: string;
  record_id: string | null;
  annotation_id: string | null;
  created_at: number;
  updated_at: number;
}

interface EntityRow {
  id: string;
  kind: EntityKind;
  note: string;
  created_at: number;
  updated_at: number;
}

function prepare(db: Database) {
  return {
    getNote: db.prepare<
      [string],
      { body_json: string | null; body_text: string; updated_at: number }
    >('SELECT body_json, body_text, updated_at FROM record_notes WHERE record_id = ?'),
    putNote: db.prepare(`
      INSERT INTO record_notes (record_id, body_json, body_text, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (record_id) DO UPDATE SET body_json = excluded.body_json,
        body_text = excluded.body_text, updated_at = excluded.updated_at`),
    glossary: db.prepare<[], GlossaryRow>(
      'SELECT * FROM glossary_entries ORDER BY term COLLATE NOCASE, id',
    ),
    glossaryEntry: db.prepare<[string], GlossaryRow>('SELECT * FROM glossary_entries WHERE id = ?'),
    renderings: db.prepare<[], { entry_id: string; text: string }>(
      'SELECT entry_id, text FROM glossary_renderings ORDER BY entry_id, ordinal',
    ),
    renderingsOf: db.prepare<[string], { text: string }>(
      'SELECT text FROM glossary_renderings WHERE entry_id = ? ORDER BY ordinal',
    ),
    upsertEntry: db.prepare(`
      INSERT INTO glossary_entries (id, term, term_lang, rendering_lang, note, record_id,
        annotation_id, created_at, updated_at)
      VALUES (@id, @term, @termLang, @renderingLang, @note, @recordId, @annotationId,
        @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET term = excluded.term, term_lang = excluded.term_lang,
        rendering_lang = excluded.rendering_lang, note = excluded.note,
        updated_at = excluded.updated_at`),
    deleteRenderings: db.prepare('DELETE FROM glossary_renderings WHERE entry_id = ?'),
    insertRendering: db.prepare(
      'INSERT INTO glossary_renderings (entry_id, ordinal, text) VALUES (?, ?, ?)',
    ),
    deleteEntry: db.prepare('DELETE FROM glossary_entries WHERE id = ?'),
    entities: db.prepare<[], EntityRow>('SELECT * FROM entities ORDER BY kind, id'),
    entity: db.prepare<[string], EntityRow>('SELECT * FROM entities WHERE id = ?'),
    names: db.prepare<[], { entity_id: string; name: string }>(
      'SELECT entity_id, name FROM entity_names ORDER BY entity_id, ordinal',
    ),
    namesOf: db.prepare<[string], { name: string }>(
      'SELECT name FROM entity_names WHERE entity_id = ? ORDER BY ordinal',
    ),
    upsertEntity: db.prepare(`
      INSERT INTO entities (id, kind, note, created_at, updated_at)
      VALUES (@id, @kind, @note, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, note = excluded.note,
        updated_at = excluded.updated_at`),
    deleteNames: db.prepare('DELETE FROM entity_names WHERE entity_id = ?'),
    insertName: db.prepare('INSERT INTO entity_names (entity_id, ordinal, name) VALUES (?, ?, ?)'),
    deleteEntity: db.prepare('DELETE FROM entities WHERE id = ?'),
    mentionIds: db.prepare<[string], { id: string }>(
      'SELECT id FROM annotations WHERE entity_id = ? ORDER BY created_at, id',
    ),
    linkMention: db.prepare('UPDATE annotations SET entity_id = ? WHERE id = ?'),
  };
}

function entryFromRow(row: GlossaryRow, renderings: string[]): GlossaryEntry {
  return {
    id: row.id,
    term: row.term,
    termLang: row.term_lang,
    renderings,
    renderingLang: row.rendering_lang,
    note: row.note,
    recordId: row.record_id,
    annotationId: row.annotation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
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

function grouped<R extends { entry_id?: string; entity_id?: string }>(
  rows: R[],
  key: (row: R) => string,
  value: (row: R) => string,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(value(row));
    map.set(key(row), list);
  }
  return map;
}

export class NotebookRepository {
  private readonly s;

  constructor(private readonly db: Database) {
    this.s = prepare(db);
  }

  recordNote(recordId: string): RecordNote {
    const row = this.s.getNote.get(recordId);
    return {
      recordId,
      body: { json: row?.body_json ?? null, text: row?.body_text ?? '' },
      updatedAt: row?.updated_at ?? null,
    };
  }

  saveRecordNote(note: RecordNote & { updatedAt: number }): void {
    this.s.putNote.run(note.recordId, note.body.json, note.body.text, note.updatedAt);
  }

  glossary(): GlossaryEntry[] {
    const renderings = grouped(
      this.s.renderings.all(),
      (r) => r.entry_id,
      (r) => r.text,
    );
    return this.s.glossary.all().map((row) => entryFromRow(row, renderings.get(row.id) ?? []));
  }

  glossaryEntry(id: string): GlossaryEntry | null {
    const row = this.s.glossaryEntry.get(id);
    return row
      ? entryFromRow(
          row,
          this.s.renderingsOf.all(id).map((r) => r.text),
        )
      : null;
  }

  /** Inserts or overwrites an entry with its renderings, in one transaction. */
  saveGlossaryEntry(entry: GlossaryEntry): void {
    this.db.transaction(() => {
      this.s.upsertEntry.run({ ...entry });
      this.s.deleteRenderings.run(entry.id);
      entry.renderings.forEach((text, i) => this.s.insertRendering.run(entry.id, i, text));
    })();
  }

  deleteGlossaryEntry(id: string): void {
    this.s.deleteEntry.run(id);
  }

  entities(): Entity[] {
    const names = grouped(
      this.s.names.all(),
      (r) => r.entity_id,
      (r) => r.name,
    );
    return this.s.entities.all().map((row) => entityFromRow(row, names.get(row.id) ?? []));
  }

  entity(id: string): Entity | null {
    const row = this.s.entity.get(id);
    return row
      ? entityFromRow(
          row,
          this.s.namesOf.all(id).map((r) => r.name),
        )
      : null;
  }

  /** Inserts or overwrites an entity with its names; links `mentionIds` to it when given. */
  saveEntity(entity: Entity, mentionIds: readonly string[] = []): void {
    this.db.transaction(() => {
      this.s.upsertEntity.run({ ...entity });
      this.s.deleteNames.run(entity.id);
      entity.names.forEach((name, i) => this.s.insertName.run(entity.id, i, name));
      for (const id of mentionIds) this.s.linkMention.run(entity.id, id);
    })();
  }

  mentionIds(entityId: string): string[] {
    return this.s.mentionIds.all(entityId).map((r) => r.id);
  }

  deleteEntity(id: string): void {
    this.s.deleteEntity.run(id);
  }
}

const cache = new WeakMap<Database, NotebookRepository>();

/** The notebook repository of a library (one per database, statements prepared once). */
export function notebookOf(db: Database): NotebookRepository {
  let repository = cache.get(db);
  if (!repository) {
    repository = new NotebookRepository(db);
    cache.set(db, repository);
  }
  return repository;
}
