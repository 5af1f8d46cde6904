// Renaming, duplicating and deleting records. A deleted record goes to the trash: it stays in
// the database with every note, tag and reply, hidden from the library and from search, until
// it is restored (undo) or purged (by hand, or after TRASH_DAYS).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { TrashedRecord } from '@shared/api/methods/library';
import { ApiError } from '@shared/api/errors';
import type { AppContext } from '../context';

/** Records stay in the trash this long before they are deleted for good. */
export const TRASH_DAYS = 30;
const TRASH_MS = TRASH_DAYS * 24 * 60 * 60 * 1000;

function liveRecord(db: Database, id: string): { title: string } {
  const row = db.prepare('SELECT title, deleted_at FROM records WHERE id = ?').get(id) as
    { title: string; deleted_at: number | null } | undefined;
  if (!row) throw new ApiError('not_found', `There is no record with id “${id}”.`);
  if (row.deleted_at !== null) {
    throw new ApiError('not_found', `The record “${row.title}” is in the trash; restore it first.`);
  }
  return row;
}

export function renameRecord(
  ctx: AppContext,
  id: string,
  title: string,
): { id: string; title: string; previousTitle: string } {
  const { title: previousTitle } = liveRecord(ctx.db, id);
  ctx.db
    .prepare('UPDATE records SET title = ?, updated_at = ? WHERE id = ?')
    .run(title, ctx.now(), id);
  return { id, title, previousTitle };
}

/** Ids of the records among `ids` whose state is as wanted, or an error naming the others. */
function requireState(db: Database, ids: readonly string[], trashed: boolean): string[] {
  const unique = [...new Set(ids)];
  const rows = db
    .prepare('SELECT id, deleted_at FROM records WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(unique)) as { id: string; deleted_at: number | null }[];
  const found = new Map(rows.map((r) => [r.id, r.deleted_at !== null]));
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
  return ctx.db.transaction(() => {
    const live = requireState(ctx.db, ids, false);
    const trash = ctx.db.prepare('UPDATE records SET deleted_at = ? WHERE id = ?');
    const now = ctx.now();
    for (const id of live) trash.run(now, id);
    return live;
  })();
}

export function restoreRecords(ctx: AppContext, ids: readonly string[]): string[] {
  return ctx.db.transaction(() => {
    const trashed = requireState(ctx.db, ids, true);
    const restore = ctx.db.prepare('UPDATE records SET deleted_at = NULL WHERE id = ?');
    for (const id of trashed) restore.run(id);
    return trashed;
  })();
}

export function purgeRecords(ctx: AppContext, ids: readonly string[]): string[] {
  return ctx.db.transaction(() => {
    const trashed = requireState(ctx.db, ids, true);
    const purge = ctx.db.prepare('DELETE FROM records WHERE id = ?');
    for (const id of trashed) purge.run(id);
    return trashed;
  })();
}

export function listTrash(db: Database): TrashedRecord[] {
  const rows = db
    .prepare(
      `SELECT id, title, date, deleted_at FROM records WHERE deleted_at IS NOT NULL
       ORDER BY deleted_at DESC, title`,
    )
    .all() as { id: string; title: string; date: string | null; deleted_at: number }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    date: r.date,
    deletedAt: r.deleted_at,
    purgeAt: r.deleted_at + TRASH_MS,
  }));
}

export function trashCount(db: Database): number {
  return db
    .prepare('SELECT count(*) FROM records WHERE deleted_at IS NOT NULL')
    .pluck()
    .get() as number;
}

/** Deletes for good the records that have been in the trash longer than TRASH_DAYS. */
export function purgeExpired(db: Database, now: number): number {
  return db
    .prepare('DELETE FROM records WHERE deleted_at IS NOT NULL AND deleted_at < ?')
    .run(now - TRASH_MS).changes;
}

// ---------- Duplicating ----------

type Row = Record<string, unknown>;

function tableExists(db: Database, table: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !==
    undefined
  );
}

/**
 * Inserts rows into `table` with the columns the table has now (so columns other features add
 * are copied too), leaving out `omit` (ids the database assigns). Table and column names come
 * from the schema itself, never from input.
 */
