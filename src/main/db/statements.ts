// How every repository holds its SQL: statements are prepared the first time they are used and
// kept for the life of the connection, so opening a library (or starting the CLI) prepares only
// what that run needs, and no statement is ever prepared twice.
import type { Database, Statement } from 'better-sqlite3';

/** The connection a repository is built on; services never see it. */
export type LibraryDatabase = Database;

type Makers = Record<string, () => unknown>;

/**
 * Turns a map of statement makers into an object whose properties prepare their statement on
 * first access and return the same one ever after:
 *
 *   const s = prepared({ get: () => db.prepare<[string], Row>('SELECT … WHERE id = ?') });
 *   s.get.get(id);
 */
export function prepared<T extends Makers>(
  makers: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const statements: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(makers)) {
    let statement: unknown;
    Object.defineProperty(statements, name, {
      enumerable: true,
      get: () => (statement ??= make()),
    });
  }
  return statements as { readonly [K in keyof T]: ReturnType<T[K]> };
}

/**
 * Statements for SQL whose shape is chosen at run time from fixed fragments (the search's
 * filters): each distinct text is prepared once. Values are always bound, never spliced.
 */
export function statementCache(db: Database, limit = 200): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (cache.size >= limit) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  };
}
