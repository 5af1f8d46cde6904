// Storage of small library-wide values (the `settings` table), as text; JSON for structured ones.
import { prepared, type LibraryDatabase } from '../statements';

export function createSettingsRepository(db: LibraryDatabase) {
  const s = prepared({
    get: () => db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    set: () =>
      db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
  });

  return {
    get(key: string): string | null {
      return s.get.get(key) ?? null;
    },

    set(key: string, value: string): void {
      s.set.run(key, value);
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
