// Everything a service call may use: the library's repositories and their transaction, the
// host UI, clocks and id makers. Built once per open library; services never see the database
// connection, only the repositories (see ../db/repositories).
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { LIBRARY_FILE_NAME } from '../db/open';
import { createRepositories, type Repositories } from '../db/repositories';
import type { LibraryDatabase } from '../db/statements';
import type { Host } from './host';

export interface AppContext extends Repositories {
  readonly dataDir: string;
  readonly libraryPath: string;
  readonly version: string;
  readonly host: Host;
  now(): number;
  newRecordId(): string;
  newAnnotationId(): string;
  /** Per-library state of services that must not outlive it (grants, caches): see `memoised`. */
  readonly memo: Map<string, unknown>;
}

/** The library's one `key` object, made by `make` the first time it is asked for. */
export function memoised<T>(ctx: AppContext, key: string, make: () => T): T {
  if (!ctx.memo.has(key)) ctx.memo.set(key, make());
  return ctx.memo.get(key) as T;
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
  db: LibraryDatabase;
  dataDir: string;
  version: string;
  host: Host;
}): AppContext {
  const repositories = createRepositories(options.db);
  return {
    ...repositories,
    dataDir: options.dataDir,
    libraryPath: path.join(options.dataDir, LIBRARY_FILE_NAME),
    version: options.version,
    host: options.host,
    memo: new Map(),
    now: () => Date.now(),
    newRecordId: () => {
      let id = shortId();
      while (repositories.records.exists(id)) id = shortId();
      return id;
    },
    newAnnotationId: () => randomUUID(),
  };
}
