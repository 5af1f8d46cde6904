// Two libraries share a collection through a real Hocuspocus sync server on loopback: notes with
// their authors cross over, another member's note cannot be edited, and bad tokens are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningSyncServer } from '../../../src/main/services/sharing/server';
import {
  createInvite,
  joinCollection,
  listMembers,
  shareCollection,
} from '../../../src/main/services/sharing/share';
import { syncOnce } from '../../../src/main/services/sharing/sync-run';
import { addReply, updateReply } from '../../../src/main/services/annotations/replies';
import {
  createAnnotation,
  deleteAnnotation,
  updateAnnotation,
} from '../../../src/main/services/annotations/annotations-service';
import { fileContext, importSample, tempDir, type TestContext } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

const lexicalParagraph = (value: string): string => lexicalState(paragraph(text(value)));

let server: RunningSyncServer;
let teacher: TestContext;
let student: TestContext;

beforeAll(async () => {
  server = await startSyncServer({ dataDir: tempDir('sync-server'), port: 0 });
  teacher = fileContext(tempDir('teacher'));
  student = fileContext(tempDir('student'));
});

afterAll(async () => {
  teacher?.db.close();
  student?.db.close();
  await server?.close();
});

function firstPassage(ctx: TestContext, recordId: string) {
  const record = ctx.records.get(recordId)!;
  return record.original.passages.find((p) => p.text.length > 40)!;
}

describe('sharing a collection', () => {
  it('carries the teacher’s notes to the student with their author, and back', async () => {
    const recordId = await importSample(teacher);
    const passage = firstPassage(teacher, recordId);
    const note = createAnnotation(teacher, {
      recordId,
      targets: [{ passageId: passage.id, start: 0, end: 10 }],
      comment: { json: lexicalParagraph('Who sent this?') },
      categoryId: 'question',
    });
    const shared = shareCollection(teacher, {
      recordIds: [recordId],
      name: 'Seminar',
      server: server.url,
      memberName: 'Anna',
    });
    expect((await syncOnce(teacher)).map((s) => s.state)).toEqual(['synced']);

    const { invite } = createInvite(teacher, shared.collection);
    expect(invite.startsWith('marginalia://join?invite=')).toBe(true);
    const joined = joinCollection(student, { invite, memberName: 'Boris' });
    const [status] = await syncOnce(student);
    expect(status!.state).toBe('synced');

    expect(student.collections.get(joined.collection)!.name).toBe('Seminar');
    expect(student.collections.get(joined.collection)!.recordIds).toEqual([recordId]);
    const seen = student.annotations.listByRecord(recordId);
    expect(seen.map((a) => [a.id, a.comment.text, a.categoryId])).toEqual([
      [note.id, 'Who sent this?', 'question'],
    ]);
    expect(seen[0]!.targets[0]!.orphaned).toBe(false);
    expect(listMembers(student, joined.collection).map((m) => [m.name, m.role])).toEqual([
      ['Anna', 'owner'],
      ['Boris', 'member'],
    ]);

    // The student answers; the teacher sees the reply, written by Boris.
    const reply = addReply(student, {
      annotationId: note.id,
      body: { json: lexicalParagraph('Stalin, to Mao.') },
    });
    const studentPassage = firstPassage(student, recordId);
    const own = createAnnotation(student, {
      recordId,
      targets: [{ passageId: studentPassage.id, start: 20, end: 30 }],
      comment: { json: lexicalParagraph('A student note') },
    });
    await syncOnce(student);
    await syncOnce(teacher);
    const back = teacher.annotations.listByRecord(recordId);
    expect(back.map((a) => a.comment.text).sort()).toEqual(['A student note', 'Who sent this?']);
    expect(back.find((a) => a.id === note.id)!.replies.map((r) => r.body.text)).toEqual([
      'Stalin, to Mao.',
    ]);
    expect(teacher.sharing.authorOf('note_authors', own.id)?.memberId).toBe(joined.memberId);

    // Nobody edits another member's note or reply: a clear refusal, nothing changed.
    expect(() =>
      updateAnnotation(student, { id: note.id, comment: { json: lexicalParagraph('Mine now') } }),
    ).toThrow('This note is Anna’s: only its author can change it. Reply to it instead.');
    expect(() => deleteAnnotation(student, note.id)).toThrow('This note is Anna’s');
    expect(() =>
      updateReply(teacher, { id: reply.id, body: { json: lexicalParagraph('Edited') } }),
    ).toThrow('This reply is Boris’s');
    expect(student.annotations.get(note.id)!.comment.text).toBe('Who sent this?');
  });
});
