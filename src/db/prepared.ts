import type { Database } from './client.js';

const statements = new WeakMap<Database, Map<string, unknown>>();

/**
 * A query that runs on most requests, built once per database (or transaction) and prepared under `name`:
 * building a Drizzle query costs about as much as running a small one on PGlite, and PostgreSQL plans a named
 * statement once per connection. The name must stand for one SQL text; the variable parts of `build`'s query are
 * `sql.placeholder`s, filled in by `execute`.
 */
export function prepared<Q extends { prepare(name: string): unknown }>(db: Database, name: string, build: (db: Database) => Q): ReturnType<Q['prepare']> {
  let ofDb = statements.get(db);
  if (!ofDb) {
    ofDb = new Map();
    statements.set(db, ofDb);
  }
  let statement = ofDb.get(name) as ReturnType<Q['prepare']> | undefined;
  if (statement === undefined) {
    statement = build(db).prepare(name) as ReturnType<Q['prepare']>;
    ofDb.set(name, statement);
  }
  return statement;
}
