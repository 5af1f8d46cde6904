import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/main/cli/run';
import seed from '../../fixtures/alignment/wilson-center-110374.paragraphs.json' with { type: 'json' };
import { tempDir } from '../support/context';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function seedFiles(): { dir: string; ru: string; en: string } {
  const dir = tempDir('align');
  const ru = path.join(dir, 'telegram.ru.txt');
  const en = path.join(dir, 'telegram.en.txt');
  // Windows line endings and a byte-order mark, as files from the wild have.
  fs.writeFileSync(ru, '\uFEFF' + seed.original.join('\r\n\r\n') + '\r\n');
  fs.writeFileSync(en, seed.translation.join('\n\n\n') + '\n');
  return { dir, ru, en };
}

const pairs = (alignment: { original: number[]; translation: number[] }[]): string[] =>
  alignment
    .filter((g) => g.original.length && g.translation.length)
    .map((g) => `${g.original}|${g.translation}`);

describe('marginalia align', () => {
  it('aligns two text files by paragraph and prints the rows as JSON', async () => {
    const { ru, en } = seedFiles();
    const { code, stdout, stderr } = await run('align', ru, en, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).slice(0, 3)).toEqual(['original', 'translation', 'alignment']);
    expect(out.original).toEqual(seed.original);
    expect(out.translation).toEqual(seed.translation);
    expect(out.languages).toEqual({ original: 'ru', translation: 'en' });
    expect(out.level).toBe('paragraph');
    const gold = pairs(seed.gold);
    expect(pairs(out.alignment)).toEqual(gold);
    for (const row of out.alignment) {
      expect(Object.keys(row)).toEqual(['original', 'translation', 'confidence']);
      expect(row.confidence).toBeGreaterThanOrEqual(0);
      expect(row.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('aligns by sentence', async () => {
    const { ru, en } = seedFiles();
    const { code, stdout } = await run('align', ru, en, '--level', 'sentence', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.level).toBe('sentence');
    expect(out.original).toContain('Это, конечно, немыслимо и не нужно.');
    const row = out.alignment.find((g: { original: number[] }) =>
      g.original.some((k) => out.original[k] === 'Это, конечно, немыслимо и не нужно.'),
    );
    expect(row.translation.map((k: number) => out.translation[k])).toEqual([
      'This, of course, is inconceivable and not necessary.',
    ]);
  });

  it('prints a readable table without --json, and takes languages when told', async () => {
    const { ru, en } = seedFiles();
    const { code, stdout } = await run(
      'align',
      ru,
      en,
      '--original-lang',
      'ru',
      '--translation-lang',
      'en',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^13 Russian and 17 English paragraphs in \d+ rows/);
    expect(stdout).toContain('Ваши телеграммы о перемирии получены.  ⟷  Your telegrams about');
  });

  it('explains bad input and wrong usage in one line each', async () => {
    const { dir, ru, en } = seedFiles();
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const latin1 = path.join(dir, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const blank = path.join(dir, 'blank.txt');
    fs.writeFileSync(blank, '\n\u00a0\n\n');
    const cases: [string[], number, RegExp][] = [
      [['align', ru], 2, /align needs two files: ORIGINAL TRANSLATION/],
      [['align', ru, en, '--level', 'word'], 2, /--level must be paragraph or sentence/],
      [
        ['align', ru, en, '--original-lang', 'Russian!'],
        2,
        /--original-lang must be a language tag/,
      ],
      [['align', ru, en, '--bogus'], 2, /Unknown option '--bogus'/],
      [['align', ru, path.join(dir, 'missing.txt')], 1, /cannot read .*missing\.txt: no such file/],
      [['align', dir, en], 1, /this is a folder, not a file/],
      [['align', empty, en], 1, /empty\.txt: The file is empty\./],
      [['align', ru, latin1], 1, /latin1\.txt: The file is not UTF-8 text/],
      [['align', ru, blank], 1, /The file is empty \(it holds only blank space\)/],
    ];
    for (const [argv, exit, message] of cases) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code, argv.join(' ')).toBe(exit);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
  });

  it('is listed in the help', async () => {
    const { stdout } = await run('--help');
    expect(stdout).toContain('align ORIGINAL TRANSLATION');
    expect(stdout).toContain('--level');
  });
});
