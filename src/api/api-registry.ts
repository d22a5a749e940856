/**
 * Declares the /api/v1 routes once, with zod schemas, and derives both the Fastify route (input checked,
 * output cached per data version, with ETags) and the OpenAPI 3 document from that one declaration.
 * A small generator of our own rather than @fastify/swagger: the API Design Rules ask for details (an
 * API-Version header on every response, problem+json on every error, a 400 on every operation that takes
 * parameters) that are simplest to guarantee in the place that builds the document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { ValidationError } from '../lib/errors.js';
import { findByIdOr404 } from '../lib/find.js';
import { prepareBody, sendPrepared, type PreparedBody } from '../lib/http-cache.js';
import { VersionedCache } from '../lib/versioned-cache.js';
import type { Permissie } from '../modules/auth/permissions.js';

export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';

/** Named schemas that appear under components.schemas. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * The path parameter of every /{id} route. Deliberately any short string, not a UUID: an id that cannot exist
 * is simply not found (404), the same answer as an id that no longer exists.
 */
export const idParams = z.object({ id: z.string().max(64).describe('De id van het gegeven.') });

export interface ApiRouteSpec<P extends AnyObject, Q extends AnyObject, R extends z.ZodType> {
  /** Path below /api/v1 in OpenAPI notation: /actielijnen/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  params?: P;
  query?: Q;
  /** A schema registered in apiSchemas, or an array of one. */
  response: R;
  responseDescription: string;
  handler: (request: FastifyRequest, input: { params: z.infer<P>; query: z.infer<Q> }) => Promise<z.infer<R>>;
}

interface OperationText {
  operationId: string;
  summary: string;
  description: string;
  responseDescription: string;
}

/** A collection with a list route and a route per item, where an item is found by id among the list. */
export interface ApiCollectionSpec<R extends z.ZodType<{ id: string }>, Q extends AnyObject> {
  /** Path of the collection below /api/v1, e.g. /ambities; the item route is {path}/{id}. */
  path: string;
  tag: string;
  /** The registered schema of one item. */
  schema: R;
  /** Every item of the request's gemeente, in list order. */
  items: (request: FastifyRequest) => Promise<z.infer<R>[]>;
  list: OperationText & { query?: Q; filter?: (item: z.infer<R>, query: z.infer<Q>) => boolean };
  item: OperationText & { notFound: (id: string) => string };
}

/** A state-changing operation: authenticated with a personal API token, checked against the permission table. */
export interface ApiWriteSpec<P extends AnyObject, B extends AnyObject, R extends z.ZodType> {
  method: 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  permission: Permissie;
  params?: P;
  body?: B;
  /** A valid request body, shown as the example in the OpenAPI document. */
  example?: unknown;
  /** A registered schema; absent for 204 No Content. */
  response?: R;
  status: 200 | 201 | 204;
  responseDescription: string;
  handler: (request: FastifyRequest, reply: FastifyReply, input: { params: z.infer<P>; body: z.infer<B> }) => Promise<z.infer<R> | void>;
}

interface RegisteredRoute {
  method?: 'get' | 'post' | 'patch' | 'delete';
  permission?: Permissie;
  body?: AnyObject;
  example?: unknown;
  status?: number;
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  params?: AnyObject;
  query?: AnyObject;
  response?: z.ZodType | undefined;
  responseDescription: string;
}

export class ApiRegistry {
  private readonly routes: RegisteredRoute[] = [];
  private readonly cache = new VersionedCache<PreparedBody>(2000);

  constructor(private readonly app: FastifyInstance) {}

  get<P extends AnyObject, Q extends AnyObject, R extends z.ZodType>(spec: ApiRouteSpec<P, Q, R>): void {
    this.routes.push(spec);
    const fastifyPath = API_PREFIX + spec.path.replace(/\{(\w+)\}/g, ':$1');
    this.app.get(fastifyPath, { config: { permission: 'publiek' } }, async (request: FastifyRequest, reply: FastifyReply) => {
      const params = parseInput(spec.params, request.params, 'path') as z.infer<P>;
      const query = parseInput(spec.query, request.query, 'query') as z.infer<Q>;
      const gemeente = request.gemeente;
      const prepared = await this.cache.get(`${gemeente.id} ${request.url}`, gemeente.dataVersie, async () =>
        prepareBody(JSON.stringify(await spec.handler(request, { params, query })), 'application/json; charset=utf-8'),
      );
      return sendPrepared(request, reply, prepared);
    });
  }

