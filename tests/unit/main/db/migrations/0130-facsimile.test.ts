// Migration 130 (page images and passage layout) on a library that already holds a record.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

const HASH = 'a'.repeat(64);

describe('migration 130: page images beside the text', () => {
  it('adds empty page tables to a library with records, which keep their passages', () => {
    const db = libraryAt(120);
    insertRows(db, 'records', [recordRow('r1')]);
    insertRows(db, 'passages', [
      { id: 7, record_id: 'r1', side: 'original', ordinal: 0, text: 'Ваши телеграммы получены.' },
    ]);
    updateToVersion(db, 130);
    for (const table of [
      'page_images',
      'record_pages',
      'passage_layout',
      'passage_boxes',
      'passage_uncertain',
    ]) {
      expect(tableRows(db, table)).toEqual([]);
    }
    expect(tableRows(db, 'passages').map((p) => p['text'])).toEqual(['Ваши телеграммы получены.']);

    db.prepare(
      'INSERT INTO page_images (hash, media_type, width, height, bytes) VALUES (?, ?, ?, ?, ?)',
    ).run(HASH, 'image/png', 900, 1273, Buffer.from([1]));
    db.prepare(
      'INSERT INTO record_pages (record_id, side, page, width, height, image_hash, source_file) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run('r1', 'original', 1, 595.28, 841.89, HASH, 'scan.pdf');
    db.prepare('INSERT INTO passage_layout (passage_id, kind, page) VALUES (?, ?, ?)').run(
      7,
      'paragraph',
      1,
    );
    db.prepare(
      'INSERT INTO passage_boxes (passage_id, ordinal, page, x, y, w, h, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(7, 0, 1, 72, 100, 400, 14, 0, 25);
    db.prepare(
      'INSERT INTO passage_uncertain (passage_id, start, end, confidence) VALUES (?, ?, ?, ?)',
    ).run(7, 5, 15, 41);
    // Kinds, media types, hashes and offsets are checked; a page belongs to a record.
    expect(() =>
      db
        .prepare("INSERT INTO passage_layout (passage_id, kind, page) VALUES (7, 'caption', 1)")
        .run(),
    ).toThrow(/CHECK|UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO page_images (hash, media_type, width, height, bytes) VALUES ('x', 'image/png', 1, 1, x'00')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO page_images (hash, media_type, width, height, bytes) VALUES (?, 'image/gif', 1, 1, x'00')",
        )
        .run('b'.repeat(64)),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          'INSERT INTO passage_uncertain (passage_id, start, end, confidence) VALUES (7, 9, 3, 50)',
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO record_pages (record_id, side, page, width, height, source_file) VALUES ('nope', 'original', 1, 1, 1, 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    // Layout goes with its passage, pages with their record; the image stays until unused.
    db.prepare("DELETE FROM records WHERE id = 'r1'").run();
    for (const table of ['record_pages', 'passage_layout', 'passage_boxes', 'passage_uncertain']) {
      expect(tableRows(db, table)).toEqual([]);
    }
    expect(tableRows(db, 'page_images')).toHaveLength(1);
  });
});
