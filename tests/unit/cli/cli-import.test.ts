// `marginalia import` with folders, saved pages, pairs, duplicate policies and languages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/main/cli/run';
import { SAMPLE_PATH, SAMPLE_TEXT, tempDir } from '../support/context';
import { fixturePath } from '../import/fixtures';

async function run(tty: boolean, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: tty,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A folder as a historian keeps one: records, a pair, a saved page, a bad file, a photo. */
function batchFolder(): string {
  const dir = tempDir('cli-batch');
  const folder = path.join(dir, 'korea');
  fs.mkdirSync(path.join(folder, '1954'), { recursive: true });
  fs.copyFileSync(SAMPLE_PATH, path.join(folder, 'telegram-3917.txt'));
  fs.copyFileSync(fixturePath('archive-page/chinese-english.txt'), path.join(folder, 'mao.txt'));
  fs.copyFileSync(fixturePath('html/wilson-center-110374.html'), path.join(folder, 'saved.html'));
  fs.copyFileSync(
    fixturePath('pairs/politburo-1954.ru.txt'),
    path.join(folder, '1954', 'resolution.ru.txt'),
  );
  fs.copyFileSync(
    fixturePath('pairs/politburo-1954.en.txt'),
    path.join(folder, '1954', 'resolution.en.txt'),
  );
  fs.writeFileSync(path.join(folder, '1954', 'broken.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  fs.writeFileSync(path.join(folder, 'scan.gif'), 'GIF89a');
  return folder;
}

describe('marginalia import, batches', () => {
  it('imports a folder recursively, pairs x.ru.txt + x.en.txt, lists each failure', async () => {
    const folder = batchFolder();
    const library = tempDir('cli-lib');
    const { code, stdout, stderr } = await run(
      false,
      'import',
      folder,
      '--data-dir',
      library,
      '--json',
    );
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.records.map((r: { title: string }) => r.title)).toEqual([
      'RESOLUTION OF THE PRESIDIUM OF THE CC CPSU',
      'Telegram, Mao Zedong to Filippov [Stalin], on Sending Volunteers to Korea',
      'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
    ]);
    const pair = out.records[0];
    expect(pair.original.lang).toBe('ru');
    expect(pair.translation.paragraphs[0]).toBe('RESOLUTION OF THE PRESIDIUM OF THE CC CPSU');
    // The saved page is the same record as the text file: skipped as a duplicate.
    expect(out.skipped).toEqual([
      {
        file: path.join(folder, 'telegram-3917.txt'),
        reason: expect.stringMatching(/^Already in the library/),
        existingId: expect.any(String),
      },
    ]);
    expect(out.errors).toEqual([
      { file: path.join(folder, '1954', 'broken.txt'), reason: expect.stringMatching(/not UTF-8/) },
    ]);
    expect(stderr.trim().split('\n')).toEqual([
      `marginalia: cannot import ${path.join(folder, '1954', 'broken.txt')}: The file is not UTF-8 text. Save it as UTF-8 and import it again.`,
    ]);
  });

  it('shows progress on stderr when it is a terminal, never on stdout', async () => {
    const folder = batchFolder();
    const { stdout, stderr } = await run(true, 'import', folder, '--data-dir', tempDir('cli-lib'));
    expect(stderr).toContain('[1/5] resolution.ru.txt + resolution.en.txt');
    expect(stderr).toContain('[4/5] telegram-3917.txt');
    expect(stderr).toContain('[5/5] done');
    expect(stdout).not.toMatch(/\[\d+\/\d+\]/);
    expect(stdout).toMatch(
      /^Imported “RESOLUTION OF THE PRESIDIUM OF THE CC CPSU” as \w+: 7 Russian and 7 English passages/m,
    );
  });

  it('imports --pair ORIGINAL TRANSLATION with languages overridden', async () => {
    const library = tempDir('cli-lib');
    const { code, stdout } = await run(
      false,
      'import',
      '--pair',
      fixturePath('pairs/ulbricht-1961.de.md'),
      fixturePath('pairs/ulbricht-1961.en.md'),
      '--original-lang',
      'de-DE',
      '--data-dir',
      library,
      '--json',
    );
    expect(code).toBe(0);
    const record = JSON.parse(stdout).records[0];
    expect(record).toMatchObject({
      title: 'Letter from Walter Ulbricht to N. S. Khrushchev',
      recordId: '900302',
      original: { lang: 'de-DE' },
      translation: { lang: 'en' },
    });
  });

  it('imports a pair of one-segment-per-line files line by line, or as the unit chosen', async () => {
    const publicTexts = path.resolve('tests/fixtures/alignment/public');
    const ru = path.join(publicTexts, 'udhr.ru.txt');
    const en = path.join(publicTexts, 'udhr.en.txt');
    const imported = async (...unit: string[]) => {
      const library = tempDir('cli-units');
      const { code, stdout, stderr } = await run(
        false,
        'import',
        '--pair',
        ru,
        en,
        ...unit,
        '--data-dir',
        library,
        '--json',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      return JSON.parse(stdout).records[0];
    };
    const lines = await imported();
    expect(lines.original.paragraphs).toHaveLength(91);
    expect(lines.translation.paragraphs).toHaveLength(91);
    const rows = lines.alignment as { original: number[]; translation: number[] }[];
    // Article 1 pairs with Article 1, and Article 2's two Russian lines with its one English line.
    const rowOf = (text: string) =>
      rows.find((r) => r.original.some((k) => lines.original.paragraphs[k] === text))!;
    expect(rowOf('Статья 1').translation.map((k) => lines.translation.paragraphs[k])).toEqual([
      'Article 1',
    ]);
    expect(
      rowOf(
        'Кроме того, не должно проводиться никакого различия на основе политического, правового или международного статуса страны или территории, к которой человек принадлежит, независимо от того, является ли эта территория независимой, подопечной, несамоуправляющейся или как-либо иначе ограниченной в своем суверенитете.',
      ).original,
    ).toEqual([14, 15]);
    expect((await imported('--unit', 'sentence')).original.paragraphs.length).toBeGreaterThan(91);
    expect((await imported('--unit', 'paragraph')).original.paragraphs).toHaveLength(91);
  });

  it('replaces or keeps both when asked', async () => {
    const library = tempDir('cli-lib');
    const first = JSON.parse(
      (await run(false, 'import', SAMPLE_PATH, '--data-dir', library, '--json')).stdout,
    );
    const id = first.records[0].id;
    const corrected = path.join(tempDir('cli-files'), 'corrected.txt');
    fs.writeFileSync(
      corrected,
      SAMPLE_TEXT.replace('о перемирии получены', 'о перемирии нами получены'),
    );
    const replaced = await run(
      false,
      'import',
      corrected,
      '--duplicates',
      'replace',
      '--data-dir',
      library,
      '--json',
    );
    const out = JSON.parse(replaced.stdout);
    expect(out.records[0].id).toBe(id);
    expect(out.records[0].original.paragraphs[1]).toBe(
      'Ваши телеграммы о перемирии нами получены.',
    );
    expect(out.replaced).toEqual([
      { file: corrected, id, annotations: { reanchored: 0, orphaned: 0 } },
    ]);
    const text = await run(
      false,
      'import',
      corrected,
      '--duplicates',
      'keep-both',
      '--data-dir',
      library,
    );
    expect(text.stdout).toMatch(/^Imported “Ciphered Telegram No\. 3917/);
    const listed = JSON.parse((await run(false, 'list', '--data-dir', library, '--json')).stdout);
    expect(listed.records).toHaveLength(2);
  });

  it('explains wrong usage with exit code 2', async () => {
    expect((await run(false, 'import', '--pair', 'a.txt')).stderr).toMatch(
      /--pair needs two files/,
    );
    expect((await run(false, 'import', 'a.txt', '--duplicates', 'overwrite')).stderr).toMatch(
      /--duplicates must be skip, replace or keep-both/,
    );
    const lang = await run(false, 'import', 'a.txt', '--original-lang', 'Russian');
    expect(lang).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--original-lang must be a language tag/),
    });
  });
});
