// The `marginalia` command as a real process, where only a real process shows the fault: output
// piped into a reader that goes away (issue 14, point 7).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, ROOT, SAMPLE, expect, tempDir, test } from './support/fixtures';

test('marginalia list | head -1 prints one line and exits quietly (EPIPE)', () => {
  const dataDir = tempDir('cli-epipe');
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  // Enough records that list writes far more than a pipe buffer holds after head has gone.
  const folder = tempDir('cli-epipe-files');
  for (let i = 0; i < 60; i++) {
    fs.writeFileSync(
      path.join(folder, `r${i}.txt`),
      sample.replace('Ciphered Telegram No. 3917', `Ciphered Telegram No. ${i}`) +
        `\nNote ${i}: ${'filler '.repeat(200)}\n`,
    );
  }
  const imported = spawnSync(
    process.execPath,
    [CLI, 'import', folder, '--duplicates', 'keep-both', '--data-dir', dataDir],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(imported.status, imported.stderr).toBe(0);

  const piped = spawnSync(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      `"${process.execPath}" "${CLI}" list --json --data-dir "${dataDir}" | head -c 100`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(piped.stdout).toHaveLength(100);
  expect(piped.stderr).toBe('');
  expect(piped.status).toBe(0);
});
