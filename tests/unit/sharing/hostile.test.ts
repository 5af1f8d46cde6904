// A sync server facing hostile clients: forged, expired and revoked tokens, documents outside the
// collection, writes to someone else's document, malformed and oversized messages. Each is
// refused, the server keeps serving, and nothing is written.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningSyncServer } from '../../../src/main/services/sharing/server';
import {
  createInvite,
  joinCollection,
  listMembers,
  revokeMember,
  shareCollection,
} from '../../../src/main/services/sharing/share';
import { memberDocName, recordsDocName } from '../../../src/main/services/sharing/doc-names';
import { syncOnce } from '../../../src/main/services/sharing/sync-run';
import {
  connectionToken,
  newKeyPair,
  publicKeyOf,
  readInvite,
  signInvite,
} from '../../../src/main/services/sharing/tokens';
import { createAnnotation } from '../../../src/main/services/annotations/annotations-service';
import { fileContext, importSample, tempDir, type TestContext } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

let server: RunningSyncServer;
let teacher: TestContext;
let student: TestContext;
let collection: string;
let shareId: string;
let recordId: string;
const sockets: HocuspocusProviderWebsocket[] = [];

beforeAll(async () => {
  server = await startSyncServer({ dataDir: tempDir('sync-hostile'), port: 0 });
  teacher = fileContext(tempDir('teacher'));
  student = fileContext(tempDir('student'));
  recordId = await importSample(teacher);
  const passage = teacher.records.get(recordId)!.original.passages.find((p) => p.text.length > 40)!;
  createAnnotation(teacher, {
    recordId,
    targets: [{ passageId: passage.id, start: 0, end: 12 }],
    comment: { json: lexicalState(paragraph(text('The teacher’s note'))) },
  });
  const shared = shareCollection(teacher, {
    recordIds: [recordId],
    name: 'Seminar',
    server: server.url,
    memberName: 'Anna',
  });
  collection = shared.collection;
  shareId = shared.shareId;
  await syncOnce(teacher);
  joinCollection(student, {
    invite: createInvite(teacher, collection).invite,
    memberName: 'Boris',
  });
  await syncOnce(student);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  teacher?.db.close();
  student?.db.close();
  await server?.close();
});

/** Connects to one document with a token; resolves with the refusal reason, or 'authenticated'. */
async function connect(
  name: string,
  token: string,
  doc = new Y.Doc(),
): Promise<{ outcome: string; provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket }> {
  const socket = new HocuspocusProviderWebsocket({ url: server.url, autoConnect: false });
  sockets.push(socket);
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
  });
  const outcome = new Promise<string>((resolve) => {
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason));
    provider.on('synced', () => resolve('authenticated'));
  });
  provider.attach();
  void socket.connect();
  return { outcome: await outcome, provider, socket };
}

function tokenFor(ctx: TestContext, invite?: string): string {
  const share = ctx.sharing.share(shareId)!;
  return connectionToken(
    {
      invite: invite ?? share.invite,
      p: publicKeyOf(share.privateKey),
      name: share.memberName,
      color: share.memberColor,
      t: Date.now(),
    },
    share.privateKey,
  );
}

/** What a fresh, legitimate reader sees in a document on the server. */
async function serverCopy(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { outcome, provider } = await connect(name, tokenFor(teacher), doc);
  expect(outcome).toBe('authenticated');
  provider.destroy();
  return doc;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the sync server refuses', () => {
  it('an invite whose role was altered, and a key that is not the collection’s', async () => {
    const share = student.sharing.share(shareId)!;
    const [payload, signature] = share.invite.split('.');
    const body = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...body, r: 'owner' })).toString('base64url');
    const forged = `${altered}.${signature}`;
    expect((await connect(recordsDocName(shareId), tokenFor(student, forged))).outcome).toBe(
      'invite: the signature does not match',
    );
    // Signing an owner invite with one's own key names another collection.
    const mine = newKeyPair();
    const selfSigned = signInvite({ ...body, r: 'owner', k: mine.publicKey }, mine.privateKey);
    expect((await connect(recordsDocName(shareId), tokenFor(student, selfSigned))).outcome).toBe(
      "invite: the key is not the collection's",
    );
    expect((await connect(recordsDocName(shareId), 'not a token')).outcome).toBe(
      'token: malformed',
    );
    const records = await serverCopy(recordsDocName(shareId));
    expect([...records.getMap('records').keys()]).toEqual([recordId]);
  });

  it('an expired invite, at the door and on the server', async () => {
    const owner = teacher.sharing.share(shareId)!;
    const invite = readInvite(createInvite(teacher, collection).code);
    const expired = signInvite({ ...invite, x: Date.now() - 1000 }, owner.privateKey);
    expect(() => joinCollection(fileContext(tempDir('late')), { invite: expired })).toThrow(
      /^This invite expired on \d{4}-\d\d-\d\d; ask for a new one\.$/,
    );
    expect((await connect(recordsDocName(shareId), tokenFor(student, expired))).outcome).toBe(
      'token: the invite has expired',
    );
  });

  it('documents outside the collection', async () => {
    expect((await connect('cSomethingElse/records', tokenFor(student))).outcome).toBe(
      'document: not part of your collection',
    );
    expect((await connect('../../etc/passwd', tokenFor(student))).outcome).toBe(
      'document: not part of your collection',
    );
  });

  it('writes to a document that is not yours, and malformed or oversized messages', async () => {
    const teacherDoc = memberDocName(shareId, teacher.sharing.share(shareId)!.memberId);
    const before = Y.encodeStateVector(await serverCopy(teacherDoc));
    // The student, read-only on the teacher's document, writes to it anyway.
    const doc = new Y.Doc();
    const { outcome, provider, socket } = await connect(teacherDoc, tokenFor(student), doc);
    expect(outcome).toBe('authenticated');
    doc.getMap('notes').set('forged-note', JSON.stringify({ recordId, comment: 'vandalism' }));
    await sleep(300);
    expect(provider.hasUnsyncedChanges).toBe(true);
    // A framed update of garbage, then bytes that are no message at all.
    const name = Buffer.from(teacherDoc);
    socket.send(new Uint8Array([name.length, ...name, 0, 2, 5, 1, 2, 3, 4, 5]));
    socket.send(new Uint8Array([255, 255, 255, 255, 255, 1]));
    // Larger than the server takes in one message.
    socket.send(new Uint8Array(17 * 1024 * 1024));
    await sleep(500);
    provider.destroy();
    const after = await serverCopy(teacherDoc);
    expect(Y.encodeStateVector(after)).toEqual(before);
    expect(after.getMap('notes').has('forged-note')).toBe(false);
    // The server is still there, and a legitimate sync still works.
    expect((await syncOnce(student)).map((s) => s.state)).toEqual(['synced']);
  });

  it('a revoked member, whose notes stop coming in', async () => {
    await syncOnce(teacher);
    const boris = listMembers(teacher, collection).find((m) => m.name === 'Boris');
    expect(boris?.role).toBe('member');
    revokeMember(teacher, collection, 'Boris');
    expect((await syncOnce(teacher)).map((s) => s.state)).toEqual(['synced']);
    const [status] = await syncOnce(student, { timeoutMs: 5000 });
    expect(status!.state).toBe('refused');
    expect(status!.message).toBe('token: your access to this collection was revoked');
    expect(listMembers(teacher, collection).find((m) => m.name === 'Boris')?.revoked).toBe(true);
  });
});
