/**
 * Prepares one database with the schema and the demo data before any test file runs, so that each file
 * starts from a copy instead of paying for initdb, migrations and loading:
 * - PGlite: a dump (tarball) that every file loads into its own in-memory database;
 * - PostgreSQL (DATABASE_URL set): a template database that every file clones with CREATE DATABASE … TEMPLATE.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { loadDemoData, readDemoData } from '../src/db/demo-data.js';
import { tunePglite } from '../src/db/pglite-store.js';
import { adminUrl, databaseUrl } from './helpers/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `lea_test_template_${process.pid}`;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const handle = await openDatabase({ engine: 'postgres', url: databaseUrl(url, template), poolSize: 2 });
    await handle.migrate();
    await loadDemoData(handle.db, await readDemoData());
    await handle.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteDump', '');
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), 'lea-test-'));
  const handle = await openDatabase({ engine: 'pglite', memory: true });
  await handle.migrate();
  await loadDemoData(handle.db, await readDemoData());
  await tunePglite(handle.pglite!);
  const dump = await handle.pglite!.dumpDataDir('gzip');
  const file = path.join(dir, 'seeded.tar.gz');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', file);
  project.provide('postgresTemplate', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
