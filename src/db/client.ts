import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { projectRoot } from '../project-root.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PgliteThread } from './pglite-thread-client.js';
import { forDrizzle, setDrizzleParsers } from './pglite-drizzle.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The one database type all code uses, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly engine: 'pglite' | 'postgres';
  /** The embedded engine itself, for dumping and loading whole databases (tests, templates); only for an in-memory
   *  database, as a folder's engine runs in its own thread. It has drizzle's text parsers set, so a raw query gets
   *  timestamps and dates as text. */
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
    const release = acquireDataDirLock(options.dataDir);
    try {
      const thread = await PgliteThread.open(options.dataDir);
      return databaseInThread(thread, release);
    } catch (error) {
      await release();
      throw error;
    }
  }
  return openPglite(await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined));
}

/** When the newest committed migration was made; drizzle records it as `created_at` once it has run. */
function newestMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

/**
 * Whether every committed migration has run: one query, where drizzle's migrator creates its schema and table if
 * missing, reads, and opens a transaction on every start (on PGlite a tenth of a second, as each first query is
 * slow). False when drizzle's table does not exist yet.
 */
export async function migrationsUpToDate(db: Database): Promise<boolean> {
  try {
    const result = await db.execute(sql`select max(created_at) as laatste from drizzle.__drizzle_migrations`);
    const [row] = (result as unknown as { rows: { laatste: string | number | null }[] }).rows;
    return row?.laatste !== null && row?.laatste !== undefined && Number(row.laatste) >= newestMigration();
  } catch {
    return false;
  }
}

/** Applies the migrations to a bare PGlite client (used to prepare the template database). */
export async function migratePgliteClient(client: PGlite): Promise<void> {
  await openPglite(client).migrate();
}

/**
 * A PGlite database behind drizzle, wherever its engine runs: `client` is what drizzle talks to, `afterMigrate` sets
 * drizzle's text parsers again (new types bring new array parsers, which may replace them).
 */
function pgliteHandle(
  client: PGlite,
  engine: { pglite?: PGlite; afterMigrate(): void | Promise<void>; close(): Promise<void> },
): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    ...(engine.pglite ? { pglite: engine.pglite } : {}),
    // PGlite serves one process, so no other instance can race the migration.
    migrate: async () => {
      if (await migrationsUpToDate(db)) return;
      await migratePglite(db as never, { migrationsFolder });
      await engine.afterMigrate();
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: engine.close,
  };
}

function openPglite(client: PGlite): DatabaseHandle {
  return pgliteHandle(forDrizzle(client), { pglite: client, afterMigrate: () => setDrizzleParsers(client), close: () => client.close() });
}

/**
 * PGlite persisted in a folder runs in its own thread (pglite-thread.ts): opening it overlaps with loading and
 * building the app, and its engine work with rendering pages. In-memory databases (tests, templates) stay in this
 * thread. The handle can be used before the thread has opened the database: calls wait for it. `release` frees
 * the folder's lock after closing.
 */
export function databaseInThread(thread: PgliteThread, release: () => Promise<void>): DatabaseHandle {
  return pgliteHandle(thread as unknown as PGlite, {
    afterMigrate: () => thread.afterMigrate(),
    close: async () => {
      await thread.close();
      await release();
    },
  });
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
      if (await migrationsUpToDate(db)) return;
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
