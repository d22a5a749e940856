/**
 * PGlite persisted in a folder, with two safeguards: a lock so that two processes never open the same
 * folder (that would corrupt it), and a prepared template so that the first start does not pay for initdb
 * (about 6 s on a small machine) but copies a database folder made at `npm install` time (about 0.1 s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock, or explains which process holds it. A lock left by a killed process is taken over. */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'lea-platform.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return async () => {
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new DataDirInUseError(
          `De database in ${dataDir} is al in gebruik door proces ${holder}. Stop dat proces eerst, of kies een andere DATA_DIR.`,
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Kon de database in ${dataDir} niet vergrendelen.`);
}

/**
 * Server settings for the embedded engine. PostgreSQL's default of 128 MB shared buffers costs PGlite about
 * 0.9 s on every start (the WebAssembly memory is set up in full); the embedded database is tens of megabytes,
 * so 16 MB is plenty and a start takes about 0.4 s.
 */
const pgliteSettings: Record<string, string> = { shared_buffers: '16MB', wal_buffers: '1MB' };

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
  await tunePglite(client);
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
