// Two sync server nodes sharing state through a real redis-server (Debian's, started here) and
// one document store: a teacher on one node and a student on the other converge, both ways.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../src/main/services/annotations/annotations-service';
import { startSyncServer, type RunningSyncServer } from '../../../src/main/services/sharing/server';
import {
  createInvite,
  joinCollection,
  shareCollection,
} from '../../../src/main/services/sharing/share';
import { startSyncLoop } from '../../../src/main/services/sharing/sync-run';
import { fileContext, importSample, tempDir, type TestContext } from '../support/context';
import { lexicalState, paragraph, text } from '../support/lexical';

let redis: ChildProcess;
let redisUrl: string;
const nodes: RunningSyncServer[] = [];
const libraries: TestContext[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    redis.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
  redisUrl = `redis://127.0.0.1:${port}`;
}, 30_000);

afterAll(async () => {
  for (const library of libraries) library.db.close();
  for (const node of nodes) await node.close();
  redis?.kill('SIGTERM');
});

const note = (ctx: TestContext, recordId: string, value: string, start: number) => {
  const passage = ctx.records.get(recordId)!.original.passages.find((p) => p.text.length > 40)!;
  return createAnnotation(ctx, {
    recordId,
    targets: [{ passageId: passage.id, start, end: start + 6 }],
    comment: { json: lexicalState(paragraph(text(value))) },
  });
};

const texts = (ctx: TestContext, recordId: string) =>
  ctx.annotations
    .listByRecord(recordId)
    .map((a) => a.comment.text)
    .sort();

async function until(what: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two sync nodes with Redis', () => {
  it('let clients connected to different nodes converge', async () => {
    // Two nodes on one machine share one document store and relay live updates through Redis.
    const dataDir = tempDir('nodes');
    for (const name of ['node1', 'node2']) {
      nodes.push(await startSyncServer({ dataDir, port: 0, redis: redisUrl, name }));
    }
    const [node1, node2] = nodes as [RunningSyncServer, RunningSyncServer];
    const teacher = fileContext(tempDir('teacher'));
    const student = fileContext(tempDir('student'));
    libraries.push(teacher, student);
    const recordId = await importSample(teacher);
    const shared = shareCollection(teacher, {
      recordIds: [recordId],
      name: 'Across nodes',
      server: node1.url,
      memberName: 'Anna',
    });
    // The student talks to the other node only.
    joinCollection(student, {
      invite: createInvite(teacher, shared.collection).invite,
      memberName: 'Boris',
      server: node2.url,
    });
    expect(student.sharing.shares()[0]!.serverUrl).toBe(node2.url);
    const loops = [startSyncLoop(teacher), startSyncLoop(student)];
    try {
      await until(() => student.records.state(recordId) !== null);
      note(teacher, recordId, 'From node one', 0);
      await until(() => texts(student, recordId).length === 1);
      expect(texts(student, recordId)).toEqual(['From node one']);
      note(student, recordId, 'From node two', 10);
      await until(() => texts(teacher, recordId).length === 2);
      expect(texts(teacher, recordId)).toEqual(['From node one', 'From node two']);
      expect(texts(student, recordId)).toEqual(['From node one', 'From node two']);
    } finally {
      for (const loop of loops) loop.stop();
    }
  }, 60_000);
});
