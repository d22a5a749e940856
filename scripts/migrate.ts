/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { loadConfig } from '../src/config.js';
import { openConfiguredDatabase } from '../src/runtime.js';

const database = await openConfiguredDatabase(loadConfig());
try {
  await database.migrate();
  console.log(`Migraties toegepast (${database.engine}).`);
} finally {
  await database.close();
}
