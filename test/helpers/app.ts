/**
 * Test apps run the real application on a real database: a PGlite copy of the seeded database, or, when
 * DATABASE_URL is set, a fresh PostgreSQL database cloned from the seeded template. Nothing is mocked.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { loadDemoData, readDemoData, type DemoData } from '../../src/db/demo-data.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { auditRegel, gebruiker, gemeente } from '../../src/db/schema.js';
import { adminUrl, databaseUrl } from './postgres.js';

let counter = 0;

/** A database of its own for one test file, already holding the demo data. */
export async function openSeededDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `lea_test_${process.pid}_${Date.now()}_${counter++}`;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const handle = await openDatabase({ engine: 'postgres', url: databaseUrl(url, name), poolSize: 4 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  const dump = await readFile(inject('pgliteDump'));
  return openDatabase({ engine: 'pglite', memory: true, loadDataDir: new Blob([dump]) });
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', DATA_VERSION_TTL_MS: '0', NODE_ENV: 'test', ...overrides });
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await openSeededDatabase();
  const app = await buildApp(testConfig(overrides), database);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * One app on its own seeded database for a whole test file, and the demo data it was seeded with. Call at the
 * top of the file; the fields are filled before the first test runs.
 */
export function useSeededApp(overrides: Record<string, string> = {}): { t: TestApp; data: DemoData } {
  const fixture = {} as { t: TestApp; data: DemoData };
  beforeAll(async () => {
    fixture.t = await createTestApp(overrides);
    fixture.data = await readDemoData();
  });
  afterAll(() => fixture.t?.close());
  return fixture;
}

/** Decodes the few entities the HTML escaper writes, to compare rendered text with source text. */
export function decodeHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A second gemeente on the same installation, with its own host name and its own (shorter) agenda. */
export async function addOtherGemeente(t: TestApp): Promise<{ host: string }> {
  const data = await readDemoData();
  await loadDemoData(t.database.db, {
    ...data,
    gemeente: { slug: 'voorbeeldstad', naam: 'Voorbeeldstad', cbsCode: 'GM9999', domeinen: ['lea.voorbeeldstad.example'] },
    uitvoeringsagenda: { ...data.uitvoeringsagenda, titel: 'Agenda Voorbeeldstad' },
    actielijnen: data.actielijnen.slice(0, 2).map((al) => ({ ...al, titel: `Voorbeeldstad: ${al.titel}` })),
  });
  t.app.services.gemeenten.invalidate();
  return { host: 'lea.voorbeeldstad.example' };
}

/**
 * A second gemeente with nothing in it (no agenda, no accounts) for the duration of `use`; afterwards it is
 * removed with the accounts and audit lines `use` left in it, so the file's other tests see one gemeente again.
 */
export async function withEmptyGemeente<T>(db: Database, use: (gemeenteId: string) => Promise<T>): Promise<T> {
  const [row] = await db.insert(gemeente).values({ slug: 'delft', naam: 'Delft', cbsCode: 'GM0503' }).returning({ id: gemeente.id });
  const id = row!.id;
  try {
    return await use(id);
  } finally {
    await db.delete(gebruiker).where(eq(gebruiker.gemeenteId, id));
    await db.delete(auditRegel).where(eq(auditRegel.gemeenteId, id));
    await db.delete(gemeente).where(eq(gemeente.id, id));
  }
}
