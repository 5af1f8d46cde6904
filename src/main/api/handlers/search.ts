// The search methods: the library search, find in one record, and rebuilding the index.
import { searchLibrary } from '../../services/search/library-search';
import { searchRecord } from '../../services/search/record-search';
import { reindexLibrary } from '../../services/search/reindex';
import { requireRecord } from '../../services/library/require-record';
import type { HandlersFor } from './types';

export const searchHandlers: HandlersFor<'search.'> = {
  'search.query': (ctx, input) => searchLibrary(ctx, input),
  'search.inRecord': (ctx, { recordId, query, names }) =>
    searchRecord(ctx, requireRecord(ctx, recordId), { query, names }),
  'search.reindex': (ctx) => reindexLibrary(ctx),
};
