// Bringing a library's schema up to date: every pending migration in one transaction, refusing a
// library written by a newer Marginalia, each migration recorded with the time it ran.
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export class DatabaseFromFutureError extends Error {
  constructor(found: number, known: number) {
    super(
      `This library was written by a newer Marginalia (schema ${found}; this one knows up to ${known}). ` +
        'Update Marginalia to open it.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export function assertMonotonic(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    const previous = migrations[i - 1]!;
    const current = migrations[i]!;
    if (current.version <= previous.version) {
      throw new Error(`Migration ${current.name} (${current.version}) is out of order`);
    }
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target` (default: the newest). Every pending migration runs in one
 * transaction, so a failure leaves the library exactly as it was. Each applied migration is
 * also recorded in `schema_migrations` with the time it ran.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = migrations.at(-1)?.version ?? 0,
): number[] {
  assertMonotonic(migrations);
  const newest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > newest) throw new DatabaseFromFutureError(current, newest);

  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];

  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT`);
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const migration of pending) {
      migration.up(db);
      record.run(migration.version, migration.name, Date.now());
    }
    db.pragma(`user_version = ${pending.at(-1)!.version}`);
  })();
  db.pragma('optimize');
  return pending.map((m) => m.version);
}
