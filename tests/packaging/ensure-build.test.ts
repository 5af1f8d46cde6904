// The build step behind `npx marginalia`, `npm run serve` and the benchmark starts electron-vite
// without a shell. On Windows it once ran electron-vite.cmd through one, which splits unquoted
// paths at spaces ("C:\Program Files\nodejs\node.exe", a user folder with a space).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronViteCommand } from '../../scripts/ensure-build.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the build step', () => {
  it('runs electron-vite’s JavaScript entry with this Node, no shell, no .cmd', () => {
    const { command, args, entry } = electronViteCommand();
    expect(command).toBe(process.execPath);
    expect(args).toEqual([entry, 'build']);
    expect(entry).toBe(path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'));
    expect(fs.existsSync(entry)).toBe(true);
  });

  it('starts electron-vite that way', () => {
    const { command, entry } = electronViteCommand();
    const run = spawnSync(command, [entry, '--version'], { encoding: 'utf8', shell: false });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^electron-vite\/\d+\.\d+\.\d+/m);
  });
});
