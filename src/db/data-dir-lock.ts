/**
 * A lock on a database folder, so that two processes never open the same one (that would corrupt it). Its own
 * module, light to load: the server takes it before the rest of the application is loaded. Taken synchronously (a
 * few small file operations): the server starts the database thread right after it, and on Node 22 and later an
 * asynchronous lock would wait until the main thread had loaded the whole application, the thread with it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

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
export function acquireDataDirLock(dataDir: string): () => Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'lea-platform.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return async () => {
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readHolder(lockFile).trim());
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new DataDirInUseError(
          `De database in ${dataDir} is al in gebruik door proces ${holder}. Stop dat proces eerst, of kies een andere DATA_DIR.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Kon de database in ${dataDir} niet vergrendelen.`);
}

function readHolder(lockFile: string): string {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch {
    return '';
  }
}
