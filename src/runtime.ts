import type { FastifyBaseLogger } from 'fastify';
import { count } from 'drizzle-orm';
import type { Config } from './config.js';
import { pgliteFolder } from './data-dir.js';
import { databaseInThread, openDatabase, type DatabaseHandle } from './db/client.js';
import { abandonEarlyStart, type EarlyPglite } from './db/early-start.js';
import { gemeente } from './db/schema.js';

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pglite: the one the server began opening early
 * (early-start.ts), which can be used at once and answers once it is open, or else a newly opened one.
 */
export async function openConfiguredDatabase(config: Config, early?: EarlyPglite): Promise<DatabaseHandle> {
  const dataDir = pgliteFolder(config.DATA_DIR);
  if (early && !config.DATABASE_URL && early.dataDir === dataDir) {
    const { thread, release } = await early.started;
    return databaseInThread(thread, release);
  }
  // The early start and the configuration follow from the same environment; only a caller that passes another
  // configuration gets here with an early start, which is then given back.
  if (early) await abandonEarlyStart(early);
  if (config.DATABASE_URL) return openDatabase({ engine: 'postgres', url: config.DATABASE_URL });
  return openDatabase({ engine: 'pglite', dataDir });
}

/** Brings the schema up to date and, on an empty database, loads the demo data. */
export async function prepareDatabase(database: DatabaseHandle, config: Config, log: Pick<FastifyBaseLogger, 'info'>): Promise<void> {
  await database.migrate();
  if (!config.SEED_DEMO_DATA) return;
  const [row] = await database.db.select({ aantal: count() }).from(gemeente);
  if ((row?.aantal ?? 0) > 0) return;
  // Only a new database needs the demo data, and with it the YAML reader.
  const { loadDemoData, readDemoData } = await import('./db/demo-data.js');
  const result = await loadDemoData(database.db, await readDemoData());
  log.info({ gemeenteId: result.gemeenteId, status: result.status }, 'demo data loaded');
}
