import path from 'node:path';

/** Where the database folder, the mail outbox and other files live unless DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = './data';

/** DATA_DIR as an absolute path; read the same way by the configuration and by the server's early start. */
export function resolveDataDir(value: string | undefined): string {
  return path.resolve(value || DEFAULT_DATA_DIR);
}

/** The embedded database's folder inside DATA_DIR. */
export function pgliteFolder(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}
