// Every source file opens with a sentence on why it exists: the first thing a newcomer reads.
// Renderer files that still lack one are listed below, to be headed as they are next touched
// (the list only shrinks: a listed file that has its sentence fails until it leaves the list).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FOLDERS = ['src', 'scripts', 'bench', 'bin'];
const SOURCE = /\.(ts|tsx|mjs|js)$/;

/** Renderer files without a header yet (issue 13: the renderer's pass comes with its refactor). */
const UNHEADED = new Set(
  fs
    .readFileSync(path.join(import.meta.dirname, 'unheaded-files.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#')),
);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Whether the file's first lines (after a #! line) are a comment of at least one sentence. */
function hasHeader(text: string): boolean {
  const lines = text.split('\n').filter((line, i) => !(i === 0 && line.startsWith('#!')));
  const first = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  if (!first.startsWith('//') && !first.startsWith('/*')) return false;
  const comment = lines
    .slice(lines.indexOf(lines.find((l) => l.trim() !== '')!))
    .filter((line) => /^\s*(\/\/|\/\*|\*)/.test(line))
    .join(' ')
    .replace(/\/\/|\/\*+|\*\/|\*/g, ' ');
  return /\p{L}.*[.:!?)]/u.test(comment) && comment.trim().split(/\s+/).length >= 5;
}

describe('source files', () => {
  const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder))).map((file) =>
    path.relative(ROOT, file),
  );

  it('each open with a sentence on why they exist', () => {
    const missing = files.filter(
      (file) => !UNHEADED.has(file) && !hasHeader(fs.readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(missing, 'Open each of these with a comment saying why the file exists').toEqual([]);
  });

  it('leave the list of unheaded files once they have their sentence', () => {
    const headed = [...UNHEADED].filter(
      (file) =>
        !fs.existsSync(path.join(ROOT, file)) ||
        hasHeader(fs.readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(headed, 'Take these off tests/unit/house/unheaded-files.txt').toEqual([]);
  });
});
