// What the catalogue reads about every record in the library in a handful of queries: the
// record's own fields with its notes count and cited archives (record_citations), its notes'
// tags, and the people and places its notes name.
import { prepared, type LibraryDatabase } from '../statements';

export interface CatalogueRecordRow {
  id: string;
  title: string;
  date: string | null;
  type: string | null;
  /** JSON arrays, as the record_citations trigger stored them. */
  archives: string | null;
  fonds: string | null;
  original_lang: string;
  translation_lang: string;
  created_at: number;
  note_count: number;
}

export function createCatalogueRepository(db: LibraryDatabase) {
  const s = prepared({
    records: () =>
      db.prepare<[], CatalogueRecordRow>(
        `SELECT r.id, r.title, r.date, r.type, c.archives, c.fonds, r.original_lang,
           r.translation_lang, r.created_at, coalesce(n.count, 0) AS note_count
         FROM records r
         LEFT JOIN record_citations c ON c.record_id = r.id
         LEFT JOIN (SELECT record_id, count(*) AS count FROM annotations GROUP BY record_id) n
           ON n.record_id = r.id
         WHERE r.deleted_at IS NULL`,
      ),
    tags: () =>
      db.prepare<[], { record_id: string; tag: string }>(
        `SELECT DISTINCT a.record_id, g.tag FROM annotation_tags g
         JOIN annotations a ON a.id = g.annotation_id`,
      ),
    entities: () =>
      db.prepare<[], { record_id: string; id: string; kind: string; name: string | null }>(
        `SELECT DISTINCT a.record_id, e.id, e.kind,
           (SELECT name FROM entity_names WHERE entity_id = e.id ORDER BY ordinal LIMIT 1) AS name
         FROM annotations a JOIN entities e ON e.id = a.entity_id
         WHERE e.kind IN ('person', 'place')`,
      ),
    unlinkedNames: () =>
      db.prepare<[], { record_id: string; category_id: string; quote: string | null }>(
        `SELECT a.record_id, a.category_id,
           (SELECT group_concat(exact, ' ') FROM annotation_targets t WHERE t.annotation_id = a.id
            AND t.ordinal = 0) AS quote
         FROM annotations a
         WHERE a.category_id IN ('person', 'place') AND a.entity_id IS NULL`,
      ),
  });

  return {
    /** Every record in the library (not the trash) with its notes count and citations. */
    records: (): CatalogueRecordRow[] => s.records.all(),
    /** Each distinct tag of each record's notes. */
    tags: () => s.tags.all(),
    /** People and places (with their preferred name) that each record's notes mention. */
    mentionedEntities: () => s.entities.all(),
    /** Person and place notes linked to no entity, with the quote of their first span. */
    unlinkedNames: () => s.unlinkedNames.all(),
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
