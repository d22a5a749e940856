/**
 * Run by `npm install` (the prepare script): makes the empty, migrated PGlite database that the first
 * `npm start` unpacks, so that start skips initdb. Never fails the install: without a template the app
 * simply initialises its database itself, a few seconds slower.
 */
import { existsSync } from 'node:fs';
import { openDatabase } from '../src/db/client.js';
import { saveTemplate, templateFile } from '../src/db/pglite-store.js';

try {
  if (existsSync(templateFile)) {
    console.log(`PGlite-sjabloon is er al: ${templateFile}`);
  } else {
    const startedAt = performance.now();
    const database = await openDatabase({ engine: 'pglite', memory: true });
    await database.migrate();
    await saveTemplate(database.pglite!);
    await database.close();
    console.log(`PGlite-sjabloon gemaakt in ${Math.round(performance.now() - startedAt)} ms: ${templateFile}`);
  }
} catch (error) {
  console.warn('PGlite-sjabloon niet gemaakt (de eerste start duurt daardoor langer):', error instanceof Error ? error.message : error);
}
