/**
 * Run by `npm install` (the prepare script): makes the empty, migrated PGlite database folder that the first
 * `npm start` copies, so that start skips initdb. Never fails the install: without a template the app
 * simply initialises its database itself, a few seconds slower.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { migratePgliteClient } from '../src/db/client.js';
import { createTemplate, templateDir } from '../src/db/pglite-store.js';

try {
  if (existsSync(path.join(templateDir, 'PG_VERSION'))) {
    console.log(`PGlite-sjabloon is er al: ${templateDir}`);
  } else {
    const startedAt = performance.now();
    await createTemplate(migratePgliteClient);
    console.log(`PGlite-sjabloon gemaakt in ${Math.round(performance.now() - startedAt)} ms: ${templateDir}`);
  }
} catch (error) {
  console.warn('PGlite-sjabloon niet gemaakt (de eerste start duurt daardoor langer):', error instanceof Error ? error.message : error);
}
