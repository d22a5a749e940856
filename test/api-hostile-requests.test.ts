/**
 * Hostile requests over real HTTP (the app listening on a port, requests written byte by byte on a socket) at every
 * operation of /api/v1/openapi.json, generated per operation from the document itself: wrong types, huge strings,
 * invalid UTF-8 and percent-encoding, unknown fields, deep JSON, oversized bodies and headers, wrong content types,
 * path traversal in ids, broken header lines, lying lengths. The server must never answer 5xx, and every 4xx under
 * /api/v1 must be application/problem+json (RFC 9457) with its status and a Dutch title and detail, also when the
 * error happens before routing (in Node's HTTP parser or Fastify's body parser). Pages get the HTML error page.
 */
import { STATUS_CODES } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../e2e/helpers/server.js';
import { rawRequest, type RawRequest, type RawResponse } from './helpers/raw-http.js';
import { createUser, gemeenteId, rol } from './helpers/session.js';

let app: RunningApp;
let port: number;
let token: string;
let realIds: string[] = [];
let operations: Operation[] = [];

interface Operation {
  method: string;
  /** OpenAPI path below the server URL, e.g. /actielijnen/{id}. */
  path: string;
  query: { name: string; schema: Record<string, unknown> }[];
  bodyFields: string[];
  needsToken: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
        requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
        security?: unknown[];
      }
    >
  >;
}

beforeAll(async () => {
  app = await startApp();
  port = Number(new URL(app.baseUrl).port);
  const gid = await gemeenteId(app);
  const user = await createUser(app, gid, { email: 'pm@hostile.example', naam: 'Harm Hostiel', rollen: [rol('procesmanager')], totp: true });
  token = (await app.app.services.accounts.createToken(gid, user, 'hostile', { gebruikerId: user.id, naam: user.naam, ip: null })).token;

  const document = (await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json()) as OpenApiDocument;
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
      bodyFields: Object.keys(operation.requestBody?.content['application/json']?.schema.properties ?? {}),
      needsToken: Boolean(operation.security),
    })),
  );
  // Real ids too, so that hostile bodies reach the services and not only the 404 of an unknown id.
  for (const list of ['/ambities', '/actielijnen', '/oab-afspraken', '/organisaties', '/personen', '/gremia']) {
    const text = await (await fetch(`${app.baseUrl}/api/v1${list}`)).text();
    realIds.push(...[...text.matchAll(/"id":"([0-9a-f-]{36})"/g)].slice(0, 3).map((m) => m[1]!));
  }
  realIds = [...new Set(realIds)];
}, 60_000);
afterAll(() => app?.close());

// --- What every answer must look like -------------------------------------------------------------------------------

/** English texts of Node and Fastify that must never reach a client of a Dutch API. */
const englishMessages =
  /Client Error|not a valid url component|exceeding the max param length|Body is not valid JSON|Body cannot be empty|Request body|Unsupported Media Type|Exceeded maximum|Unexpected token|JSON at position|Internal Server Error|Bad Request|Payload Too Large/i;
/** The English reason phrases of Node, as titles (409 "Conflict" is Dutch as well). */
const englishTitles = new Set(Object.entries(STATUS_CODES).filter(([code]) => code !== '409').map(([, phrase]) => phrase));

function isApi(target: string): boolean {
  return target === '/api' || target.startsWith('/api/') || target.startsWith('/api?');
}

