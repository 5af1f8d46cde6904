import type { Database } from 'better-sqlite3';
import * as initial from './0010-initial';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Every schema change, in order. Versions step by ten so a fix can slot in between. */
export const MIGRATIONS: readonly Migration[] = [{ version: 10, name: 'initial', up: initial.up }];
