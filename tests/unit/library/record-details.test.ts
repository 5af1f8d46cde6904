// A record's catalogue details: read from an archive page's "Citation" line, edited through the
// API, and followed by the catalogue, the citation, search and the exports; wrong input refused.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/router';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api/contract';
import { fixtureText } from '../import/fixtures';
import { importSample, memoryContext } from '../support/context';

type Ctx = ReturnType<typeof memoryContext>;

async function call<M extends MethodName>(
  ctx: Ctx,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

async function kramerRecord(): Promise<{ ctx: Ctx; id: string }> {
  const ctx = memoryContext();
  const id = await importSample(
    ctx,
    fixtureText('archive-page/citation-credits.txt'),
    'kramer.txt',
  );
  return { ctx, id };
}

const archiveOf = async (ctx: Ctx, id: string): Promise<string | null | undefined> =>
  (await call(ctx, 'library.catalogue', {})).rows.find((r) => r.id === id)?.archive;

describe('record details', () => {
  it('a record whose page gives a "Citation" line has its archive and translator', async () => {
    const { ctx, id } = await kramerRecord();
    const record = await call(ctx, 'records.get', { id });
    expect(record.translator).toBe('Mark Kramer');
    expect(record.contributor).toBe('Mark Kramer');
    expect(await archiveOf(ctx, id)).toBe('RGASPI f. 558');
    const csl = await call(ctx, 'export.file', { recordIds: [id], format: 'csl' });
    expect(JSON.parse(csl.content)[0]).toMatchObject({
      archive: 'Russian State Archive of Socio-Political History',
      archive_location: 'RGASPI, F. 558, Op. 11, D. 342, L. 92',
      translator: [{ literal: 'Mark Kramer' }],
    });
  });

  it('edits title, date, type, source, translator, rights and summary; everything follows', async () => {
    const { ctx, id } = await kramerRecord();
    const before = await call(ctx, 'records.get', { id });
    const details = {
      title: 'Stalin to Mao, 1 October 1950',
      date: '1950-10-01',
      type: 'Ciphered telegram',
      source: 'APRF, f. 45, op. 1, d. 334, ll. 97-98. Translated by Gary Goldberg.',
      translator: 'Gary Goldberg',
      contributor: '',
      rights: 'Reuse for teaching.',
      summary: '  Stalin urges Mao to send troops.  ',
    };
    const result = await call(ctx, 'records.updateDetails', { id, details });
    expect(result.previous).toEqual({
      title: before.title,
      date: before.date,
      type: before.type,
      source: before.source,
      translator: 'Mark Kramer',
      contributor: 'Mark Kramer',
      rights: before.rights,
      summary: before.summary,
    });
    expect(result.record).toMatchObject({
      ...details,
      contributor: null,
      summary: 'Stalin urges Mao to send troops.',
    });

    // The catalogue, search, the citation and the exports read the new details.
    expect(await archiveOf(ctx, id)).toBe('APRF f. 45');
    const catalogue = await call(ctx, 'library.catalogue', { filters: { archives: ['APRF'] } });
    expect(catalogue.rows.map((r) => [r.id, r.title, r.type])).toEqual([
      [id, 'Stalin to Mao, 1 October 1950', 'Ciphered telegram'],
    ]);
    const found = await call(ctx, 'search.query', { query: 'in:titles "1 October 1950"' });
    expect(found.groups.map((g) => g.record.id)).toEqual([id]);
    const markdown = await call(ctx, 'export.file', { recordIds: [id], format: 'md' });
    expect(markdown.content).toContain(
      '“Stalin to Mao, 1 October 1950,” October 1, 1950, APRF, f. 45, op. 1, d. 334, ll. 97-98. Translated by Gary Goldberg.',
    );
    expect(markdown.content).toContain('translator: "Gary Goldberg"');
    const tei = await call(ctx, 'export.file', { recordIds: [id], format: 'tei' });
    expect(tei.content).toContain('<name role="translator">Gary Goldberg</name>');

    // Undo is the previous details written back.
    await call(ctx, 'records.updateDetails', { id, details: result.previous });
    const again = await call(ctx, 'records.get', { id });
    expect([again.title, again.source, again.translator]).toEqual([
      before.title,
      before.source,
      'Mark Kramer',
    ]);
    expect(await archiveOf(ctx, id)).toBe('RGASPI f. 558');
  });

  it('refuses a record without a title, a date not in the calendar, and a record in the trash', async () => {
    const { ctx, id } = await kramerRecord();
    const valid = {
      title: 'T',
      date: null,
      type: null,
      source: null,
      translator: null,
      contributor: null,
      rights: null,
      summary: null,
    };
    const refused = async (details: object, recordId = id) =>
      dispatch(ctx, 'records.updateDetails', { id: recordId, details });
    expect(await refused({ ...valid, title: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('a record needs a title') },
    });
    expect(await refused({ ...valid, date: '1951-02-30' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is not a date in the calendar') },
    });
    expect(await refused({ ...valid, date: '30 June 1951' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('must be a year, YYYY-MM or YYYY-MM-DD') },
    });
    expect(await refused({ ...valid, title: 'x'.repeat(1001) })).toMatchObject({ ok: false });
    expect(await refused(valid, 'no-such-record')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Nothing was written by the refusals.
    expect((await call(ctx, 'records.get', { id })).title).toBe(
      'Telegram from Filippov [Stalin] to Mao Zedong on Volunteers for Korea',
    );
    await call(ctx, 'library.trashRecords', { ids: [id] });
    expect(await refused(valid)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('is in the trash') },
    });
  });
});
