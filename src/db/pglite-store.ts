/**
 * PGlite persisted in a folder, made from a prepared template so that the first start does not pay for initdb
 * (about 6 s on a small machine) but copies a database folder made at `npm install` time (about 0.1 s). The
 * folder's lock is in data-dir-lock.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { projectRoot } from '../project-root.js';

// The template is only valid for the PGlite version that made it; the package does not export its
// package.json, so it is read from disk.
const pgliteVersion = (
  JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Where `npm install` leaves a freshly initialised, migrated, empty database folder for the first start to copy. */
export const templateDir = path.join(projectRoot, 'node_modules', '.cache', 'lea-platform', `pglite-${pgliteVersion}`);

/**
 * Server settings for the embedded engine. PGlite zeroes PostgreSQL's whole shared memory on every start (its
 * `mmap` is a `memset` over fresh WebAssembly memory), and on a small virtual machine each megabyte of that costs
 * about 4 ms. PostgreSQL's defaults make 145 MB of it (128 MB of shared buffers, and slots for 100 connections and
 * 10 replication senders); an engine that serves one process through one connection needs a fraction: 4 MB of
 * buffers hold the demo database's working set (its tables and indexes take 1.4 MB), and pages beyond it come
 * from the operating system's file cache. Together 8 MB, zeroed in about 30 ms.
 */
export const pgliteSettings: Readonly<Record<string, string>> = {
  shared_buffers: '4MB',
  wal_buffers: '512kB',
  max_connections: '10',
  max_wal_senders: '0',
  max_replication_slots: '0',
  autovacuum_max_workers: '1',
};

/** Whether a postgresql.auto.conf (its text) holds every setting above with its value. */
export function hasPgliteSettings(autoConf: string): boolean {
  return Object.entries(pgliteSettings).every(([name, value]) => new RegExp(`^${name}\\s*=\\s*'${value}'\\s*$`, 'm').test(autoConf));
}

function readAutoConf(dataDir: string): string {
  try {
    return readFileSync(path.join(dataDir, 'postgresql.auto.conf'), 'utf8');
  } catch {
    return '';
  }
}

/** Stores the settings in the database's postgresql.auto.conf; they apply from the next start. */
export async function tunePglite(client: PGlite): Promise<void> {
  for (const [name, value] of Object.entries(pgliteSettings)) {
    const { rows } = await client.query<{ value: string }>('select current_setting($1) as value', [name]);
    // ALTER SYSTEM takes no parameters; names and values are the constants above.
    if (rows[0]?.value !== value) await client.query(`alter system set ${name} = '${value}'`);
  }
}

/** Opens (or creates) the PGlite database in `dataDir`, from the template when the folder is new. */
export async function openPgliteFolder(dataDir: string): Promise<PGlite> {
  const isNew = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (isNew && existsSync(path.join(templateDir, 'PG_VERSION'))) {
    await cp(templateDir, dataDir, { recursive: true });
  }
  const client = await PGlite.create(dataDir);
  // Read from the file rather than asked of the engine: its first queries are slow (its code is compiled as it
  // first runs), and after the first start the file always has them.
  if (!hasPgliteSettings(readAutoConf(dataDir))) await tunePglite(client);
  return client;
}

/**
 * Makes the template folder: a new database, prepared by `prepare` (migrations), shut down cleanly. It is built
 * beside its final place and renamed, so a half-made template is never used.
 */
export async function createTemplate(prepare: (client: PGlite) => Promise<void>): Promise<void> {
  const partial = `${templateDir}.${process.pid}.tmp`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.dirname(templateDir), { recursive: true });
  const client = await PGlite.create(partial);
  try {
    await prepare(client);
    await tunePglite(client);
  } finally {
    await client.close();
  }
  await rm(templateDir, { recursive: true, force: true });
  await rename(partial, templateDir);
}
