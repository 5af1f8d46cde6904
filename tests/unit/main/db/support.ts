// Helpers for the database tests, after Signal's: a library brought to exactly one schema
// version (so a migration can be tested on data written before it), and plain row reads.
import type { Database } from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { connect } from '../../../../src/main/db/open';

/** Migrates `db` up to `version` exactly (never past it). */
export function updateToVersion(db: Database, version: number): void {
  if (!MIGRATIONS.some((m) => m.version === version) && version !== 0) {
    throw new Error(`There is no migration ${version}`);
  }
  migrate(db, MIGRATIONS, version);
  if (schemaVersion(db) !== version) throw new Error(`The library is at ${schemaVersion(db)}`);
}

/** A new in-memory library at `version`, connected as the app connects. */
export function libraryAt(version: number): Database {
  const db = connect(':memory:');
  updateToVersion(db, version);
  return db;
}

/** Inserts rows given as objects (column → value) into `table`. */
export function insertRows(db: Database, table: string, rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
  }
}

/** Every row of `table`, ordered by `orderBy`. */
export function tableRows(
  db: Database,
  table: string,
  orderBy = 'rowid',
): Record<string, unknown>[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).all() as Record<
    string,
    unknown
  >[];
}

/** The names of the tables, indexes and triggers the schema has. */
export function schemaNames(db: Database, type: 'table' | 'index' | 'trigger'): string[] {
  return db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all(type) as string[];
}

/** A record as every version since 10 stores it (the columns added later have defaults). */
export function recordRow(
  id: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    title: `Record ${id}`,
    original_lang: 'ru',
    translation_lang: 'en',
    content_hash: `hash-${id}`,
    created_at: 1,
    updated_at: 1,
    ...extra,
  };
}
