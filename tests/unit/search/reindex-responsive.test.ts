// Rebuilding the search index of a large library must not stall the server (issue 14): while
// `search.reindex` runs over HTTP, other calls (listing, searching, a new note) are answered,
// and the rebuilt index is the one the triggers keep.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextDoor } from '../../../src/main/api/router';
import { startBridge } from '../../../src/main/transports/http-bridge';
import { duplicateRecord } from '../../../src/main/services/library/record-actions';
import { importSample, memoryContext, tempDir } from '../support/context';
import type { TestContext } from '../support/context';

/** Documents of each kind in the index. */
const documents = (ctx: TestContext) =>
  ctx.db.prepare('SELECT kind, count(*) AS n FROM search_docs GROUP BY kind ORDER BY kind').all();

/** Copies of the sample telegram: a library of some twelve thousand passages. */
const COPIES = 400;

async function call(url: string, token: string, method: string, input: unknown = {}) {
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('search.reindex on a large library', () => {
  it('leaves the server answering other calls while it runs', { timeout: 300_000 }, async () => {
    const ctx = memoryContext();
    const first = await importSample(ctx);
    ctx.transaction(() => {
      for (let i = 0; i < COPIES; i++) duplicateRecord(ctx, first, `Copy ${i}`);
    });
    const passages = ctx.db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    expect(passages).toBeGreaterThan(12_000);
    const kept = documents(ctx);

    const rendererDir = tempDir('renderer');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const bridge = await startBridge({ door: contextDoor(ctx), rendererDir });
    const origin = new URL(bridge.url).origin;
    const hits = async () => {
      const found = (await call(origin, bridge.token, 'search.query', {
        query: 'перемирие',
        limit: 200,
      })) as { totalHits: number; groups: { recordId: string }[] };
      return { totalHits: found.totalHits, records: found.groups.length };
    };
    try {
      const before = await hits();
      expect(before.totalHits).toBeGreaterThan(COPIES);
      let reindexed = false;
      const reindex = call(origin, bridge.token, 'search.reindex').then((report) => {
        reindexed = true;
        return report as { records: number };
      });
      // Three callers keep asking while the reindex runs; each answer is counted if it came
      // before the reindex finished.
      const answeredDuring: string[] = [];
      const caller = async (method: string, input: unknown): Promise<void> => {
        while (!reindexed) {
          await call(origin, bridge.token, method, input);
          if (!reindexed) answeredDuring.push(method);
        }
      };
      await Promise.all([
        reindex,
        caller('records.list', {}),
        caller('search.query', { query: 'перемирие' }),
        caller('annotations.list', { recordId: first }),
      ]);
      expect((await reindex).records).toBe(COPIES + 1);
      const during = new Set(answeredDuring);
      expect(during).toEqual(new Set(['records.list', 'search.query', 'annotations.list']));
      // The index holds what the triggers had kept, and a search finds every copy again.
      expect(documents(ctx)).toEqual(kept);
      expect(await hits()).toEqual(before);
    } finally {
      await bridge.close();
    }
  });
});
