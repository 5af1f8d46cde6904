// A library this user may not write (issue 14): the CLI and `serve` open it read-only, `list`,
// `search` and `export` work, and a write is refused in a sentence, the file untouched. Run as
// root, chmod stops nothing, so the commands then run as the unprivileged `nobody` (uid 65534),
// for whom the modes are real; the test first proves that user really cannot write the file.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { api } from './support/sync';
import { CLI, ROOT, SAMPLE, expect, tempDir, test, type Server } from './support/fixtures';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
/** Who the commands run as: ourselves, or `nobody` when we are root. */
const identity: SpawnSyncOptions = asRoot
  ? { uid: NOBODY, gid: NOBODY, env: { ...process.env, HOME: '/nonexistent' } }
  : {};

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...identity,
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

const sha256 = (file: string): string =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The reason a read-only library cannot be tested here, or null when it can. */
function cannotTest(file: string): string | null {
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('node:fs').appendFileSync(${JSON.stringify(file)}, '')`],
    { cwd: ROOT, ...identity },
  );
  if (probe.error) return `cannot start node as uid ${NOBODY}: ${probe.error.message}`;
  return probe.status === 0
    ? `this ${asRoot ? `root run's uid ${NOBODY}` : 'user'} can write the file despite its mode`
    : null;
}

for (const variant of ['folder', 'file'] as const) {
  test(`a library whose ${variant} may not be written opens read-only: list, search and export work, writes are refused`, async () => {
    test.setTimeout(120_000);
    const parent = tempDir('read-only');
    fs.chmodSync(parent, 0o755);
    const dataDir = path.join(parent, 'library');
    const made = spawnSync(process.execPath, [CLI, 'import', SAMPLE, '--data-dir', dataDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const file = path.join(dataDir, 'library.sqlite');
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dataDir, variant === 'folder' ? 0o555 : 0o755);
    const out = path.join(parent, 'out');
    fs.mkdirSync(out, { mode: 0o777 });
    fs.chmodSync(out, 0o777);
    const reason = cannotTest(file);
    test.skip(reason !== null, `no user here that cannot write the file: ${reason}`);
    const before = sha256(file);

    const list = run(['list', '--data-dir', dataDir]);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Ciphered Telegram No. 3917');
    const id = lines[0]!.split(/\s+/)[0]!;

    const search = run(['search', 'телеграммы', '--data-dir', dataDir]);
    expect(search.status, search.stderr).toBe(0);
    expect(search.stdout).toMatch(/^2 hits in 1 record/);

    const exported = path.join(out, 'telegram.json');
    const exporting = run([
      'export',
      id,
      '--format',
      'json',
      '--out',
      exported,
      '--data-dir',
      dataDir,
    ]);
    expect(exporting.status, exporting.stderr).toBe(0);
    const json = JSON.parse(fs.readFileSync(exported, 'utf8')) as { records: { title: string }[] };
    expect(json.records.map((r) => r.title)).toEqual([
      'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
    ]);

    const refusal = `This library is open read-only: Marginalia has no permission to write to ${dataDir}. Reading, searching and exporting work; to change it, give your user write access to the folder. Nothing was changed.`;
    const importing = run(['import', SAMPLE, '--duplicates', 'keep-both', '--data-dir', dataDir]);
    expect(importing.status).not.toBe(0);
    expect(importing.stderr).toContain(refusal);
    expect(importing.stderr).not.toMatch(/SQLITE|internal error|\n\s+at /);

    // `serve` opens it too; a note is refused with the same sentence, reading goes on.
    const child = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(identity as object),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n').find((l) => l.startsWith('http://'));
        if (line) resolve(line.trim());
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const server = { url, origin: new URL(url).origin } as Server;
    try {
      const records = await api<{ id: string }[]>(server, 'records.list', {});
      expect(records.map((r) => r.id)).toEqual([id]);
      const record = await api<{ original: { passages: { id: number; text: string }[] } }>(
        server,
        'records.get',
        { id },
      );
      const passage = record.original.passages.find((p) => p.text.includes('телеграммы'))!;
      const start = passage.text.indexOf('телеграммы');
      await expect(
        api(server, 'annotations.create', {
          recordId: id,
          targets: [{ passageId: passage.id, start, end: start + 'телеграммы'.length }],
        }),
      ).rejects.toThrow(`annotations.create: ${refusal}`);
      expect((await api<unknown[]>(server, 'records.list', {})).length).toBe(1);
    } finally {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    expect(stderr).toBe('');
    expect(sha256(file)).toBe(before);
    fs.chmodSync(dataDir, 0o755);
  });
}
