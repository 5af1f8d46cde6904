import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AnnotationsRepository } from '../db/repositories/annotations';
import { RecordsRepository } from '../db/repositories/records';
import { LIBRARY_FILE_NAME } from '../db/open';
import type { Host } from './host';

/** Everything a service call may use: the open library, the host UI, clocks and id makers. */
export interface AppContext {
  readonly db: Database;
  readonly dataDir: string;
  readonly libraryPath: string;
  readonly version: string;
  readonly host: Host;
  readonly records: RecordsRepository;
  readonly annotations: AnnotationsRepository;
  now(): number;
  newRecordId(): string;
  newAnnotationId(): string;
}

const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A short id that is easy to read aloud and type on the command line ("k7m2q9xa"). */
export function shortId(length = 8): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

export function createContext(options: {
  db: Database;
  dataDir: string;
  version: string;
  host: Host;
}): AppContext {
  const records = new RecordsRepository(options.db);
  return {
    db: options.db,
    dataDir: options.dataDir,
    libraryPath: path.join(options.dataDir, LIBRARY_FILE_NAME),
    version: options.version,
    host: options.host,
    records,
    annotations: new AnnotationsRepository(options.db),
    now: () => Date.now(),
    newRecordId: () => {
      let id = shortId();
      while (records.exists(id)) id = shortId();
      return id;
    },
    newAnnotationId: () => randomUUID(),
  };
}
