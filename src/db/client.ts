import path from 'node:path';
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { projectRoot } from '../config.js';
import { acquireDataDirLock, openPgliteFolder } from './pglite-store.js';
import { PgliteStatements } from './pglite-statements.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The one database type all code uses, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly engine: 'pglite' | 'postgres';
  /** The embedded engine itself, for dumping and loading whole databases (tests, templates). It has drizzle's text
   *  parsers set, so a raw query gets timestamps and dates as text. */
  readonly pglite?: PGlite;
  /** Applies the committed drizzle-kit migrations. Safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(projectRoot, 'drizzle');

/** Any fixed number: it only has to be the same in every instance that migrates this database. */
const MIGRATION_LOCK_KEY = 4_845_017;

export type DatabaseOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  | { engine: 'pglite'; dataDir: string }
  | { engine: 'pglite'; memory: true; loadDataDir?: Blob | File };

/** Opens PostgreSQL (through pg) or PGlite (embedded, persisted in a folder) behind one Drizzle type. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.engine === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
  if ('dataDir' in options) {
    const release = await acquireDataDirLock(options.dataDir);
    try {
      return openPglite(await openPgliteFolder(options.dataDir), release);
    } catch (error) {
      await release();
      throw error;
    }
  }
  return openPglite(await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined));
}

/** Applies the migrations to a bare PGlite client (used to prepare the template database). */
export async function migratePgliteClient(client: PGlite): Promise<void> {
  await openPglite(client).migrate();
}

/**
 * drizzle-orm gives PGlite its own type parsers with every query (timestamps, dates and intervals kept as text,
 * which drizzle then converts itself), and PGlite copies its whole parser table, some hundreds of entries with the
 * array types, to merge them: about 0.17 ms per query, as much as running a simple one. The same parsers set once
 * on the client, and left out of each query, give the same rows for nothing. The list is drizzle's own
 * (drizzle-orm/pglite/session.js); the date tests fail if it drifts.
 */
const DRIZZLE_TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const keepAsText = (value: string) => value;

function setDrizzleParsers(client: PGlite): void {
  for (const type of DRIZZLE_TEXT_TYPES) client.parsers[type] = keepAsText;
}

function withoutParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  return options?.parsers ? { ...options, parsers: undefined } : options;
}

/**
 * The client as drizzle sees it: every query, also inside a transaction, without its per-query parsers, and
 * through named statements once a text repeats (pglite-statements.ts).
 */
function forDrizzle(client: PGlite): PGlite {
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

function openPglite(client: PGlite, release: () => Promise<void> = async () => undefined): DatabaseHandle {
  const db = drizzlePglite({ client: forDrizzle(client), schema }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    // PGlite runs in this process only, so no other instance can race the migration. New types bring new array
    // parsers, which may replace the text parsers set above: set them again.
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
      setDrizzleParsers(client);
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      await release();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  // Loaded only for PostgreSQL: the driver and its drizzle adapter cost about 0.1 s of every PGlite start.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    migrate: async () => {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db as never, { migrationsFolder });
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lockClient.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}
