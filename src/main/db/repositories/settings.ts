import type { Database } from 'better-sqlite3';

/** Small library-wide values (the `settings` table), stored as text; JSON for structured ones. */
export class SettingsRepository {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      get: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      set: db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  get(key: string): string | null {
    return this.statements.get.get(key)?.value ?? null;
  }

  set(key: string, value: string): void {
    this.statements.set.run(key, value);
  }
}
