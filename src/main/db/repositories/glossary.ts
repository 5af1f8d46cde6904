// Storage of the glossary: original terms with their renderings in the translation, in order.
import type { GlossaryEntry } from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';
import { groupValues } from './grouping';

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

export function createGlossaryRepository(db: LibraryDatabase) {
  const s = prepared({
    all: () =>
      db.prepare<[], GlossaryRow>(
        'SELECT * FROM glossary_entries ORDER BY term COLLATE NOCASE, id',
      ),
    get: () => db.prepare<[string], GlossaryRow>('SELECT * FROM glossary_entries WHERE id = ?'),
    renderings: () =>
      db.prepare<[], { entry_id: string; text: string }>(
        'SELECT entry_id, text FROM glossary_renderings ORDER BY entry_id, ordinal',
      ),
    renderingsOf: () =>
      db
        .prepare<[string], string>(
          'SELECT text FROM glossary_renderings WHERE entry_id = ? ORDER BY ordinal',
        )
        .pluck(),
    upsert: () =>
      db.prepare(`
        INSERT INTO glossary_entries (id, term, term_lang, rendering_lang, note, record_id,
          annotation_id, created_at, updated_at)
        VALUES (@id, @term, @termLang, @renderingLang, @note, @recordId, @annotationId,
          @createdAt, @updatedAt)
        ON CONFLICT (id) DO UPDATE SET term = excluded.term, term_lang = excluded.term_lang,
          rendering_lang = excluded.rendering_lang, note = excluded.note,
          updated_at = excluded.updated_at`),
    deleteRenderings: () => db.prepare('DELETE FROM glossary_renderings WHERE entry_id = ?'),
    insertRendering: () =>
      db.prepare('INSERT INTO glossary_renderings (entry_id, ordinal, text) VALUES (?, ?, ?)'),
    delete: () => db.prepare('DELETE FROM glossary_entries WHERE id = ?'),
  });

  const save = db.transaction((entry: GlossaryEntry) => {
    s.upsert.run({ ...entry });
    s.deleteRenderings.run(entry.id);
    entry.renderings.forEach((text, i) => s.insertRendering.run(entry.id, i, text));
  });

  return {
    /** Every entry, by term. */
    list(): GlossaryEntry[] {
      const renderings = groupValues(
        s.renderings.all(),
        (r) => r.entry_id,
        (r) => r.text,
      );
      return s.all.all().map((row) => entryFromRow(row, renderings.get(row.id) ?? []));
    },

    get(id: string): GlossaryEntry | null {
      const row = s.get.get(id);
      return row ? entryFromRow(row, s.renderingsOf.all(id)) : null;
    },

    /** Inserts or overwrites an entry with its renderings, in one transaction. */
    save(entry: GlossaryEntry): void {
      save(entry);
    },

    delete(id: string): void {
      s.delete.run(id);
    },
  };
}

export type GlossaryRepository = ReturnType<typeof createGlossaryRepository>;
