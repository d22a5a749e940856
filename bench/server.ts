/**
 * The real server plus two ceiling routes for the benchmark, in the same Fastify instance with the same
 * plugins: /_bench/hello (the least a route can do) and /_bench/bytes?of=<path> (the bytes of a real page,
 * captured once at start, served from memory). A page's speed divided by the speed of its own bytes shows
 * what our code costs on top of the framework.
 */
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openConfiguredDatabase, prepareDatabase } from '../src/runtime.js';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
const app = await buildApp(config, database);
await prepareDatabase(database, config, app.log);

const captured = new Map<string, { body: string; type: string }>();
app.get('/_bench/hello', { config: { public: true } }, async () => 'hello');
app.get<{ Querystring: { of?: string } }>('/_bench/bytes', { config: { public: true } }, async (request, reply) => {
  const page = captured.get(request.query.of ?? '/');
  if (!page) return reply.code(404).send();
  return reply.type(page.type).send(page.body);
});
await app.ready();
for (const target of (process.env.BENCH_CAPTURE ?? '/').split(',')) {
  const response = await app.inject({ method: 'GET', url: target });
  captured.set(target, { body: response.body, type: String(response.headers['content-type']) });
}
await app.listen({ port: config.PORT, host: '127.0.0.1' });
console.log('bench server ready');

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
