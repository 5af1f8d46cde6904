// The index is kept by triggers: whatever writes to the library, the index follows in the same
// transaction, and equals an index rebuilt from scratch.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/main/db/open';
import { SEARCH_TRIGGERS } from '../../../src/main/db/search-index-state';
import { duplicateRecord } from '../../../src/main/services/library/record-actions';
import { reindexLibrary } from '../../../src/main/services/search/reindex';
import { searchLibrary } from '../../../src/main/services/search/library-search';
import { fileContext, importSample, memoryContext, tempDir } from '../support/context';
import { addNote, addRecord, indexSnapshot, passageWith } from './support';

const search = (ctx: Parameters<typeof searchLibrary>[0], query: string) =>
  searchLibrary(ctx, { query, names: true, limit: 50, hitsPerRecord: 50, page: null });

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function expectSameAsRebuilt(ctx: ReturnType<typeof memoryContext>): Promise<void> {
  const kept = indexSnapshot(ctx.db);
  await reindexLibrary(ctx);
  const rebuilt = indexSnapshot(ctx.db);
  expect([...kept.entries()].sort()).toEqual([...rebuilt.entries()].sort());
  expect(kept.get('orphan index rows')).toBe('0');
}

describe('the search index', () => {
  it('has its triggers', () => {
    const ctx = memoryContext();
    const triggers = ctx.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search_%'")
      .pluck()
      .all();
    expect(new Set(triggers)).toEqual(new Set(SEARCH_TRIGGERS));
  });

  it('indexes an imported record: every passage, and its catalogue data', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx);
    const counts = ctx.db
      .prepare('SELECT kind, count(*) AS n FROM search_docs GROUP BY kind ORDER BY kind')
      .all();
    const passages = ctx.db
      .prepare('SELECT count(*) FROM passages WHERE record_id = ?')
      .pluck()
      .get(id);
    expect(counts).toEqual([
      { kind: 'passage', n: passages },
      { kind: 'record', n: 1 },
    ]);
    const langs = ctx.db
      .prepare(
        `SELECT p.side, d.lang FROM search_docs d JOIN passages p ON p.id = d.passage_id GROUP BY p.side`,
      )
      .all();
    expect(langs).toEqual([
      { side: 'original', lang: 'ru' },
      { side: 'translation', lang: 'en' },
    ]);
    await expectSameAsRebuilt(ctx);
  });

  it('follows edits of passages, notes, tags, replies, record notes and catalogue data', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx);
    const ru = passageWith(ctx.db, id, 'original', 'о перемирии');
    const note = addNote(ctx, {
      recordId: id,
      passageId: ru,
      exact: 'о перемирии',
      comment: 'Stalin replies quibblingly',
      tags: ['ceasefire-talks'],
      replies: ['checked against the Zhdanov draft'],
    });
    expect(search(ctx, 'quibbling').totalHits).toBe(1);
    expect(search(ctx, 'ceasefire').totalHits).toBe(1);
    expect(search(ctx, 'Zhdanov').totalHits).toBe(1);
    await expectSameAsRebuilt(ctx);

    // A passage's text changes (a corrected transcription): the old words go, the new come.
    ctx.db
      .prepare('UPDATE passages SET text = ? WHERE id = ?')
      .run('Ваши письма о мире получены.', ru);
    expect(search(ctx, 'письмо').totalHits).toBe(1);
    expect(
      search(ctx, 'lang:ru телеграмма')
        .groups.flatMap((g) => g.hits)
        .some((h) => h.passageId === ru),
    ).toBe(false);

    ctx.db
      .prepare('UPDATE annotations SET comment_text = ? WHERE id = ?')
      .run('Molotov disagrees', note);
    expect(search(ctx, 'quibbling').totalHits).toBe(0);
    expect(search(ctx, 'Molotov').totalHits).toBe(1);
    ctx.db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(note);
    expect(search(ctx, 'ceasefire').totalHits).toBe(0);
    ctx.db
      .prepare('UPDATE annotation_replies SET body_text = ? WHERE annotation_id = ?')
      .run('verified', note);
    expect(search(ctx, 'verified').totalHits).toBe(1);

    ctx.db
      .prepare(
        'INSERT INTO record_notes (record_id, body_json, body_text, updated_at) VALUES (?, NULL, ?, 0)',
      )
      .run(id, 'An essay on the Kaesong talks');
    expect(search(ctx, 'in:notes Kaesong').groups[0]!.hits[0]!.kind).toBe('essay');
    ctx.db
      .prepare('UPDATE records SET title = ? WHERE id = ?')
      .run('Stalin to Mao on the armistice', id);
    expect(search(ctx, 'in:titles Stalin').totalHits).toBe(1);
    await expectSameAsRebuilt(ctx);

    ctx.db.prepare('DELETE FROM annotations WHERE id = ?').run(note);
    expect(search(ctx, 'Molotov').totalHits).toBe(0);
    await expectSameAsRebuilt(ctx);
  });

  it('takes a record out while it is in the trash and puts it back on restore', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx);
    addNote(ctx, {
      recordId: id,
      passageId: passageWith(ctx.db, id, 'original', 'о перемирии'),
      exact: 'о перемирии',
      comment: 'urgent',
    });
    const before = indexSnapshot(ctx.db);
    ctx.db.prepare('UPDATE records SET deleted_at = 1 WHERE id = ?').run(id);
    expect(ctx.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(0);
    expect(search(ctx, 'перемирие').totalHits).toBe(0);
    ctx.db.prepare('UPDATE records SET deleted_at = NULL WHERE id = ?').run(id);
    expect(search(ctx, 'urgent').totalHits).toBe(1);
    expect([...indexSnapshot(ctx.db).entries()].sort()).toEqual([...before.entries()].sort());
  });

  it('forgets a record deleted for good, with all its documents', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx);
    addNote(ctx, {
      recordId: id,
      passageId: passageWith(ctx.db, id, 'translation', 'armistice'),
      exact: 'armistice',
    });
    ctx.db.prepare('DELETE FROM records WHERE id = ?').run(id);
    expect(ctx.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(0);
    expect(indexSnapshot(ctx.db).get('orphan index rows')).toBe('0');
  });

  it('indexes the passages of a record stored, duplicated or re-imported, each passage once', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx);
    const passages = (recordId: string) =>
      ctx.db.prepare('SELECT count(*) FROM passages WHERE record_id = ?').pluck().get(recordId);
    const docs = (recordId: string) =>
      ctx.db
        .prepare("SELECT count(*) FROM search_docs WHERE kind = 'passage' AND record_id = ?")
        .pluck()
        .get(recordId);
    const phrase = () => search(ctx, '"о перемирии"').totalHits;
    const inSample = phrase();
    expect(inSample).toBe(3);

    const copy = duplicateRecord(ctx, id).id;
    expect(docs(copy)).toBe(passages(copy));
    expect(phrase()).toBe(2 * inSample);

    const record = ctx.records.get(id)!;
    ctx.transaction(() =>
      ctx.records.replaceContent({
        meta: { ...record, id },
        contentHash: 'replaced',
        original: { lang: 'ru', paragraphs: ['Ёлка о перемирии.', 'Второй абзац.'] },
        translation: { lang: 'en', paragraphs: ['A fir tree on the armistice.'] },
        alignment: [{ original: [0, 1], translation: [0], confidence: 1, confirmed: false }],
        now: 1,
      }),
    );
    expect([docs(id), passages(id)]).toEqual([3, 3]);
    // ё is folded to е, and the replaced text's words are gone from the index.
    expect(search(ctx, 'елка').totalHits).toBe(1);
    expect(phrase()).toBe(inSample + 1);
    await expectSameAsRebuilt(ctx);
  });

  it('has one door for new passages, the one that indexes them', () => {
    const writers = sourceFiles(path.resolve('src/main'))
      .filter((file) => !file.includes(`${path.sep}migrations${path.sep}`))
      .filter((file) => /INSERT INTO passages/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative('src/main', file));
    expect(writers.sort()).toEqual([
      'db/repositories/record-rows.ts',
      'db/repositories/records.ts',
    ]);
  });

  it('never shows a search a half-written record', () => {
    const dir = tempDir('search-tx');
    const open = () => {
      const ctx = fileContext(dir);
      return { db: ctx.db, ctx };
    };
    const writer = open();
    const reader = open();
    const docCount = () => reader.db.prepare('SELECT count(*) FROM search_docs').pluck().get();
    try {
      writer.ctx.transaction(() => {
        addRecord(writer.ctx, {
          title: 'Telegram',
          ru: ['Вопрос о перемирии.'],
          en: ['The armistice question.'],
        });
        // Mid-transaction, another connection sees nothing of it.
        expect(search(reader.ctx, 'перемирие').totalHits).toBe(0);
        expect(docCount()).toBe(0);
      });
      expect(search(reader.ctx, 'перемирие').totalHits).toBeGreaterThan(0);

      // A write that fails half-way leaves neither the record nor its index entries.
      const docs = docCount();
      expect(() =>
        writer.ctx.transaction(() => {
          addRecord(writer.ctx, { title: 'Draft', ru: ['Новый абзац.'], en: ['A new paragraph.'] });
          expect(search(writer.ctx, 'абзац').totalHits).toBe(1);
          throw new Error('disk full');
        }),
      ).toThrow('disk full');
      expect(docCount()).toBe(docs);
    } finally {
      writer.db.close();
      reader.db.close();
    }
  });

  it('refuses writes from a connection that cannot keep the index, rather than drift', async () => {
    const dir = tempDir('search-raw');
    openLibrary(dir).close();
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(path.join(dir, 'library.sqlite'));
    expect(() =>
      raw
        .prepare(
          `INSERT INTO records (id, title, original_lang, translation_lang, content_hash, created_at, updated_at)
           VALUES ('x', 't', 'ru', 'en', 'h', 0, 0)`,
        )
        .run(),
    ).toThrow(/no such function: mg_/);
    raw.close();
  });
});