/** Every way an answer can be wrong, as lines; empty when it is right. */
function problemsWith(request: RawRequest, response: RawResponse): string[] {
  const problems: string[] = [];
  const type = response.headers['content-type'] ?? '';
  if (response.status >= 500) problems.push(`status ${response.status}`);
  if (response.status < 400) return problems;
  if (!isApi(request.target)) {
    if (request.method !== 'HEAD' && !type.startsWith('text/html')) problems.push(`pagina-fout als ${type || 'geen content-type'}`);
    return problems;
  }
  if (!type.startsWith('application/problem+json')) problems.push(`content-type ${type || '(geen)'}`);
  if (response.headers['api-version'] === undefined) problems.push('geen API-Version');
  if (request.method === 'HEAD') return problems;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return [...problems, `geen JSON: ${response.body.toString('utf8').slice(0, 200)}`];
  }
  if (body.status !== response.status) problems.push(`status ${String(body.status)} in de body, ${response.status} in het antwoord`);
  for (const field of ['title', 'detail'] as const) {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${field} ontbreekt`);
    else if (englishMessages.test(value) || (field === 'title' && englishTitles.has(value))) problems.push(`${field} in het Engels: ${value}`);
  }
  return problems;
}

async function send(request: RawRequest): Promise<{ response: RawResponse; problems: string[] }> {
  const response = await rawRequest(port, request);
  return { response, problems: problemsWith(request, response) };
}

// --- Requests refused before routing, one of each kind -----------------------------------------------------------

const json = (body: string, extra: [string, string][] = []): Pick<RawRequest, 'headers' | 'body'> => ({
  headers: [['Content-Type', 'application/json'], ...extra],
  body,
});

/** Kinds of request that Node's HTTP parser or Fastify refuse before any route runs; `path` is put in each. */
const edgeCases: { name: string; status: number; build: (path: string) => RawRequest }[] = [
  { name: 'request line over the header limit', status: 431, build: (path) => ({ method: 'GET', target: `${path}?q=${'a'.repeat(20_000)}` }) },
  { name: 'header over the header limit', status: 431, build: (path) => ({ method: 'GET', target: path, headers: [['X-Groot', 'a'.repeat(20_000)]] }) },
  { name: 'header line without a colon', status: 400, build: (path) => ({ method: 'GET', target: path, rawHeaderLines: ['Kapotte kopregel'] }) },
  { name: 'unknown method', status: 400, build: (path) => ({ method: 'G@T', target: path }) },
  { name: 'control character in the path', status: 400, build: (path) => ({ method: 'GET', target: `${path}\x01` }) },
  { name: 'two different Content-Lengths', status: 400, build: (path) => ({ method: 'POST', target: path, headers: [['Content-Length', '1']], rawHeaderLines: ['Content-Length: 2'], body: 'ab' }) },
  { name: 'broken chunked body', status: 400, build: (path) => ({ method: 'POST', target: path, headers: [['Transfer-Encoding', 'chunked'], ['Content-Type', 'application/json']], body: 'zz\r\n{}\r\n0\r\n\r\n' }) },
  { name: 'HTTP/1.1 without Host', status: 400, build: (path) => ({ method: 'GET', target: path, headers: [['Host', undefined]] }) },
  { name: 'truncated percent-encoding in the path', status: 400, build: (path) => ({ method: 'GET', target: `${path}/%E0%A4%A` }) },
  { name: 'path segment over the router limit', status: 414, build: (path) => ({ method: 'GET', target: `${path}/${'a'.repeat(200)}` }) },
];

describe('requests refused before routing', () => {
  it.each(edgeCases)('$name: under /api/v1 a Dutch problem+json, on a page the HTML error page', async ({ build, status }) => {
    for (const path of ['/api/v1/actielijnen', '/actielijnen']) {
      const request = build(path);
      const { response, problems } = await send(request);
      expect({ path, status: response.status, problems }).toEqual({ path, status, problems: [] });
    }
  });

  const writes: { name: string; status: number; request: () => RawRequest }[] = [
    { name: 'body over the limit (announced)', status: 413, request: () => ({ method: 'POST', target: '/api/v1/ambities', headers: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${token}`], ['Content-Length', String(5 * 1024 * 1024)]], body: '{"naam":"' }) },
    { name: 'body over the limit (chunked, not announced)', status: 413, request: () => ({ method: 'POST', target: '/api/v1/ambities', headers: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${token}`], ['Transfer-Encoding', 'chunked']], body: `${(1_200_000).toString(16)}\r\n${'a'.repeat(1_200_000)}\r\n0\r\n\r\n` }) },
    { name: 'unsupported media type', status: 415, request: () => ({ method: 'POST', target: '/api/v1/ambities', headers: [['Content-Type', 'application/xml'], ['Authorization', `Bearer ${token}`]], body: '<ambitie/>' }) },
    { name: 'malformed JSON', status: 400, request: () => ({ method: 'POST', target: '/api/v1/ambities', ...json('{"naam": ', [['Authorization', `Bearer ${token}`]]) }) },
    { name: 'empty JSON body', status: 400, request: () => ({ method: 'POST', target: '/api/v1/ambities', headers: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${token}`], ['Content-Length', '0']] }) },
    { name: 'prototype poisoning', status: 400, request: () => ({ method: 'POST', target: '/api/v1/ambities', ...json('{"__proto__":{"beheerder":true}}', [['Authorization', `Bearer ${token}`]]) }) },
    { name: 'JSON nested 100,000 deep', status: 400, request: () => ({ method: 'POST', target: '/api/v1/ambities', ...json('['.repeat(100_000) + ']'.repeat(100_000), [['Authorization', `Bearer ${token}`]]) }) },
    { name: 'invalid UTF-8 in JSON', status: 400, request: () => ({ method: 'POST', target: '/api/v1/ambities', headers: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${token}`]], body: Buffer.concat([Buffer.from('{"naam":"'), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('"}')]) }) },
  ];

  it.each(writes)('$name: a Dutch problem+json with status $status', async ({ request, status }) => {
    const { response, problems } = await send(request());
    expect({ status: response.status, problems }).toEqual({ status, problems: [] });
  });

  it('answers refused by the HTTP parser carry the same security and API headers as any other answer', async () => {
    const names = ['content-security-policy', 'strict-transport-security', 'referrer-policy', 'x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy', 'permissions-policy'];
    const apiNames = ['api-version', 'access-control-allow-origin', 'access-control-expose-headers', 'cross-origin-resource-policy'];
    const pick = (response: RawResponse, which: readonly string[]) => Object.fromEntries(which.map((name) => [name, response.headers[name]]));
    for (const [path, which] of [['/actielijnen', names], ['/api/v1/actielijnen', [...names, ...apiNames]]] as const) {
      const normal = await rawRequest(port, { method: 'GET', target: `${path}/bestaat-niet/echt-niet` });
      const refused = await rawRequest(port, { method: 'GET', target: path, headers: [['X-Groot', 'a'.repeat(20_000)]] });
      expect([normal.status, refused.status]).toEqual([404, 431]);
      expect(pick(normal, which)[which[0]!]).toBeDefined();
      expect(pick(refused, which)).toEqual(pick(normal, which));
    }
  });

  it('a form post in an unsupported media type gets the HTML error page', async () => {
    const { response, problems } = await send({ method: 'POST', target: '/inloggen', headers: [['Content-Type', 'application/xml']], body: '<x/>' });
    expect({ status: response.status, problems }).toEqual({ status: 415, problems: [] });
  });
});

// --- Generated per operation of the OpenAPI document ---------------------------------------------------------------

const enc = (text: string) => encodeURIComponent(text);
const percentBytes = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

const hostileSegment = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '..%2f..%2f..%2fetc%2fpasswd',
      '..%2F..%2Fsrc%2Fconfig.ts',
      '%2e%2e%2f%2e%2e%2f',
      '..%5c..%5cwindows',
      '....%2f%2f',
      '%00',
      '%ff%fe',
      '%E0%A4%A',
      '%',
      '%zz',
      '%C0%AF',
      '%ED%A0%80',
      '\xff\xfe',
      'a'.repeat(65),
      'a'.repeat(101),
      'x'.repeat(9000),
      enc('<script>alert(1)</script>'),
      enc("' or 1=1--"),
      '-1',
      '1e309',
      'null',
      '00000000-0000-0000-0000-000000000000',
    ),
    fc.constantFrom(...realIds),
    fc.string({ maxLength: 80, unit: 'grapheme' }).map(enc),
    fc.uint8Array({ maxLength: 40 }).map(percentBytes),
  );

/** Any JSON value, including the kinds a field does not expect. */
const anyJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constant('x'.repeat(100_000)),
    fc.constantFrom(...realIds),
    fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constantFrom(...realIds)), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
    fc.integer({ min: 50, max: 1000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
  );

function hostileBody(operation: Operation): fc.Arbitrary<Buffer | string | undefined> {
  const fields = operation.bodyFields.length > 0 ? operation.bodyFields : ['versie'];
  const object = fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((field) => [field, anyJson()])), { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('onbekend', '__proto__', 'constructor', 'id', 'gemeenteId', 'beheerder'), anyJson(), { maxKeys: 2 }),
    )
    .map(([known, unknown]) => JSON.stringify({ ...unknown, ...known }));
  return fc.oneof(
    { weight: 12, arbitrary: object },
    fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '1e999', '{"a":1}}', '\ufeff{}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
    fc.integer({ min: 1000, max: 20_000 }).map((depth) => `{"${fields[0]}":${'['.repeat(depth)}${']'.repeat(depth)}}`),
    fc.constant(Buffer.concat([Buffer.from(`{"${fields[0]}":"`), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"}')])),
    fc.constant(undefined),
    // Over the 1 MB limit: rare, as each costs a megabyte (the fixed cases above test it for sure).
    { weight: 1, arbitrary: fc.constant(`{"${fields[0]}":"${'a'.repeat(1_100_000)}"}`) },
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/problem+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  ';;',
  '',
  undefined,
);

function hostileQuery(operation: Operation): fc.Arbitrary<string> {
  const names = [...operation.query.map((q) => q.name), 'onbekend', 'jaar', 'type'];
  const value = fc.oneof(
    fc.constantFrom('', 'abc', '1e400', '-0', '99999999999999999999', '2025.5', '%ff', '%E0%A4%A', '%00', 'a'.repeat(5000), '[]', '{}'),
    fc.string({ maxLength: 20 }).map(enc),
  );
  const pair = fc.tuple(fc.constantFrom(...names), fc.constantFrom('', '[]', '[0]', '.x'), value).map(([name, suffix, v]) => `${name}${suffix}=${v}`);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`) },
    fc.constantFrom(`?x=${'a'.repeat(20_000)}`, '?&&=&==', '?%', '?a=1;b=2'),
  );
}

type ExtraHeaders = { headers: [string, string][]; raw: string[] };
const extra = (headers: [string, string][], raw: string[] = []): ExtraHeaders => ({ headers, raw });
const extraHeaders: fc.Arbitrary<ExtraHeaders> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(extra([])) },
  fc.constantFrom(
    extra([['X-Groot', 'a'.repeat(20_000)]]),
    extra([], ['Kapotte kopregel']),
    extra([['Accept', 'text/html']]),
    extra([['Accept', 'application/xml'], ['Accept-Charset', 'ebcdic']]),
    extra([['Host', 'onbekend.example']]),
    extra([['Expect', '100-continue']]),
    extra([['Content-Length', 'abc']]),
    extra([['Content-Length', String(50 * 1024 * 1024)]]),
    extra([['Transfer-Encoding', 'chunked']]),
    extra([['If-None-Match', `"${'x'.repeat(2000)}"`], ['Range', 'bytes=-1']]),
  ),
);

function inChunks(body: string | Buffer): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const parts = bytes.length > 0 ? [Buffer.from(`${bytes.length.toString(16)}\r\n`, 'latin1'), bytes, Buffer.from('\r\n', 'latin1')] : [];
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n', 'latin1')]);
}

function hostileRequest(operation: Operation): fc.Arbitrary<RawRequest> {
  const writes = operation.method !== 'GET';
  return fc
    .record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(operation.method) }, fc.constantFrom('PUT', 'OPTIONS', 'TRACE', 'HEAD', 'GET', 'PATCH', 'POST', 'DELETE')),
      segments: fc.array(hostileSegment(), { minLength: 3, maxLength: 3 }),
      query: hostileQuery(operation),
      body: writes ? hostileBody(operation) : fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, hostileBody(operation)),
      contentType,
      // A valid token most of the time, so that hostile input gets past the 401 to the parsers and services.
      auth: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | undefined>('Bearer TOKEN') },
        fc.constantFrom<string | undefined>(undefined, 'Bearer lea_onzin', `Bearer ${'a'.repeat(3000)}`, 'Basic YTpi', 'Bearer', 'Bearer TOKENx'),
      ),
      more: extraHeaders,
    })
    .map(({ method, segments, query, body, contentType: type, auth, more }) => {
      let index = 0;
      const path = operation.path.replace(/\{\w+\}/g, () => segments[index++]!);
      const headers: [string, string | undefined][] = [];
      if (type !== undefined && body !== undefined) headers.push(['Content-Type', type]);
      if (auth !== undefined) headers.push(['Authorization', auth.replace('TOKEN', token)]);
      headers.push(...more.headers);
      // A client that says chunked sends its body in chunks, ending with an empty one; without that end the request
      // is unfinished and a server rightly waits for the rest. A broken chunked body is a case of its own above.
      const chunked = more.headers.some(([name]) => name === 'Transfer-Encoding');
      const sent = chunked ? inChunks(body ?? '') : body;
      return { method, target: `/api/v1${path}${query}`, headers, rawHeaderLines: more.raw, body: sent };
    });
}

/** 20 per operation keeps this to a few seconds; LEA_FUZZ_RUNS=500 for a long hunt (e.g. after changing a parser). */
const runsPerOperation = Number(process.env.LEA_FUZZ_RUNS ?? 20);

describe('hostile requests at every operation of /api/v1/openapi.json', () => {
  it('never get a 5xx, and every 4xx is a Dutch application/problem+json', async () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(realIds.length).toBeGreaterThan(5);
    const started = Date.now();
    let requests = 0;
    const statuses = new Map<number, number>();
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(hostileRequest(operation), async (request) => {
          requests += 1;
          const { response, problems } = await send(request);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (problems.length > 0) {
            throw new Error(`${operation.method} ${operation.path}: ${problems.join('; ')}\nantwoord ${response.status}: ${response.body.toString('utf8').slice(0, 300)}\nverzonden: ${response.sent}`);
          }
        }),
        // LEA_FUZZ_SEED replays a run that failed: fast-check prints the seed with the counterexample.
        { numRuns: runsPerOperation, endOnFailure: true, ...(process.env.LEA_FUZZ_SEED ? { seed: Number(process.env.LEA_FUZZ_SEED) } : {}) },
      );
    }
    console.log(
      `${requests} vijandige verzoeken op ${operations.length} operaties in ${Date.now() - started} ms; statussen: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ')}`,
    );
  }, 600_000);
});
