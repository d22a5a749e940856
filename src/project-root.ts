import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, so paths work whatever the working directory is. Its own module, without the
 * configuration's schema, because the database thread needs it and nothing else of the configuration.
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
