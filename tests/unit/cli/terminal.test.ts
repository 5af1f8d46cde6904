// Terminal escape injection (issue 14, point 2): a library written before control characters
// were stripped at import, or a file name chosen by an attacker, must never reach the terminal
// as escape sequences; and names with controls are refused at the API.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { dispatch } from '../../../src/main/api/router';
import { fileContext, importSample, memoryContext, SAMPLE_TEXT, tempDir } from '../support/context';

/** What an attacker puts in text: retitle the window, clear the screen, recolour, ring, CSI (C1). */
const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x08\x9b1m\u202Egnp.exe';
/** Any control a terminal acts on (tab and newline are plain layout). */
// eslint-disable-next-line no-control-regex -- the characters under test
const ACTIVE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** A library whose record title and text hold escapes, as an older Marginalia could store them. */
async function hostileLibrary(): Promise<string> {
  const dir = tempDir('cli-terminal');
  const ctx = fileContext(dir);
  const id = await importSample(ctx);
  ctx.db.prepare('UPDATE records SET title = ? WHERE id = ?').run(`Telegram ${HOSTILE}`, id);
  ctx.db
    .prepare("UPDATE passages SET text = text || ? WHERE record_id = ? AND side = 'original'")
    .run(` перемирие ${HOSTILE}`, id);
  ctx.db.close();
  return dir;
}

describe('what the command line prints', () => {
  it('shows controls in titles as visible escapes in list, list --json and search', async () => {
    const dir = await hostileLibrary();
    const list = await cli(['list', '--data-dir', dir]);
    expect(list.code).toBe(0);
    expect(list.out).not.toMatch(ACTIVE);
    expect(list.out).toContain(
      'Telegram \\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31mred\\u0008\\u009b1m<U+202E>gnp.exe',
    );

    const json = await cli(['list', '--data-dir', dir, '--json']);
    expect(json.out).not.toMatch(ACTIVE);
    // Still JSON, and the title reads back as stored, bar the direction override made visible.
    expect(JSON.parse(json.out).records[0].title).toBe(
      'Telegram \x1b]0;pwned\x07\x1b[2J\x1b[31mred\x08\x9b1m<U+202E>gnp.exe',
    );

    const search = await cli(['search', 'перемирие', '--data-dir', dir]);
    expect(search.code).toBe(0);
    expect(search.out).not.toMatch(ACTIVE);
    expect(search.out).toContain('\\u001b]0;pwned');
  });

  it('shows controls in a file name as visible escapes when the import fails', async () => {
    const dir = tempDir('cli-terminal-name');
    const file = path.join(dir, `x\x1b[2J\x07.txt`);
    fs.writeFileSync(file, '');
    const run = await cli(['import', file, '--data-dir', path.join(dir, 'lib')]);
    expect(run.code).toBe(1);
    expect(run.err).not.toMatch(ACTIVE);
    expect(run.err).toContain('x\\u001b[2J\\u0007.txt');
  });
});

describe('names given through the API', () => {
  it('are refused with a reason when they hold control characters', async () => {
    const ctx = memoryContext();
    const id = await importSample(ctx, SAMPLE_TEXT);
    const before = ctx.records.get(id)!.title;
    for (const title of [`a\x1b[2Jb`, 'a\x07', 'line\nbreak', 'tab\there', 'c1\x9b']) {
      const result = await dispatch(ctx, 'library.renameRecord', { id, title });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [
            {
              path: 'title',
              message: 'must not hold control characters (ESC, BEL, NUL, tab, line breaks…)',
            },
          ],
        },
      });
    }
    expect(ctx.records.get(id)!.title).toBe(before);
    const created = await dispatch(ctx, 'collections.create', { name: 'Seminar\x1b[31m' });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(ctx, 'collections.list', {})).toEqual({ ok: true, value: [] });
  });
});
