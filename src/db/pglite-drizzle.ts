/**
 * The PGlite client as drizzle sees it, wherever the engine runs (in this thread, or in the database thread of
 * pglite-thread.ts): drizzle's text parsers set once, and repeated texts run as named statements.
 */
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { PgliteStatements } from './pglite-statements.js';

/**
 * drizzle-orm gives PGlite its own type parsers with every query (timestamps, dates and intervals kept as text,
 * which drizzle then converts itself), and PGlite copies its whole parser table, some hundreds of entries with the
 * array types, to merge them: about 0.17 ms per query, as much as running a simple one. The same parsers set once
 * on the client, and left out of each query, give the same rows for nothing. The list is drizzle's own
 * (drizzle-orm/pglite/session.js); the date tests fail if it drifts.
 */
const DRIZZLE_TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const keepAsText = (value: string) => value;

/** Also after migrations: new types bring new array parsers, which may replace these. */
export function setDrizzleParsers(client: PGlite): void {
  for (const type of DRIZZLE_TEXT_TYPES) client.parsers[type] = keepAsText;
}

function withoutParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  return options?.parsers ? { ...options, parsers: undefined } : options;
}

/**
 * The client as drizzle sees it: every query, also inside a transaction, without its per-query parsers, and
 * through named statements once a text repeats (pglite-statements.ts).
 */
export function forDrizzle(client: PGlite): PGlite {
  setDrizzleParsers(client);
  const statements = new PgliteStatements(client);
  const wrap = <T extends object>(target: T & Pick<Transaction, 'query'>, inTransaction: boolean): T =>
    new Proxy(target, {
      get(object, property) {
        if (property === 'query') {
          return (query: string, params?: unknown[], options?: QueryOptions) => {
            const stripped = withoutParsers(options);
            return statements.query(query, params, stripped, () => object.query(query, params, stripped), inTransaction);
          };
        }
        if (property === 'transaction' && object instanceof PGlite) {
          return <R>(callback: (tx: Transaction) => Promise<R>) => object.transaction((tx) => callback(wrap(tx, true)));
        }
        // PGlite keeps its state in private fields: its methods must run on the object itself, not on the proxy.
        const value: unknown = Reflect.get(object, property, object);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
      },
    });
  return wrap(client, false);
}
