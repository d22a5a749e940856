/**
 * The ceiling: a bare Fastify process, no plugins and no hooks, answering each measured path with the very bytes
 * and content type the app sent for it (read from BENCH_CAPTURE_FILE); a request with a cookie gets the bytes of
 * the logged-in page. Whatever the app is slower than this is the cost of our own code. Plain JavaScript, so no
 * TypeScript loader runs in it either.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const { pages } = JSON.parse(readFileSync(process.env.BENCH_CAPTURE_FILE, 'utf8'));
const byPath = new Map();
for (const page of pages) {
  const variants = byPath.get(page.path) ?? {};
  variants[page.loggedIn ? 'loggedIn' : 'anonymous'] = { type: page.contentType, body: Buffer.from(page.body) };
  byPath.set(page.path, variants);
}
const app = Fastify({ logger: false });
for (const [path, variants] of byPath) {
  app.get(path, (request, reply) => {
    const page = (request.headers.cookie ? variants.loggedIn : variants.anonymous) ?? variants.loggedIn ?? variants.anonymous;
    reply.type(page.type).send(page.body);
  });
}
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
