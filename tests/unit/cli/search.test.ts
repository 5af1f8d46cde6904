import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { openLibrary } from '../../../src/main/db/open';
import { createContext } from '../../../src/main/services/context';
import { headlessHost } from '../../../src/main/services/host';
import { importSample, tempDir } from '../support/context';

async function libraryWithSample(): Promise<string> {
  const dir = tempDir('cli-search');
  const db = openLibrary(dir);
  await importSample(createContext({ db, dataDir: dir, version: 't', host: headlessHost }));
  db.close();
  return dir;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('marginalia search and reindex', () => {
  it('prints hits with record id, title, language, passage, snippet and counterpart', async () => {
    const dir = await libraryWithSample();
    const { code, out, err } = await cli(['search', 'перемирие', '--data-dir', dir]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ hits in 1 record, best first:/);
    expect(out).toMatch(/\n[a-z0-9]{8} {2}Ciphered Telegram No\. 3917/);
    expect(out).toContain('ru original ¶');
    expect(out).toContain('Ваши телеграммы о ⟨перемирии⟩ получены.');
    expect(out).toContain('en translation: Your telegrams about an armistice have been received.');
  });

  it('prints JSON for scripts', async () => {
    const dir = await libraryWithSample();
    const { code, out } = await cli([
      'search',
      '"о перемирии"',
      'lang:ru',
      '--json',
      '--data-dir',
      dir,
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.totalHits).toBeGreaterThan(0);
    expect(json.hits[0]).toMatchObject({
      kind: 'passage',
      lang: 'ru',
      side: 'original',
      title: expect.stringContaining('Ciphered Telegram'),
      highlights: ['о перемирии'],
      counterpart: { lang: 'en', side: 'translation' },
    });
    expect(typeof json.hits[0].passageIndex).toBe('number');
    expect(json.hits[0].recordId).toMatch(/^[a-z0-9]{8}$/);
  });

  it('explains odd queries and refuses wrong usage', async () => {
    const dir = await libraryWithSample();
    const lone = await cli(['search', '*', '--data-dir', dir]);
    expect(lone.code).toBe(0);
    expect(lone.err).toMatch(/must follow the start of a word/);
    expect((await cli(['search', 'nothingmatcheshere', '--data-dir', dir])).out).toBe('No hits.\n');
    expect((await cli(['search', '--data-dir', dir])).code).toBe(2);
    expect((await cli(['search', 'a', '--limit', '0', '--data-dir', dir])).code).toBe(2);
    const tooLong = await cli(['search', 'x'.repeat(10_001), '--data-dir', dir]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.err).toMatch(/at most 10,000 characters/);
  });

  it('rebuilds the index', async () => {
    const dir = await libraryWithSample();
    const { code, out } = await cli(['reindex', '--data-dir', dir]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Rebuilt the search index of 1 record: \d+ passages, 0 notes, 0 record notes in [\d.]+ s\.\n$/,
    );
    expect((await cli(['search', 'armistice', '--data-dir', dir])).out).toContain('⟨armistice⟩');
    expect((await cli(['reindex', 'extra', '--data-dir', dir])).code).toBe(2);
  });
});
