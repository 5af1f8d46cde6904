// Migration 80 (the library's translation lexicon) on a library that already holds a record.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../src/main/db/migrations';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

const before = MIGRATIONS[MIGRATIONS.findIndex((m) => m.version === 80) - 1]!.version;

describe('migration 80: the library lexicon', () => {
  it('starts empty on a library with records, keeps the records, and goes with a record', () => {
    const db = libraryAt(before);
    insertRows(db, 'records', [recordRow('r1', { title: 'Old record' })]);
    updateToVersion(db, 80);
    expect(tableRows(db, 'lexicon_counts', 'record_id')).toEqual([]);
    expect(tableRows(db, 'records').map((r) => r['title'])).toEqual(['Old record']);

    const insert = db.prepare(
      'INSERT INTO lexicon_counts (record_id, level, source_lang, target_lang, source_stem, target_stem, count) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('r1', 'paragraph', 'ru', 'en', 'телеграм', 'telegram', 1.5);
    insert.run('r1', 'sentence', 'ru', 'en', 'телеграм', 'telegram', 1);
    // Counts are positive, levels a closed set, the record must exist, and a stem pair is
    // counted once per record and level.
    expect(() => insert.run('r1', 'word', 'ru', 'en', 'мир', 'peac', 1)).toThrow(/CHECK/);
    expect(() => insert.run('r1', 'paragraph', 'ru', 'en', 'мир', 'peac', 0)).toThrow(/CHECK/);
    expect(() => insert.run('nope', 'paragraph', 'ru', 'en', 'мир', 'peac', 1)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => insert.run('r1', 'paragraph', 'ru', 'en', 'телеграм', 'telegram', 2)).toThrow(
      /UNIQUE/,
    );
    db.prepare("DELETE FROM records WHERE id = 'r1'").run();
    expect(tableRows(db, 'lexicon_counts', 'record_id')).toEqual([]);
  });

  it('reads a language pair’s counts by an index', () => {
    const db = libraryAt(MIGRATIONS.at(-1)!.version);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT source_stem, target_stem, SUM(count) FROM lexicon_counts WHERE source_lang = ? AND target_lang = ? GROUP BY source_stem, target_stem',
      )
      .all('ru', 'en')
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX lexicon_counts_by_languages/);
  });
});
