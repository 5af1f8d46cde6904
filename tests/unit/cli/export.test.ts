import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/main/cli/run';
import { ROOT, SAMPLE_PATH, tempDir } from '../support/context';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

async function library(): Promise<{ dir: string; id: string }> {
  const dir = tempDir('cli-export');
  const { stdout } = await run('import', SAMPLE_PATH, '--data-dir', dir, '--json');
  return { dir, id: JSON.parse(stdout).records[0].id };
}

describe('marginalia export', () => {
  it('writes every text format to stdout or a file', async () => {
    const { dir, id } = await library();
    for (const format of ['md', 'csv', 'json', 'jsonld', 'tei', 'html', 'csl', 'bib']) {
      const printed = await run('export', id, '--format', format, '--data-dir', dir);
      expect(printed.code, `${format}: ${printed.stderr}`).toBe(0);
      expect(printed.stdout.length).toBeGreaterThan(100);
    }
    const out = path.join(dir, 'edition.xml');
    const written = await run('export', id, '--format', 'tei', '--out', out, '--data-dir', dir);
    expect(written).toMatchObject({ code: 0, stdout: '', stderr: `Wrote ${out}\n` });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<TEI/);
  });

  it('writes binary formats only to a file', async () => {
    const { dir, id } = await library();
    expect(await run('export', id, '--format', 'docx', '--data-dir', dir)).toMatchObject({
      code: 2,
      stderr: 'marginalia: docx is a binary format: name the file with --out FILE\n',
    });
    const out = path.join(dir, 'handout.docx');
    expect(
      (await run('export', id, '--format', 'docx', '--out', out, '--data-dir', dir)).code,
    ).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('puts several records in one file, or one file each into a folder', async () => {
    const { dir, id } = await library();
    const variant = path.join(dir, 'variant.txt');
    fs.writeFileSync(
      variant,
      fs
        .readFileSync(SAMPLE_PATH, 'utf8')
        .replace(/110374$/, '110375')
        .replace('Ваши телеграммы', 'Ваша телеграмма'),
    );
    const second = JSON.parse((await run('import', variant, '--data-dir', dir, '--json')).stdout)
      .records[0].id;
    const csv = await run('export', id, second, '--format', 'csv', '--data-dir', dir);
    expect(csv.code).toBe(0);
    const folder = path.join(dir, 'out');
    fs.mkdirSync(folder);
    const each = await run(
      'export',
      id,
      second,
      '--format',
      'md',
      '--out',
      folder + path.sep,
      '--data-dir',
      dir,
    );
    expect(each.code).toBe(0);
    expect(fs.readdirSync(folder)).toHaveLength(2);
    expect(
      (
        await run(
          'export',
          id,
          '--format',
          'md',
          '--out',
          path.join(dir, 'missing') + path.sep,
          '--data-dir',
          dir,
        )
      ).stderr,
    ).toMatch(/does not exist/);
  });
});

describe('marginalia import-annotations', () => {
  it('imports Hypothesis annotations onto the record that holds their text', async () => {
    const { dir, id } = await library();
    const result = await run(
      'import-annotations',
      path.join(ROOT, 'tests/fixtures/interop/hypothesis-110374.json'),
      '--data-dir',
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Record “Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong” (${id}): 3 annotations imported; 1 need re-attaching (their text was not found).\n`,
    );
    expect(result.stderr).toContain(
      'marginalia: note: The page note “Compare with the Chinese record',
    );
  });

  it('brings a TEI edition, record and notes, into an empty library (round trip)', async () => {
    const { dir, id } = await library();
    await run(
      'import-annotations',
      path.join(ROOT, 'tests/fixtures/interop/hypothesis-110374.json'),
      '--data-dir',
      dir,
    );
    const tei = path.join(dir, 'edition.xml');
    await run('export', id, '--format', 'tei', '--out', tei, '--data-dir', dir);
    const fresh = tempDir('cli-fresh');
    const result = await run('import-annotations', tei, '--data-dir', fresh, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ format: 'TEI', imported: 3, orphaned: 1 });
    expect(report.records[0].created).toBe(true);
  });

  it('gives one-line reasons and exit codes', async () => {
    const { dir } = await library();
    expect(await run('import-annotations', '--data-dir', dir)).toMatchObject({ code: 2 });
    expect(
      await run('import-annotations', path.join(dir, 'nope.json'), '--data-dir', dir),
    ).toMatchObject({
      code: 1,
      stderr: `marginalia: cannot read ${path.join(dir, 'nope.json')}: no such file\n`,
    });
    const junk = path.join(dir, 'junk.json');
    fs.writeFileSync(junk, '{"not": "annotations"}');
    const refused = await run('import-annotations', junk, '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^marginalia: junk\.json is JSON, but not annotations Marginalia knows/,
    );
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(
      (await run('import-annotations', junk, '--record', 'nope', '--data-dir', dir)).code,
    ).toBe(1);
  });
});