function inserter(db: Database, table: string, omit: readonly string[] = []): (row: Row) => number {
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !omit.includes(c));
  const statement = db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  return (row) => {
    const values: Row = {};
    for (const c of columns) values[c] = row[c] ?? null;
    return Number(statement.run(values).lastInsertRowid);
  };
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
  const { db } = ctx;
  const source = liveRecord(db, id);
  const newId = ctx.newRecordId();
  const newTitle = title ?? copyName(source.title);
  const now = ctx.now();
  const all = (sql: string, ...params: unknown[]): Row[] => db.prepare(sql).all(...params) as Row[];

  db.transaction(() => {
    const record = all('SELECT * FROM records WHERE id = ?', id)[0]!;
    inserter(
      db,
      'records',
    )({
      ...record,
      id: newId,
      title: newTitle,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });

    const passageIds = new Map<unknown, number>();
    const insertPassage = inserter(db, 'passages', ['id']);
    for (const p of all('SELECT * FROM passages WHERE record_id = ? ORDER BY id', id)) {
      passageIds.set(p['id'], insertPassage({ ...p, record_id: newId }));
    }

    // Alignment rows and their members, at both levels, follow the passages' new ids.
    const copyGroups = (groups: string, members: string): void => {
      const groupIds = new Map<unknown, number>();
      const insertGroup = inserter(db, groups, ['id']);
      for (const g of all(`SELECT * FROM ${groups} WHERE record_id = ? ORDER BY id`, id)) {
        groupIds.set(g['id'], insertGroup({ ...g, record_id: newId }));
      }
      const insertMember = inserter(db, members);
      for (const m of all(
        `SELECT m.* FROM ${members} m JOIN ${groups} g ON g.id = m.group_id WHERE g.record_id = ?`,
        id,
      )) {
        insertMember({
          ...m,
          passage_id: passageIds.get(m['passage_id']),
          group_id: groupIds.get(m['group_id']),
        });
      }
    };
    copyGroups('alignment_groups', 'alignment_members');
    if (tableExists(db, 'sentence_groups')) copyGroups('sentence_groups', 'sentence_members');

    const annotationIds = new Map<string, string>();
    const insertAnnotation = inserter(db, 'annotations');
    for (const a of all(
      'SELECT * FROM annotations WHERE record_id = ? ORDER BY created_at, id',
      id,
    )) {
      const copy = randomUUID();
      annotationIds.set(a['id'] as string, copy);
      insertAnnotation({ ...a, id: copy, record_id: newId });
    }
    const annotationOf = (row: Row): string | undefined =>
      annotationIds.get(row['annotation_id'] as string);
    const insertTarget = inserter(db, 'annotation_targets', ['id']);
    for (const t of all(
      `SELECT t.* FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
       WHERE a.record_id = ? ORDER BY t.id`,
      id,
    )) {
      insertTarget({
        ...t,
        annotation_id: annotationOf(t),
        passage_id: t['passage_id'] === null ? null : (passageIds.get(t['passage_id']) ?? null),
      });
    }
    const insertTag = inserter(db, 'annotation_tags');
    for (const g of all(
      `SELECT g.* FROM annotation_tags g JOIN annotations a ON a.id = g.annotation_id
       WHERE a.record_id = ?`,
      id,
    )) {
      insertTag({ ...g, annotation_id: annotationOf(g) });
    }
    const insertReply = inserter(db, 'annotation_replies');
    for (const r of all(
      `SELECT y.* FROM annotation_replies y JOIN annotations a ON a.id = y.annotation_id
       WHERE a.record_id = ? ORDER BY y.created_at`,
      id,
    )) {
      insertReply({ ...r, id: randomUUID(), annotation_id: annotationOf(r) });
    }

    // The record's own note may cite its annotations by id: point it at the copies.
    for (const n of all('SELECT * FROM record_notes WHERE record_id = ?', id)) {
      let json = n['body_json'] as string | null;
      if (json) for (const [from, to] of annotationIds) json = json.split(from).join(to);
      inserter(db, 'record_notes')({ ...n, record_id: newId, body_json: json });
    }
    if (tableExists(db, 'record_imports')) {
      const insertImport = inserter(db, 'record_imports', ['id']);
      for (const i of all('SELECT * FROM record_imports WHERE record_id = ? ORDER BY id', id)) {
        insertImport({ ...i, record_id: newId });
      }
    }
  })();
  return { id: newId, title: newTitle };
}
