// Rebuilding the search index by hand (`marginalia reindex`, the settings' "Rebuild index"),
// for a library whose index was damaged or built by an older Marginalia. It runs in short steps
// with the event loop free between them, so a large library's reindex never stalls the server:
// searches, notes and every other call are answered meanwhile (search finds the records indexed
// so far). Two requests at once share one rebuild.
import type { ReindexReport } from '@shared/api/methods/search';
import { memoised, type AppContext } from '../context';
import { yieldToOthers } from '../yield';

async function rebuild(ctx: AppContext): Promise<ReindexReport> {
  const started = performance.now();
  const steps = ctx.searchIndex.rebuildInSteps();
  while (steps.step()) await yieldToOthers();
  await yieldToOthers();
  ctx.searchIndex.optimize();
  const documents = ctx.searchIndex.documentCounts();
  return { documents, records: documents.record, tookMs: performance.now() - started };
}

/** Rebuilds the whole search index from the library, step by step, then compacts it. */
export function reindexLibrary(ctx: AppContext): Promise<ReindexReport> {
  const running = memoised(ctx, 'search.reindex', () => ({
    now: null as Promise<ReindexReport> | null,
  }));
  running.now ??= rebuild(ctx).finally(() => {
    running.now = null;
  });
  return running.now;
}
