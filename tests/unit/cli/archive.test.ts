// `marginalia archive export` / `archive import` (issue 14): a whole library moved to another
// machine as one file, round trip: records, notes with replies and tags, the glossary, a new
// category and a record's title as renamed, all back as they were; and the refusals that keep
// a library from being overwritten by accident or by a file that is not one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { withSession } from '../../../src/main/cli/session';
import { fileContext, importSample, tempDir } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** Everything a person made in a library, read straight from its file. */
function contents(dataDir: string): Record<string, unknown[]> {
  const db = new Database(path.join(dataDir, 'library.sqlite'), { readonly: true });
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all();
    return {
      records: all('SELECT id, title FROM records ORDER BY id'),
      notes: all('SELECT id, comment_text, category_id FROM annotations ORDER BY id'),
      replies: all('SELECT annotation_id, body_text FROM annotation_replies ORDER BY id'),
      tags: all('SELECT annotation_id, tag FROM annotation_tags ORDER BY tag'),
      glossary: all(
        `SELECT e.term, r.text FROM glossary_entries e
         JOIN glossary_renderings r ON r.entry_id = e.id ORDER BY e.term`,
      ),
      categories: all('SELECT id, name, color FROM categories ORDER BY id'),
    };
  } finally {
    db.close();
  }
}

/** A library with a record, a categorised and tagged note with a reply, and a glossary entry. */
async function workedLibrary(): Promise<string> {
  const dir = tempDir('archive-from');
  const ctx = fileContext(dir);
  await importSample(ctx);
  ctx.db.close();
  await withSession(dir, async (session) => {
    const [record] = await session.call('records.list', {});
    await session.call('library.renameRecord', { id: record!.id, title: 'Stalin to Mao, 1951' });
    const doc = await session.call('records.get', { id: record!.id });
    const passage = doc.original.passages.find((p) => p.text.length > 40)!;
    const category = await session.call('categories.create', {
      name: 'Armistice',
      color: '#336699',
    });
    const note = await session.call('annotations.create', {
      recordId: record!.id,
      targets: [{ passageId: passage.id, start: 0, end: 12 }],
      categoryId: category.id,
      comment: { json: lexicalState(paragraph(text('Stalin defers to Mao.'))) },
      tags: ['seminar-3'],
    });
    await session.call('annotations.addReply', {
      annotationId: note.id,
      body: { json: lexicalState(paragraph(text('Compare 3918.'))) },
    });
    await session.call('glossary.create', { term: 'перемирие', renderings: ['armistice'] });
  });
  return dir;
}

describe('archive export and import', () => {
  it('moves a whole library as one file, and it comes back exactly', async () => {
    const from = await workedLibrary();
    const file = path.join(tempDir('archive-file'), 'my library.marginalia');
    const exported = await cli(['archive', 'export', file, '--data-dir', from]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^Exported the library \(1 records, \d+\.\d MB\) to .+\.\n$/);

    const to = path.join(tempDir('archive-to'), 'new machine');
    const imported = await cli(['archive', 'import', file, '--data-dir', to]);
    expect(imported.err).toBe('');
    expect(imported.out).toBe(`Imported the archive into ${to}: 1 records.\n`);
    const before = contents(from);
    expect(before.notes).toHaveLength(1);
    expect(before.replies).toHaveLength(1);
    expect(before.tags).toMatchObject([{ tag: 'seminar-3' }]);
    expect(before.glossary).toHaveLength(1);
    expect(contents(to)).toEqual(before);
    // The imported library works: search finds the record's words.
    const search = await cli(['search', 'перемирии', '--data-dir', to]);
    expect(search.code).toBe(0);
    expect(search.out).toContain('Stalin to Mao, 1951');
  });

  it('never overwrites a file or a library by accident, and refuses what is not a library', async () => {
    const from = await workedLibrary();
    const folder = tempDir('archive-file');
    const file = path.join(folder, 'lib.marginalia');
    fs.writeFileSync(file, 'my thesis');
    const overwrite = await cli(['archive', 'export', file, '--data-dir', from]);
    expect(overwrite.code).toBe(1);
    expect(overwrite.err).toMatch(/lib\.marginalia already exists; choose a new file name\./);
    expect(fs.readFileSync(file, 'utf8')).toBe('my thesis');

    const notLibrary = await cli(['archive', 'import', file, '--data-dir', tempDir('x')]);
    expect(notLibrary.code).toBe(1);
    expect(notLibrary.err).toMatch(/is not a Marginalia library .*Marginalia has not changed it/);

    const good = path.join(folder, 'good.marginalia');
    expect((await cli(['archive', 'export', good, '--data-dir', from])).code).toBe(0);
    const other = tempDir('archive-other');
    const ctx = fileContext(other);
    await importSample(ctx);
    ctx.db.close();
    const kept = contents(other);
    const refused = await cli(['archive', 'import', good, '--data-dir', other]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /already holds a library\. To replace it with the archive, add --replace/,
    );
    expect(contents(other)).toEqual(kept);

    const replaced = await cli(['archive', 'import', good, '--replace', '--data-dir', other]);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toMatch(
      /: 1 records\. The library that was there is kept as the backup library-before-restore-\S+\.sqlite\.\n$/,
    );
    expect(contents(other)).toEqual(contents(from));
  });
});
