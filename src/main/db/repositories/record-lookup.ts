import type { Database } from 'better-sqlite3';

/** Finding which record an imported annotation belongs to: by address, or by the text quoted. */
export class RecordLookup {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      byUrl: db.prepare<[string], { id: string }>(
        'SELECT id FROM records WHERE url = ? ORDER BY created_at',
      ),
      containing: db.prepare<[string, number], { record_id: string }>(
        'SELECT DISTINCT record_id FROM passages WHERE instr(text, ?) > 0 LIMIT ?',
      ),
    };
  }

  withUrl(url: string): string[] {
    return this.statements.byUrl.all(url).map((r) => r.id);
  }

  /** Records with a passage holding `text` exactly (at most `limit`). */
  containing(text: string, limit = 50): string[] {
    return this.statements.containing.all(text, limit).map((r) => r.record_id);
  }
}
