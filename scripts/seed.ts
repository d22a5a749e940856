/** `npm run db:seed [file]`: loads a gemeente's data file (default: the Zoetermeer demo); a second load changes nothing. */
import { loadConfig } from '../src/config.js';
import { demoDataFile, loadDemoData, readDemoData } from '../src/db/demo-data.js';
import { openConfiguredDatabase } from '../src/runtime.js';

const file = process.argv[2] ?? demoDataFile;
const database = await openConfiguredDatabase(loadConfig());
try {
  await database.migrate();
  const data = await readDemoData(file);
  const result = await loadDemoData(database.db, data);
  console.log(
    result.status === 'geladen'
      ? `Gemeente ${data.gemeente.naam} geladen uit ${file}.`
      : `Gemeente ${data.gemeente.naam} stond er al; niets veranderd.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
