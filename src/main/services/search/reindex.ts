import type { Database } from 'better-sqlite3';
import type { ReindexReport } from '@shared/api/methods/search';
import { optimizeSearchIndex, rebuildSearchIndex } from '../../db/search-schema';

/** Rebuilds the whole search index from the library in one transaction, then compacts it. */
export function reindexLibrary(db: Database): ReindexReport {
  const started = performance.now();
  db.transaction(() => rebuildSearchIndex(db))();
  optimizeSearchIndex(db);
  const counts = db.prepare('SELECT kind, count(*) AS n FROM search_docs GROUP BY kind').all() as {
    kind: keyof ReindexReport['documents'];
    n: number;
  }[];
  const documents = { passage: 0, note: 0, record: 0, essay: 0 };
  for (const { kind, n } of counts) documents[kind] = n;
  return { documents, records: documents.record, tookMs: performance.now() - started };
}
