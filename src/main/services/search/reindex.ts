// Rebuilding the search index by hand (`marginalia reindex`, the settings' "Rebuild index"),
// for a library whose index was damaged or built by an older Marginalia.
import type { ReindexReport } from '@shared/api/methods/search';
import type { AppContext } from '../context';

/** Rebuilds the whole search index from the library in one transaction, then compacts it. */
export function reindexLibrary(ctx: AppContext): ReindexReport {
  const started = performance.now();
  ctx.searchIndex.rebuild();
  ctx.searchIndex.optimize();
  const documents = ctx.searchIndex.documentCounts();
  return { documents, records: documents.record, tookMs: performance.now() - started };
}
