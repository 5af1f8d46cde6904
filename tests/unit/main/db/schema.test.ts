// The schema after every migration, held against a committed snapshot (schema.snapshot.sql).
// Migrations are frozen: an edit to a landed migration changes the schema at its version and
// fails here; a new migration must be recorded (npm run db:schema), so that every schema change
// is a migration and shows in review. After Actual's schema guard.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { libraryAt } from './support';

const SNAPSHOT = path.join(import.meta.dirname, 'schema.snapshot.sql');
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../../src/main/db/migrations');
const UPDATE = 'npm run db:schema';

/** SQL without its comments, white space folded: how two definitions are compared. */
const normalised = (sql: string): string =>
  sql
    .replace(/--[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .trim();

/** Every object of the schema: "table name" → its normalised definition. */
function schemaAt(version: number): Map<string, string> {
  const db = libraryAt(version);
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
       WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY type, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  db.close();
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, normalised(r.sql)]));
}

/** What each migration added, dropped or changed, version by version. */
function renderSnapshot(): string {
  const lines = [
    '-- The library schema, migration by migration: what each one added (+), changed (~) or',
    `-- dropped (-). Written by \`${UPDATE}\`; checked by tests/unit/main/db/schema.test.ts.`,
  ];
  let before = new Map<string, string>();
  for (const migration of MIGRATIONS) {
    const after = schemaAt(migration.version);
    lines.push('', `-- version ${migration.version} (${migration.name})`);
    for (const [key, sql] of after) {
      if (!before.has(key)) lines.push(`+ ${key}: ${sql}`);
      else if (before.get(key) !== sql) lines.push(`~ ${key}: ${sql}`);
    }
    for (const key of before.keys()) if (!after.has(key)) lines.push(`- ${key}`);
    before = after;
  }
  return lines.join('\n') + '\n';
}

function sections(snapshot: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of snapshot.split(/\n(?=-- version )/).slice(1)) {
    map.set(part.split('\n', 1)[0]!, part.trim());
  }
  return map;
}

/** A sentence on what differs, naming the first migration whose schema changed. */
function explain(actual: string, committed: string): string {
  const now = sections(actual);
  const then = sections(committed);
  for (const [heading, text] of now) {
    const version = heading.replace(/^-- version /, 'migration ');
    if (!then.has(heading)) {
      return `${version} is not in the schema snapshot yet. Record it with \`${UPDATE}\` and commit schema.snapshot.sql with the migration.`;
    }
    if (then.get(heading) !== text) {
      return `The schema at ${version} is not what was recorded: a landed migration was edited. Migrations are frozen; put the change in a new migration (then \`${UPDATE}\`).`;
    }
  }
  const gone = [...then.keys()].find((heading) => !now.has(heading));
  return gone
    ? `${gone.replace(/^-- /, '')} was recorded but is no longer in the migrations list. Migrations are never removed.`
    : `The schema snapshot is out of date; run \`${UPDATE}\`.`;
}

describe('the library schema', () => {
  it('is, migration by migration, the one recorded in schema.snapshot.sql', () => {
    const actual = renderSnapshot();
    if (process.env['UPDATE_SCHEMA_SNAPSHOT'] === '1') {
      fs.writeFileSync(SNAPSHOT, actual);
      return;
    }
    const committed = fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, 'utf8') : '';
    expect(actual, actual === committed ? '' : explain(actual, committed)).toBe(committed);
  });

  it('lists every migration file once, numbered as its version, in order', () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}-.*\.ts$/.test(f))
      .sort();
    expect(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`)).toEqual(
      files,
    );
  });

  it('has a data test for every migration', () => {
    const tests = fs.readdirSync(path.join(import.meta.dirname, 'migrations'));
    for (const m of MIGRATIONS) {
      expect(
        tests,
        `migration ${m.version} needs tests/unit/main/db/migrations/${String(m.version).padStart(4, '0')}-${m.name}.test.ts`,
      ).toContain(`${String(m.version).padStart(4, '0')}-${m.name}.test.ts`);
    }
  });
});
