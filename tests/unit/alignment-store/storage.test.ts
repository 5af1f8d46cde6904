import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { migrate, schemaVersion } from '../../../src/main/db/migrate';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { importSample, memoryContext } from '../support/context';
import { call } from './support';

const count = (db: Database.Database, table: string): number =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('storage of sentence rows (migration 20)', () => {
  it('adds strict tables to a library of the previous version', () => {
    const db = openDatabase(':memory:');
    // A fresh library has them; one migrated only to version 10 does not, until migrated.
    const old = new Database(':memory:');
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS, 10);
    const tables = (d: Database.Database) =>
      d
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sentence_%'",
        )
        .all() as { name: string; sql: string }[];
    expect(tables(old)).toEqual([]);
    migrate(old);
    expect(schemaVersion(old)).toBe(MIGRATIONS.at(-1)!.version);
    for (const d of [db, old]) {
      const found = tables(d);
      expect(found.map((t) => t.name).sort()).toEqual(['sentence_groups', 'sentence_members']);
      for (const table of found) expect(table.sql).toMatch(/STRICT$/);
    }
  });

  it('finds a record’s rows by index and forgets them with the record', async () => {
    const ctx = memoryContext();
    const recordId = await importSample(ctx);
    await call(ctx, 'alignment.merge', {
      recordId,
      level: 'sentence',
      row: { original: [3], translation: [5] },
    });
    expect(count(ctx.db, 'sentence_groups')).toBeGreaterThan(0);
    expect(count(ctx.db, 'sentence_members')).toBeGreaterThan(0);
    const plan = ctx.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM sentence_groups g JOIN sentence_members m ON m.group_id = g.id WHERE g.record_id = ?',
      )
      .all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/sentence_groups_by_record/);
    // Members refer to passages; a member for a sentence nobody has cannot be stored.
    expect(() =>
      ctx.db
        .prepare(
          'INSERT INTO sentence_members (group_id, passage_id, start, end) VALUES (1, 99999, 0, 1)',
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    ctx.db.prepare('DELETE FROM records WHERE id = ?').run(recordId);
    expect(count(ctx.db, 'sentence_groups')).toBe(0);
    expect(count(ctx.db, 'sentence_members')).toBe(0);
  });
});
