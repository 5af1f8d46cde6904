// The anchor the library import is measured against, in the same run: plain better-sqlite3
// writing the same passage rows, with their index text computed beforehand, through prepared
// statements in one transaction into a fresh database whose passages table and full-text table
// are the library's own (their CREATE statements are read from the library being measured).
// It is what SQLite itself can do with this data; everything the import adds (records, alignment
// rows, triggers, stemming, a transaction per record) shows as the gap to it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LibraryDatabase } from '../src/main/db/statements';
import type { ShadowText } from '../src/shared/search/shadow-text';
import { timed, type Timing } from './measure';

export interface BaselinePassage {
  recordId: string;
  side: 'original' | 'translation';
  ordinal: number;
  text: string;
  lang: string;
  shadow: ShadowText;
}

/** Inserts the passages and their index rows; the timing covers the one transaction. */
export async function rawBaseline(
  library: LibraryDatabase,
  passages: readonly BaselinePassage[],
): Promise<Timing & { bytes: number }> {
  const schema = library
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_schema WHERE name IN ('passages', 'search_fts') ORDER BY name",
    )
    .all();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-raw-'));
  const db = new Database(path.join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Plain rows: the passages' records are not in this database.
    db.pragma('foreign_keys = OFF');
    for (const { sql } of schema) db.exec(sql);
    const insertPassage = db.prepare(
      'INSERT INTO passages (record_id, side, ordinal, text) VALUES (?, ?, ?, ?)',
    );
    const insertIndex = db.prepare(
      'INSERT INTO search_fts (rowid, surface, stems, names_cyr, names_lat, meta) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const t = await timed(() =>
      db.transaction(() => {
        for (const p of passages) {
          const id = insertPassage.run(p.recordId, p.side, p.ordinal, p.text).lastInsertRowid;
          const s = p.shadow;
          insertIndex.run(id, s.surface, s.stems, s.namesCyr, s.namesLat, `kpassage l${p.lang}`);
        }
      })(),
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { ...t, bytes: fs.statSync(path.join(dir, 'raw.sqlite')).size };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