  /** Declares a POST, PATCH or DELETE route; the body is checked with zod, errors become problem+json. */
  write<P extends AnyObject, B extends AnyObject, R extends z.ZodType>(spec: ApiWriteSpec<P, B, R>): void {
    this.routes.push(spec);
    const fastifyPath = API_PREFIX + spec.path.replace(/\{(\w+)\}/g, ':$1');
    this.app.route({
      method: spec.method.toUpperCase() as 'POST' | 'PATCH' | 'DELETE',
      url: fastifyPath,
      config: { permission: spec.permission },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const params = parseInput(spec.params, request.params, 'path') as z.infer<P>;
        const body = parseInput(spec.body, request.body, 'body') as z.infer<B>;
        const result = await spec.handler(request, reply, { params, body });
        reply.header('Cache-Control', 'no-store');
        if (spec.status === 204) return reply.code(204).send();
        return reply.code(spec.status).type('application/json; charset=utf-8').send(JSON.stringify(result));
      },
    });
  }

  /** Declares a collection: GET {path} (optionally filtered) and GET {path}/{id}. */
  collection<R extends z.ZodType<{ id: string }>, Q extends AnyObject>(spec: ApiCollectionSpec<R, Q>): void {
    const { list, item } = spec;
    this.get({
      path: spec.path,
      operationId: list.operationId,
      summary: list.summary,
      description: list.description,
      responseDescription: list.responseDescription,
      tag: spec.tag,
      query: list.query,
      response: z.array(spec.schema),
      handler: async (request, { query }) => {
        const items = await spec.items(request);
        return list.filter ? items.filter((candidate) => list.filter!(candidate, query as z.infer<Q>)) : items;
      },
    });
    this.get({
      path: `${spec.path}/{id}`,
      operationId: item.operationId,
      summary: item.summary,
      description: item.description,
      responseDescription: item.responseDescription,
      tag: spec.tag,
      params: idParams,
      response: spec.schema,
      handler: async (request, { params }) => findByIdOr404(await spec.items(request), params.id, item.notFound(params.id)),
    });
  }

  /** The OpenAPI 3.0 document for every route declared so far. */
  openApiDocument(options: { serverUrl: string; contact: { name: string; email: string; url: string } }) {
    const components = z.toJSONSchema(apiSchemas, {
      target: 'openapi-3.0',
      uri: (id) => `#/components/schemas/${id}`,
    }).schemas;
    for (const schema of Object.values(components)) delete (schema as Record<string, unknown>).$id;

    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const method = route.method ?? 'get';
      const parameters = [...toParameters(route.params, 'path'), ...toParameters(route.query, 'query')];
      const status = String(route.status ?? 200);
      const responses: Record<string, unknown> = {
        [status]: {
          description: route.responseDescription,
          headers: { 'API-Version': { $ref: '#/components/headers/API-Version' } },
          ...(route.response ? { content: { 'application/json': { schema: responseSchema(route.response) } } } : {}),
        },
      };
      if (parameters.length > 0 || route.body) responses['400'] = { $ref: '#/components/responses/OngeldigeInvoer' };
      if (method !== 'get') {
        responses['401'] = { $ref: '#/components/responses/NietIngelogd' };
        responses['403'] = { $ref: '#/components/responses/GeenToegang' };
      }
      if (route.params) responses['404'] = { $ref: '#/components/responses/NietGevonden' };
      if (method !== 'get') responses['409'] = { $ref: '#/components/responses/Conflict' };
      responses['500'] = { $ref: '#/components/responses/Serverfout' };
      const requestBody = route.body
        ? {
            required: true,
            content: {
              'application/json': {
                schema: z.toJSONSchema(route.body, { target: 'openapi-3.0', io: 'input' }),
                ...(route.example !== undefined ? { example: route.example } : {}),
              },
            },
          }
        : undefined;
      paths[route.path] = {
        ...paths[route.path],
        [method]: {
          operationId: route.operationId,
          summary: route.summary,
          description: route.description,
          tags: [route.tag],
          ...(parameters.length > 0 ? { parameters } : {}),
          ...(requestBody ? { requestBody } : {}),
          ...(method !== 'get' ? { security: [{ apiToken: [] }] } : {}),
          responses,
        },
      };
    }

    const tags = [...new Set(this.routes.map((route) => route.tag))].map((name) => ({ name }));
    return {
      openapi: '3.0.3',
      info: {
        title: 'LEA-platform API',
        description:
          'Open data van de Lokale Educatieve Agenda (LEA) van een gemeente: de ambities, actielijnen en focusdoelen van de ' +
          'uitvoeringsagenda, de afspraken over onderwijsachterstandenbeleid (OAB) en de overlegstructuur met de stuurgroep. ' +
          'De gemeente volgt uit de hostnaam waarop u de API aanroept. Alle antwoorden hebben de kop API-Version; fouten ' +
          'komen als application/problem+json (RFC 9457).',
        version: API_VERSION,
        contact: options.contact,
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      },
      servers: [{ url: options.serverUrl, description: 'Deze installatie' }],
      tags,
      paths,
      components: {
        schemas: { ...components, Probleem: problemSchema },
        headers: {
          'API-Version': {
            description: 'De volledige versie van de API die het antwoord gaf.',
            schema: { type: 'string', example: API_VERSION },
          },
        },
        securitySchemes: {
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'Een persoonlijk API-token (begint met lea_), te maken op de pagina Mijn account. Alleen nodig om te wijzigen.',
          },
        },
        responses: {
          NietIngelogd: problemResponse('Er is geen geldig API-token meegestuurd.'),
          GeenToegang: problemResponse('Het token hoort bij een gebruiker zonder de rol die dit mag.'),
          Conflict: problemResponse('Iemand anders heeft het gegeven intussen gewijzigd; haal de nieuwste versie op en probeer opnieuw.'),
          OngeldigeInvoer: problemResponse('De vraag bevat een ongeldige waarde.'),
          NietGevonden: problemResponse('Het gevraagde bestaat niet.'),
          Serverfout: problemResponse('Er ging aan de kant van de server iets mis.'),
        },
      },
    };
  }
}

