import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/main/cli/run';
import { SAMPLE_PATH, tempDir } from '../support/context';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('the marginalia command line', () => {
  it('prints help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Marginalia/);
    expect(stdout).toContain('import FILE');
    expect(stdout).toContain('--data-dir');
  });

  it('imports the sample and prints the record JSON', async () => {
    const dir = tempDir('cli');
    const { code, stdout, stderr } = await run('import', SAMPLE_PATH, '--data-dir', dir, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.records).toHaveLength(1);
    const record = out.records[0];
    expect(Object.keys(record)).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'date',
        'recordId',
        'type',
        'source',
        'rights',
        'summary',
        'original',
        'translation',
        'alignment',
      ]),
    );
    expect(record).toMatchObject({
      title: 'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
      date: '1951-06-30',
      recordId: '110374',
      type: 'Telegram',
      original: { lang: 'ru' },
      translation: { lang: 'en' },
    });
    expect(record.original.paragraphs[1]).toBe('Ваши телеграммы о перемирии получены.');
    expect(record.alignment).toContainEqual(
      expect.objectContaining({ original: [1], translation: [3] }),
    );
    expect(record.alignment).toContainEqual(
      expect.objectContaining({ original: [], translation: [0] }),
    );

    const listed = JSON.parse((await run('list', '--data-dir', dir, '--json')).stdout);
    expect(listed.records).toEqual(out.records);
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(true);
  });

  it('refuses bad files with one line each, a non-zero exit and nothing written', async () => {
    const dir = tempDir('cli');
    const files = path.join(dir, 'files');
    fs.mkdirSync(files);
    fs.writeFileSync(path.join(files, 'empty.txt'), '');
    fs.writeFileSync(path.join(files, 'binary.txt'), Buffer.from([0, 159, 146, 150]));
    fs.writeFileSync(path.join(files, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const huge = path.join(files, 'huge.txt');
    fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const library = path.join(dir, 'library');
    const args = ['empty.txt', 'binary.txt', 'latin1.txt', 'huge.txt', 'missing.txt'].map((f) =>
      path.join(files, f),
    );
    const { code, stdout, stderr } = await run('import', ...args, '--data-dir', library);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^marginalia: cannot import .*empty\.txt: The file is empty\.$/);
    expect(lines[1]).toMatch(/binary\.txt: This is not a text file/);
    expect(lines[2]).toMatch(/latin1\.txt: The file is not UTF-8 text/);
    expect(lines[3]).toMatch(/huge\.txt: The file is too large \(50\.0 MB/);
    expect(lines[4]).toMatch(/missing\.txt: No such file\.$/);
    expect(fs.existsSync(library)).toBe(false);
  });

  it('exports notes to a file, or to stdout', async () => {
    const dir = tempDir('cli');
    const id = JSON.parse((await run('import', SAMPLE_PATH, '--data-dir', dir, '--json')).stdout)
      .records[0].id;
    const out = path.join(dir, 'notes.md');
    const written = await run('export', id, '--data-dir', dir, '--format', 'md', '--out', out);
    expect(written.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^---\ntitle: "Ciphered Telegram No\. 3917/);
    const printed = await run('export', id, '--data-dir', dir);
    const withoutTimestamp = (md: string) => md.replace(/^exported: .*$/m, '');
    expect(withoutTimestamp(printed.stdout)).toBe(withoutTimestamp(fs.readFileSync(out, 'utf8')));
    expect(printed.stdout).toContain('## Notes (0)');
  });

  it('explains wrong usage with exit code 2', async () => {
    expect(await run('frobnicate')).toMatchObject({
      code: 2,
      stderr: 'marginalia: unknown command “frobnicate” (see marginalia --help)\n',
    });
    expect((await run('import')).code).toBe(2);
    expect((await run('list', '--bogus')).stderr).toMatch(/^marginalia: Unknown option '--bogus'/);
    expect(
      (await run('export', 'x', '--format', 'rtf', '--data-dir', tempDir('cli'))).stderr,
    ).toMatch(/--format must be one of md, csv, json, jsonld, tei, html, pdf, docx, csl, bib/);
    const missing = await run('export', 'nope', '--data-dir', tempDir('cli'));
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'marginalia: There is no record with id “nope”.\n',
    });
  });
});
