import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per connection. Search builds a few SQL shapes from fixed
 * fragments (with or without tag: filters…); each shape is compiled the first time only.
 */
export function prepared(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (cache.size > 200) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}
