// Working together from the command line, with real processes only: a `marginalia sync-server`
// on loopback, two libraries taking part through `share`, `join`, `sync --once`, `members` and
// `revoke`, offline work that converges when the server is back, and a sync killed with SIGKILL
// in the middle of applying a batch that loses nothing.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { SAMPLE, startServer, tempDir, type Server } from './support/fixtures';
import { api, cli, comment, freePort, startSyncServer, type Process } from './support/sync';

interface RecordDoc {
  id: string;
  original: { passages: { id: number; text: string }[] };
}

async function importSample(dataDir: string): Promise<string> {
  const run = await cli(['import', SAMPLE, '--data-dir', dataDir, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).records[0].id as string;
}

/** Adds notes through a short-lived `serve` of the library, as the app would. */
async function addNotes(dataDir: string, recordId: string, texts: string[]): Promise<string[]> {
  const server: Server = await startServer(dataDir);
  try {
    const record = await api<RecordDoc>(server, 'records.get', { id: recordId });
    const passages = record.original.passages.filter((p) => p.text.length > 40);
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      const passage = passages[i % passages.length]!;
      const start = Math.floor(i / passages.length) % 20;
      const note = await api<{ id: string }>(server, 'annotations.create', {
        recordId,
        targets: [{ passageId: passage.id, start, end: start + 8 }],
        comment: comment(text),
      });
      ids.push(note.id);
    }
    return ids;
  } finally {
    await server.stop();
  }
}

function integrity(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'library.sqlite'), { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Every note's text in a library, read straight from its file (read-only). */
function notesOf(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'library.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT comment_text FROM annotations ORDER BY comment_text')
      .pluck()
      .all();
    return rows as string[];
  } finally {
    db.close();
  }
}

test.describe('sharing from the command line', () => {
  test.describe.configure({ timeout: 600_000 });
  let syncServer: Process;
  test.afterEach(async () => {
    await syncServer?.stop();
  });

  test('two libraries share, converge, and the owner revokes a member', async () => {
    syncServer = await startSyncServer(tempDir('sync-server'));
    const teacher = tempDir('teacher');
    const student = tempDir('student');
    const recordId = await importSample(teacher);
    await addNotes(teacher, recordId, ['Who sent this telegram?']);

    const shared = await cli([
      'share',
      recordId,
      '--name',
      'Korea 1951',
      '--server',
      syncServer.url,
      '--as',
      'Anna',
      '--data-dir',
      teacher,
      '--json',
    ]);
    expect(shared.code, shared.stderr).toBe(0);
    const { collection, invite, sync } = JSON.parse(shared.stdout);
    expect(invite).toMatch(/^marginalia:\/\/join\?invite=[\w-]+\.[\w-]+$/);
    expect(sync).toBe('synced');

    const joined = await cli(['join', invite, '--as', 'Boris', '--data-dir', student, '--json']);
    expect(joined.code, joined.stderr).toBe(0);
    const joinedOut = JSON.parse(joined.stdout);
    expect(joinedOut).toMatchObject({
      name: 'Korea 1951',
      role: 'member',
      records: 1,
      sync: 'synced',
    });
    expect(notesOf(student)).toEqual(['Who sent this telegram?']);

    await addNotes(student, recordId, ['Stalin to Mao, I think']);
    expect((await cli(['sync', '--once', '--data-dir', student])).code).toBe(0);
    const teacherSync = await cli(['sync', '--once', '--data-dir', teacher]);
    expect(teacherSync.stdout).toBe(`${collection}: synced (1 change came in)\n`);
    expect(notesOf(teacher)).toEqual(['Stalin to Mao, I think', 'Who sent this telegram?']);

    const members = await cli(['members', collection, '--data-dir', teacher, '--json']);
    expect(
      JSON.parse(members.stdout).members.map((m: { name: string; role: string; you: boolean }) => [
        m.name,
        m.role,
        m.you,
      ]),
    ).toEqual([
      ['Anna', 'owner', true],
      ['Boris', 'member', false],
    ]);

    const revoked = await cli(['revoke', collection, 'Boris', '--data-dir', teacher]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked Boris \(m[\w-]+\)\.\n$/);
    const refused = await cli(['sync', '--once', '--data-dir', student, '--timeout', '10']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      'refused by the server: token: your access to this collection was revoked',
    );
    // Not a member of the collection? Revoking is the owner's alone.
    const notOwner = await cli(['revoke', joinedOut.collection, 'Anna', '--data-dir', student]);
    expect(notOwner.code).toBe(2);
    expect(notOwner.stderr).toBe('marginalia: Only the collection’s owner can revoke members.\n');
  });

  test('offline edits on both sides converge when the server is back, even after SIGKILL', async () => {
    const serverDir = tempDir('sync-server');
    const port = await freePort();
    syncServer = await startSyncServer(serverDir, { port });
    const teacher = tempDir('teacher');
    const student = tempDir('student');
    const recordId = await importSample(teacher);
    const shared = JSON.parse(
      (
        await cli([
          'share',
          recordId,
          '--name',
          'Seminar',
          '--server',
          syncServer.url,
          '--as',
          'Anna',
          '--data-dir',
          teacher,
          '--json',
        ])
      ).stdout,
    );
    expect((await cli(['join', shared.invite, '--as', 'Boris', '--data-dir', student])).code).toBe(
      0,
    );

    // The server goes away; both keep working.
    await syncServer.stop();
    await addNotes(teacher, recordId, ['Teacher, offline']);
    await addNotes(student, recordId, ['Student, offline']);
    const offline = await cli(['sync', '--once', '--timeout', '2', '--data-dir', student]);
    expect(offline.code).toBe(1);
    expect(offline.stdout).toMatch(/offline: the server cannot be reached; 1 change waiting\n$/);

    // A restart of the library does not lose the waiting change; the server comes back.
    syncServer = await startSyncServer(serverDir, { port });
    expect((await cli(['sync', '--once', '--data-dir', student])).code).toBe(0);
    expect((await cli(['sync', '--once', '--data-dir', teacher])).code).toBe(0);
    expect((await cli(['sync', '--once', '--data-dir', student])).code).toBe(0);
    const both = ['Student, offline', 'Teacher, offline'];
    expect(notesOf(teacher)).toEqual(both);
    expect(notesOf(student)).toEqual(both);

    // A big batch from the teacher; the student's sync is killed while applying it, again and again.
    const many = Array.from(
      { length: 300 },
      (_, i) => `Teacher note ${String(i).padStart(3, '0')}`,
    );
    await addNotes(teacher, recordId, many);
    expect((await cli(['sync', '--once', '--data-dir', teacher])).code).toBe(0);
    // Kills land at different moments: before the connection, while the batch is applied, after.
    // The delay grows until a sync outruns its kill, so however fast the machine, the first kills
    // land while the process is still working and the last one lets it finish.
    let interrupted = 0;
    let finished = false;
    for (let killAfterMs = 150; !finished && killAfterMs < 60_000; killAfterMs *= 1.7) {
      const killed = await cli(['sync', '--once', '--data-dir', student], { killAfterMs });
      if (killed.signal === 'SIGKILL') interrupted++;
      else {
        expect(killed.code, killed.stderr).toBe(0);
        finished = true;
      }
      expect(integrity(student)).toBe('ok');
    }
    expect(interrupted).toBeGreaterThan(0);
    expect(finished).toBe(true);
    expect((await cli(['sync', '--once', '--data-dir', student])).code).toBe(0);
    const expected = [...both, ...many].sort();
    expect(notesOf(student)).toEqual(expected);
  });
});
