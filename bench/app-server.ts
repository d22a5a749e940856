/**
 * The real server for the benchmark: the app as `src/server.ts` builds it, with nothing added to its routes.
 * Before listening it makes a procesmanager with a finished login (a session straight in the database, as the
 * login would leave it), and writes what the load generator and the ceiling need to BENCH_CAPTURE_FILE: that
 * session's cookie and the exact bytes of every measured page, anonymous or logged in.
 */
import { writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { gemeente } from '../src/db/schema.js';
import { insertGebruiker, replaceRollen, updateGebruiker } from '../src/modules/auth/auth.repository.js';
import { createTotpSecret } from '../src/modules/auth/security/totp.js';
import { openConfiguredDatabase, prepareDatabase } from '../src/runtime.js';

const captureFile = process.env.BENCH_CAPTURE_FILE;
if (!captureFile) throw new Error('BENCH_CAPTURE_FILE is not set');
const pages = JSON.parse(process.env.BENCH_PAGES ?? '[]') as { path: string; loggedIn: boolean }[];

const config = loadConfig();
const database = await openConfiguredDatabase(config);
const app = await buildApp(config, database);
await prepareDatabase(database, config, app.log);
await app.ready();

const [zoetermeer] = await database.db.select().from(gemeente).where(eq(gemeente.slug, 'zoetermeer'));
if (!zoetermeer) throw new Error('demo data missing: no gemeente zoetermeer');
const user = await insertGebruiker(database.db, {
  gemeenteId: zoetermeer.id,
  email: `bench-${process.pid}@example.org`,
  naam: 'Benchmark Procesmanager',
  status: 'actief',
});
// A procesmanager must have a second factor; without one every page sends them to set it up.
await updateGebruiker(database.db, zoetermeer.id, user.id, { totpGeheim: createTotpSecret(), totpActiefSinds: new Date(), totpLaatsteStap: null });
await replaceRollen(database.db, zoetermeer.id, user.id, [{ rol: 'procesmanager', gremiumId: null }]);
const sessionId = await app.services.sessions.create(zoetermeer.id, user.id, true, null);
const cookie = `lea_sessie=${sessionId}`;

const captured = [];
for (const page of pages) {
  const response = await app.inject({ method: 'GET', url: page.path, headers: page.loggedIn ? { cookie } : {} });
  if (response.statusCode !== 200) throw new Error(`${page.path}: ${response.statusCode} ${String(response.headers.location)} ${response.body.slice(0, 300)}`);
  captured.push({ ...page, contentType: String(response.headers['content-type']), body: response.body });
}
await writeFile(captureFile, JSON.stringify({ cookie, pages: captured }));
await app.listen({ port: config.PORT, host: '127.0.0.1' });

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
