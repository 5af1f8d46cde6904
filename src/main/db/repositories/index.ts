// The data layer's one door: every repository of a library, built once per open connection,
// and the transaction that spans several of them. Services receive these (through the service
// context) and never the connection itself.
import type { LibraryDatabase } from '../statements';
import { createAlignmentRepository } from './alignment';
import { createAnnotationsRepository } from './annotations';
import { createCatalogueRepository } from './catalogue';
import { createCategoriesRepository } from './categories';
import { createCollectionsRepository } from './collections';
import { createDraftsRepository } from './drafts';
import { createEntitiesRepository } from './entities';
import { createFacsimileRepository } from './facsimile';
import { createGlossaryRepository } from './glossary';
import { createImportHistoryRepository } from './import-history';
import { createLexiconRepository } from './lexicon';
import { createRecordNotesRepository } from './record-notes';
import { createRecordRows } from './record-rows';
import { createRecordsRepository } from './records';
import { createSearchIndexRepository } from './search-index';
import { createSettingsRepository } from './settings';
import { createSharingRepository } from './sharing';

export function createRepositories(db: LibraryDatabase) {
  const rows = createRecordRows(db);
  return {
    records: createRecordsRepository(db, rows),
    alignment: createAlignmentRepository(db, rows),
    annotations: createAnnotationsRepository(db),
    categories: createCategoriesRepository(db),
    recordNotes: createRecordNotesRepository(db),
    drafts: createDraftsRepository(db),
    glossary: createGlossaryRepository(db),
    entities: createEntitiesRepository(db),
    collections: createCollectionsRepository(db),
    importHistory: createImportHistoryRepository(db),
    catalogue: createCatalogueRepository(db),
    searchIndex: createSearchIndexRepository(db),
    settings: createSettingsRepository(db),
    facsimile: createFacsimileRepository(db),
    sharing: createSharingRepository(db),
    lexicon: createLexiconRepository(db),
    /**
     * Runs `fn` in one transaction (a savepoint inside another): everything it writes through
     * any repository is kept together, or nothing is when it throws. `fn` must be synchronous.
     */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

export type { NewRecord, RecordState } from './records';
export type { StoredSentence, StoredSentenceGroup } from './alignment';
export type { StoredTarget, TargetAnchorUpdate } from './annotations';
export type { DocFilter, DocRow, ScoredDoc } from './search-index';
export type { CatalogueRecordRow } from './catalogue';
export type { NewPageImage, NewSideFacsimile } from './facsimile';
export type { AuthorRef, ShareMemberRow, ShareRole, ShareRow, Visibility } from './sharing';
