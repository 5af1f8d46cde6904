// The release workflow's first-start check (scripts/check-packaged-app.mjs) must pass an app that
// makes its library where the CLI looks, with the sample in it, and fail one that does not. Here
// `marginalia serve` stands in for the packaged app: it opens the default library and seeds the
// sample as the desktop app does on its first start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAppOnce } from './support/build';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function executable(dir: string, body: string): string {
  const file = path.join(dir, 'app.sh');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

function check(app: string, config: string, timeout = 60) {
  return spawnSync(
    process.execPath,
    ['scripts/check-packaged-app.mjs', app, '--timeout-seconds', String(timeout)],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: config } },
  );
}

beforeAll(() => {
  buildAppOnce();
}, 120_000);

describe.runIf(process.platform === 'linux')('the first-start check of a packaged app', () => {
  it('passes an app that creates the library in the user-data folder, with the sample', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-first-start-'));
    const app = executable(
      dir,
      `exec "${process.execPath}" "${path.join(ROOT, 'out/main/cli.js')}" serve --port 0`,
    );
    const result = check(app, path.join(dir, 'config'));
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `First start created ${path.join(dir, 'config/Marginalia/library.sqlite')} with the sample record; the CLI reads the same library.\n`,
    );
    expect(result.status).toBe(0);
  }, 90_000);

  it('fails an app that writes its library somewhere else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-first-start-'));
    const app = executable(
      dir,
      `exec "${process.execPath}" "${path.join(ROOT, 'out/main/cli.js')}" serve --port 0 --data-dir "${dir}/elsewhere"`,
    );
    const result = check(app, path.join(dir, 'config'), 5);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no library appeared in .*config\/Marginalia within 5 s/);
  }, 30_000);

  it('fails an app that dies at start, with what it printed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-first-start-'));
    const app = executable(dir, 'echo "Marginalia could not start: boom" >&2; exit 1');
    const result = check(app, path.join(dir, 'config'), 10);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the app exited \(1\) before its library was ready/);
    expect(result.stderr).toContain('Marginalia could not start: boom');
  }, 30_000);
});
