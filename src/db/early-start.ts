/**
 * Opening the embedded database is the longest part of a start: half a second of PostgreSQL starting inside
 * WebAssembly. The server begins it first, from the environment alone, before it loads the application's code or
 * even the configuration's schema, so that it runs in its own thread (pglite-thread.ts) beside all of that. This
 * module and what it imports are small for that reason.
 */
import { pgliteFolder, resolveDataDir } from '../data-dir.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PgliteThread } from './pglite-thread-client.js';

export interface EarlyPglite {
  readonly dataDir: string;
  /** The folder locked and its thread started; rejects when another process holds the folder. */
  readonly started: Promise<{ thread: PgliteThread; release: () => Promise<void> }>;
}

/** Begins opening PGlite when the environment asks for no PostgreSQL; the configuration is checked after. */
export function startPgliteEarly(env: NodeJS.ProcessEnv): EarlyPglite | undefined {
  if (env.DATABASE_URL) return undefined;
  const dataDir = pgliteFolder(resolveDataDir(env.DATA_DIR));
  let started: EarlyPglite['started'];
  try {
    const release = acquireDataDirLock(dataDir);
    started = Promise.resolve({ thread: PgliteThread.start(dataDir), release });
  } catch (error) {
    started = Promise.reject(error as Error);
  }
  // Reported where it is awaited; until then it must not count as an unhandled rejection.
  started.catch(() => undefined);
  return { dataDir, started };
}

/** Closes an early start that is not used (the configuration was invalid): the folder is left as it was. */
export async function abandonEarlyStart(early: EarlyPglite): Promise<void> {
  const started = await early.started.catch(() => undefined);
  if (!started) return;
  await started.thread.opened.catch(() => undefined);
  await started.thread.close().catch(() => undefined);
  await started.release();
}
