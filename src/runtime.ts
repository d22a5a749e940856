import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { count } from 'drizzle-orm';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { gemeente } from './db/schema.js';

/** PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pglite. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return openDatabase({ engine: 'postgres', url: config.DATABASE_URL });
  return openDatabase({ engine: 'pglite', dataDir: path.join(config.DATA_DIR, 'pglite') });
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
