// The list of migrations, in order. Each migration is frozen once it has landed: a change to the
// schema is a new migration (a new file, numbered in tens) with its own data test, never an edit
// to an old one; tests/unit/main/db/schema.test.ts holds them to that.
import type { Database } from 'better-sqlite3';
import * as initial from './0010-initial';
import * as sentenceAlignment from './0020-sentence-alignment';
import * as importProvenance from './0030-import-provenance';
import * as scholarlyAnnotation from './0040-scholarly-annotation';
import * as librarySearch from './0050-library-search';
import * as creationKeys from './0060-creation-keys';
import * as drafts from './0061-drafts';
import * as recordCredits from './0070-record-credits';
import * as libraryLexicon from './0080-library-lexicon';
import * as applicationId from './0090-application-id';
import * as passagesIndexedByRecord from './0110-passages-indexed-by-record';
import * as sharing from './0120-sharing';
import * as facsimile from './0130-facsimile';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Every schema change, in order. Versions step by ten so a fix can slot in between. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', up: initial.up },
  { version: 20, name: 'sentence-alignment', up: sentenceAlignment.up },
  { version: 30, name: 'import-provenance', up: importProvenance.up },
  { version: 40, name: 'scholarly-annotation', up: scholarlyAnnotation.up },
  { version: 50, name: 'library-search', up: librarySearch.up },
  { version: 60, name: 'creation-keys', up: creationKeys.up },
  { version: 61, name: 'drafts', up: drafts.up },
  { version: 70, name: 'record-credits', up: recordCredits.up },
  { version: 80, name: 'library-lexicon', up: libraryLexicon.up },
  { version: 90, name: 'application-id', up: applicationId.up },
  { version: 110, name: 'passages-indexed-by-record', up: passagesIndexedByRecord.up },
  { version: 120, name: 'sharing', up: sharing.up },
  { version: 130, name: 'facsimile', up: facsimile.up },
];
