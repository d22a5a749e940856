/**
 * PGlite persisted in a folder, with two safeguards: a lock so that two processes never open the same
 * folder (that would corrupt it), and a prepared template so that the first start does not pay for initdb
 * (about 6 s on a small machine) but unpacks a database made at `npm install` time (about 1.5 s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { projectRoot } from '../config.js';

// The template is only valid for the PGlite version that made it; the package does not export its
// package.json, so it is read from disk.
const pgliteVersion = (
  JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Where `npm install` leaves a freshly initialised, empty database for the first start to copy. */
export const templateFile = path.join(projectRoot, 'node_modules', '.cache', 'lea-platform', `pglite-${pgliteVersion}.tar.gz`);

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

/** Opens (or creates) the PGlite database in `dataDir`, from the template when the folder is new. */
export async function openPgliteFolder(dataDir: string): Promise<PGlite> {
  const isNew = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (isNew && existsSync(templateFile)) {
    const template = new Blob([await readFile(templateFile)]);
    return PGlite.create(dataDir, { loadDataDir: template });
  }
  return PGlite.create(dataDir);
}

/** Saves a database (normally a new, migrated one) as the template for later first starts. */
export async function saveTemplate(client: PGlite): Promise<void> {
  const dump = await client.dumpDataDir('gzip');
  await mkdir(path.dirname(templateFile), { recursive: true });
  // Written aside and renamed, so a half-written template is never used.
  const partial = `${templateFile}.${process.pid}.tmp`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, templateFile);
}
