import type { Database } from './client.js';

const statements = new WeakMap<Database, Map<string, unknown>>();

/**
 * A query that runs on most requests, built once per database (or transaction) and prepared under a name:
 * building a Drizzle query costs about as much as running a small one on PGlite, and PostgreSQL plans a named
 * statement once per connection. The name must stand for one SQL text; `build` is called with the database the
 * statement belongs to, and its variable parts are `sql.placeholder`s.
 */
export function prepared<T>(db: Database, name: string, build: (db: Database) => T): T {
  let ofDb = statements.get(db);
  if (!ofDb) {
    ofDb = new Map();
    statements.set(db, ofDb);
  }
  let statement = ofDb.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    ofDb.set(name, statement);
  }
  return statement;
}
