import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/main/cli/run';
import seed from '../../fixtures/alignment/wilson-center-110374.paragraphs.json' with { type: 'json' };
import { tempDir } from '../support/context';
import { pocountTranslated, readTmx } from '../support/tmx';

const PUBLIC = path.resolve('tests/fixtures/alignment/public');
const udhrGold: string[] = JSON.parse(
  fs.readFileSync(path.join(PUBLIC, 'udhr.gold.json'), 'utf8'),
).gold;

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
    expect(out.unit).toEqual({ original: 'paragraph', translation: 'paragraph' });
    expect(out.detected.original).toEqual({ unit: 'paragraph', paragraphs: 13, lines: 13 });
    const gold = pairs(seed.gold);
    expect(pairs(out.alignment)).toEqual(gold);
    for (const row of out.alignment) {
      expect(Object.keys(row)).toEqual(['original', 'translation', 'confidence', 'evidence']);
      expect(row.confidence).toBeGreaterThanOrEqual(0);
      expect(row.confidence).toBeLessThanOrEqual(1);
    }
    // Every pair says what made it: the reply to Ridgway shares its date and names.
    const reply = out.alignment.find((g: { original: number[] }) => g.original[0] === 4);
    expect(reply.evidence.numbers).toBe(6);
    expect(reply.evidence.names).toBeGreaterThanOrEqual(1);
    expect(reply.evidence.support).toBeGreaterThan(0);
  });

  it('reads a file of one segment per line as lines, and blank-line paragraphs as paragraphs', async () => {
    const ru = path.join(PUBLIC, 'udhr.ru.txt');
    const en = path.join(PUBLIC, 'udhr.en.txt');
    const lines = JSON.parse((await run('align', ru, en, '--json')).stdout);
    expect(lines.unit).toEqual({ original: 'line', translation: 'line' });
    expect(lines.detected.original).toEqual({ unit: 'line', paragraphs: 1, lines: 91 });
    expect(lines.original).toHaveLength(91);
    expect(lines.translation).toHaveLength(91);
    const gold = udhrGold.filter((g) => !g.startsWith('|') && !g.endsWith('|'));
    expect(pairs(lines.alignment).sort()).toEqual([...gold].sort());
    // The same texts with a blank line after every line: paragraphs, and the same rows.
    const dir = tempDir('align-spaced');
    const spaced = (file: string): string => {
      const copy = path.join(dir, path.basename(file));
      fs.writeFileSync(copy, fs.readFileSync(file, 'utf8').replace(/\n/g, '\n\n'));
      return copy;
    };
    const paragraphs = JSON.parse((await run('align', spaced(ru), spaced(en), '--json')).stdout);
    expect(paragraphs.unit).toEqual({ original: 'paragraph', translation: 'paragraph' });
    expect(pairs(paragraphs.alignment)).toEqual(pairs(lines.alignment));
    // --unit overrides the detection: the whole file is one paragraph, one pair.
    const whole = JSON.parse((await run('align', ru, en, '--unit', 'paragraph', '--json')).stdout);
    expect(whole.original).toHaveLength(1);
    expect(pairs(whole.alignment)).toEqual(['0|0']);
  });

  it('writes a TSV bitext, a hunalign ladder and TMX that translate-toolkit reads', async () => {
    const ru = path.join(PUBLIC, 'udhr.ru.txt');
    const en = path.join(PUBLIC, 'udhr.en.txt');
    const json = JSON.parse((await run('align', ru, en, '--json')).stdout);
    const rows: { original: number[]; translation: number[]; confidence: number }[] =
      json.alignment;
    const paired = rows.filter((r) => r.original.length > 0 && r.translation.length > 0);

    const tsv = (await run('align', ru, en, '--format', 'tsv')).stdout.split('\n').slice(0, -1);
    expect(tsv).toHaveLength(rows.length);
    const article2 = tsv.find((line) => line.startsWith('Каждый человек должен обладать'))!;
    const [ruText, enText, confidence] = article2.split('\t');
    expect(ruText).toMatch(/суверенитете\.$/);
    expect(enText).toMatch(/^Everyone is entitled to all the rights/);
    expect(Number(confidence)).toBeGreaterThan(0);

    const ladder = (await run('align', ru, en, '--format', 'ladder')).stdout.trim().split('\n');
    expect(ladder).toHaveLength(rows.length + 1);
    expect(ladder[0]).toMatch(/^0\t0\t/);
    expect(ladder.at(-1)).toMatch(/^91\t91\t/);
    // Each rung is where a row starts: Article 2's two Russian lines are one bead.
    expect(ladder).toContain(`14\t15\t${rows.find((r) => r.original[0] === 14)!.confidence}`);
    expect(ladder.some((rung) => rung.startsWith('16\t16\t'))).toBe(true);

    const tmx = (await run('align', ru, en, '--format', 'tmx')).stdout;
    const dir = tempDir('align-tmx');
    const file = path.join(dir, 'udhr.tmx');
    fs.writeFileSync(file, tmx);
    const read = readTmx(file);
    expect(read.units).toHaveLength(paired.length);
    expect(read.langs).toEqual(['ru', 'en']);
    expect(read.units[0]).toEqual({
      source: 'Всеобщая декларация прав человека',
      target: 'Universal Declaration of Human Rights',
    });
    expect(pocountTranslated(file)).toBe(paired.length);
  });

  it('aligns by sentence', async () => {
    const { ru, en } = seedFiles();
    const { code, stdout } = await run('align', ru, en, '--unit', 'sentence', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.unit).toEqual({ original: 'sentence', translation: 'sentence' });
    expect(pairs(out.alignment)).toHaveLength(25);
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
    expect(stdout).toMatch(/^13 Russian paragraphs and 17 English paragraphs in \d+ rows/);
    expect(stdout).toContain('Ваши телеграммы о перемирии получены.  ⟷  Your telegrams about');
    // What made the row: the reply to Ridgway shares its dates and numbers (28 June, 38th,
    // 10–15 July) with its translation.
    expect(stdout).toMatch(/«Главнокомандующему войсками ООН.*numbers 6/);
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
      [['align', ru, en, '--unit', 'word'], 2, /--unit must be auto, paragraph, line or sentence/],
      [
        ['align', ru, en, '--format', 'xliff'],
        2,
        /--format must be text, json, tsv, ladder or tmx/,
      ],
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
    expect(stdout).toContain('--unit UNIT');
    expect(stdout).toContain('--format FORMAT');
  });
});