function parseInput(schema: AnyObject | undefined, value: unknown, where: 'path' | 'query' | 'body'): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    t('api.ongeldigeInvoer'),
    parsed.error.issues.map((issue) => ({ name: `${where}.${issue.path.join('.')}`, reason: issue.message })),
  );
}

function toParameters(schema: AnyObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as {
    properties?: Record<string, { description?: string } & Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function refFor(schema: z.ZodType): { $ref: string } {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('API response schemas must be registered in apiSchemas');
  return { $ref: `#/components/schemas/${meta.id}` };
}

function responseSchema(schema: z.ZodType): unknown {
  if (schema instanceof z.ZodArray) return { type: 'array', items: refFor(schema.element as z.ZodType) };
  return refFor(schema);
}

const problemSchema = {
  type: 'object',
  description: 'Een foutmelding volgens RFC 9457 (problem details).',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'Soort fout; about:blank als de HTTP-status genoeg zegt.', example: 'about:blank' },
    title: { type: 'string', description: 'Korte omschrijving van de soort fout.', example: 'Niet gevonden' },
    status: { type: 'integer', description: 'De HTTP-statuscode.', example: 404 },
    detail: { type: 'string', description: 'Uitleg voor deze keer.', example: 'Er is geen actielijn met id 123.' },
    instance: { type: 'string', description: 'Het pad waar de fout optrad.', example: '/api/v1/actielijnen/123' },
    invalidParams: {
      type: 'array',
      description: 'Welke invoer ongeldig is, en waarom.',
      items: {
        type: 'object',
        required: ['name', 'reason'],
        properties: { name: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};

function problemResponse(description: string) {
  return {
    description,
    headers: { 'API-Version': { $ref: '#/components/headers/API-Version' } },
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleem' } } },
  };
}
