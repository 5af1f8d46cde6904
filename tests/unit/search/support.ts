// Helpers for the search tests: notes written straight into the tables (as any feature's write
// would be), and a snapshot of the index to compare an incrementally kept index with a rebuilt one.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { TestContext as AppContext } from '../support/context';

export interface NoteSpec {
  recordId: string;
  passageId: number;
  /** The words to mark; the first occurrence in the passage. */
  exact: string;
  comment?: string;
  category?: string;
  tags?: string[];
  replies?: string[];
}

/** Writes an annotation with one target (and its tags and replies) as plain rows. */
export function addNote(ctx: AppContext, spec: NoteSpec): string {
  const passage = ctx.db
    .prepare('SELECT side, ordinal, text FROM passages WHERE id = ?')
    .get(spec.passageId) as { side: string; ordinal: number; text: string };
  const start = passage.text.indexOf(spec.exact);
  if (start < 0) throw new Error(`“${spec.exact}” is not in passage ${spec.passageId}`);
  const id = randomUUID();
  const now = ctx.now();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO annotations (id, record_id, category_id, comment_json, comment_text, created_at, updated_at)
         VALUES (?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(id, spec.recordId, spec.category ?? 'note', spec.comment ?? '', now, now);
    ctx.db
      .prepare(
        `INSERT INTO annotation_targets (annotation_id, ordinal, passage_id, side, passage_index,
           exact, prefix, suffix, start, end, orphaned)
         VALUES (?, 0, ?, ?, ?, ?, '', '', ?, ?, 0)`,
      )
      .run(
        id,
        spec.passageId,
        passage.side,
        passage.ordinal,
        spec.exact,
        start,
        start + spec.exact.length,
      );
    for (const tag of spec.tags ?? []) {
      ctx.db.prepare('INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)').run(id, tag);
    }
    for (const text of spec.replies ?? []) {
      ctx.db
        .prepare(
          `INSERT INTO annotation_replies (id, annotation_id, body_json, body_text, created_at, updated_at)
           VALUES (?, ?, '{}', ?, ?, ?)`,
        )
        .run(randomUUID(), id, text, now, now);
    }
  })();
  return id;
}

/** The id of a record's passage on `side` that contains `text`. */
export function passageWith(db: Database, recordId: string, side: string, text: string): number {
  const row = db
    .prepare(
      `SELECT id FROM passages WHERE record_id = ? AND side = ? AND instr(text, ?) > 0 ORDER BY ordinal`,
    )
    .get(recordId, side, text) as { id: number } | undefined;
  if (!row) throw new Error(`no ${side} passage with “${text}”`);
  return row.id;
}

/**
 * Everything the index holds, keyed by what each document is (not by its rowid, which differs
 * between an index kept up to date and a rebuilt one): kind, source, language and, per column,
 * every token at its position.
 */
export function indexSnapshot(db: Database): Map<string, string> {
  db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab('main', 'search_fts', 'instance')`,
  );
  const docs = db.prepare('SELECT * FROM search_docs').all() as {
    id: number;
    kind: string;
    record_id: string;
    passage_id: number | null;
    annotation_id: string | null;
    lang: string | null;
  }[];
  const tokens = new Map<number, string[]>();
  for (const row of db
    .prepare('SELECT doc, col, offset, term FROM temp.search_vocab ORDER BY doc, col, offset')
    .all() as { doc: number; col: string; offset: number; term: string }[]) {
    const list = tokens.get(row.doc) ?? [];
    list.push(`${row.col}@${row.offset}=${row.term}`);
    tokens.set(row.doc, list);
  }
  const snapshot = new Map<string, string>();
  for (const doc of docs) {
    const key = `${doc.kind}:${doc.record_id}:${doc.passage_id ?? ''}:${doc.annotation_id ?? ''}`;
    snapshot.set(key, `${doc.lang ?? '-'} | ${(tokens.get(doc.id) ?? []).join(' ')}`);
  }
  // Index rows without a document would be invisible garbage: count them too.
  const orphans = [...tokens.keys()].filter((id) => !docs.some((d) => d.id === id));
  snapshot.set('orphan index rows', String(orphans.length));
  return snapshot;
}

export interface RecordSpec {
  title: string;
  date?: string | null;
  type?: string | null;
  source?: string | null;
  summary?: string | null;
  /** Russian passages and their English counterparts, aligned one to one. */
  ru: string[];
  en: string[];
}

/** Stores a record through the repository (the path every importer takes). */
export function addRecord(ctx: AppContext, spec: RecordSpec): string {
  const id = ctx.newRecordId();
  const rows = Math.max(spec.ru.length, spec.en.length);
  ctx.records.insert({
    meta: {
      id,
      title: spec.title,
      date: spec.date ?? null,
      recordId: null,
      type: spec.type ?? null,
      source: spec.source ?? null,
      rights: null,
      summary: spec.summary ?? null,
      url: null,
      uploaded: null,
      translator: null,
      contributor: null,
    },
    contentHash: randomUUID(),
    original: { lang: 'ru', paragraphs: spec.ru },
    translation: { lang: 'en', paragraphs: spec.en },
    alignment: Array.from({ length: rows }, (_, i) => ({
      original: i < spec.ru.length ? [i] : [],
      translation: i < spec.en.length ? [i] : [],
      confidence: 0.9,
      confirmed: false,
    })),
    now: ctx.now(),
  });
  return id;
}
