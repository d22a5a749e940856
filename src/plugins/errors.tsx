import type { Server, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyHttpOptions, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_VERSION } from '../api/api-registry.js';
import { t } from '../i18n/index.js';
import { HttpError, ValidationError } from '../lib/errors.js';
import { ErrorPage } from '../views/error-page.js';
import { htmlDocument, pageContext, type PageContext } from '../views/page-context.js';
import { securityHeaderValues } from './security-headers.js';

export const problemContentType = 'application/problem+json; charset=utf-8';
const htmlContentType = 'text/html; charset=utf-8';

/** The headers every /api/v1 answer carries (see api.plugin.ts); repeated here for answers made before routing. */
const apiHeaderValues: Record<string, string> = {
  'API-Version': API_VERSION,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'API-Version, ETag',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/api?');
}

function isApiRequest(request: FastifyRequest): boolean {
  return isApiPath(request.url);
}

/** The path of a request target, for `instance`; left out when absurdly long (it may be why the request failed). */
function instanceOf(target: string): string | undefined {
  const path = target.split('?')[0] ?? '';
  return path.length <= 2048 ? path : undefined;
}

function problemBody(problem: { status: number; title: string; detail: string; instance?: string | undefined; invalidParams?: { name: string; reason: string }[] | undefined }): string {
  const body: Record<string, unknown> = { type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail };
  if (problem.instance !== undefined) body.instance = problem.instance;
  if (problem.invalidParams?.length) body.invalidParams = problem.invalidParams;
  return JSON.stringify(body);
}

/** RFC 9457 problem details, as the API Design Rules ask. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: { status: number; title: string; detail: string; invalidParams?: { name: string; reason: string }[] },
): FastifyReply {
  return reply
    .code(problem.status)
    .type(problemContentType)
    .send(problemBody({ ...problem, instance: instanceOf(request.url) }));
}

function errorPageHtml(ctx: PageContext, title: string, detail: string): string {
  return htmlDocument(ErrorPage({ ctx, title, detail }) as string);
}

function sendErrorPage(request: FastifyRequest, reply: FastifyReply, stylesheet: string, status: number, title: string, detail: string) {
  const html = errorPageHtml(pageContext(request, stylesheet), title, detail);
  return reply.code(status).type(htmlContentType).header('Cache-Control', 'no-store').send(html);
}

/**
 * Dutch title and detail for the errors that Node's HTTP parser and Fastify make themselves (before or around a
 * route): their own messages are English and would reach the client as they are.
 */
function edgeError(status: number, code: string | undefined, bodyLimit?: number): { title: string; detail: string } {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { title: t('fout.json.titel'), detail: t('fout.json.tekst') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { title: t('fout.json.titel'), detail: t('fout.jsonLeeg.tekst') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { title: t('fout.400.titel'), detail: t('fout.lengte.tekst') };
    case 'FST_ERR_BAD_URL':
      return { title: t('fout.400.titel'), detail: t('fout.adres.tekst') };
    case 'LEA_NO_HOST':
      return { title: t('fout.400.titel'), detail: t('fout.host.tekst') };
  }
  switch (status) {
    case 404:
      return { title: 'Niet gevonden', detail: t('fout.404.tekst') };
    case 408:
      return { title: t('fout.408.titel'), detail: t('fout.408.tekst') };
    case 413: {
      const max = bodyLimit ? `${Math.round(bodyLimit / 1024 / 1024) || 1} MB` : '1 MB';
      return { title: t('fout.413.titel'), detail: t('fout.413.tekst', { max }) };
    }
    case 414:
      return { title: t('fout.414.titel'), detail: t('fout.414.tekst') };
    case 415:
      return { title: t('fout.415.titel'), detail: t('fout.415.tekst') };
    case 431:
      return { title: t('fout.431.titel'), detail: t('fout.431.tekst') };
    default:
      return { title: t('fout.400.titel'), detail: t('fout.400.tekst') };
  }
}

/** The stylesheet of each app, for error pages made where no request exists yet (see clientErrorHandler). */
const stylesheets = new WeakMap<FastifyInstance, string>();

/** The request target of the request a socket is on: the one in flight, else the first line of what came in. */
function targetOf(socket: Socket, rawPacket: Buffer | undefined): string | undefined {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (inFlight?.req?.url) return inFlight.req.url;
  const line = rawPacket?.subarray(0, Math.min(rawPacket.length, 64 * 1024)).toString('latin1').split('\r\n', 1)[0];
  return line?.split(' ')[1];
}

/** Sockets that got their error answer already: Node reports the same broken request again as more bytes arrive. */
const answered = new WeakSet<Socket>();

/**
 * Node's 'clientError': the HTTP parser refused the request (header overflow 431, malformed request 400, time-out
 * 408), so no Fastify request exists and no hook runs. Fastify's default answers in English JSON; this answers as
 * the rest of the site does: problem+json under /api, the HTML error page elsewhere, with the same headers.
 */
function clientErrorHandler(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  // An answer already under way on this connection cannot be followed by another one: close, as Node does.
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  answered.add(socket);
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const { title, detail } = edgeError(status, undefined);
  // Fastify's type says otherwise, but Node hands over the bytes received so far as a Buffer.
  const rawPacket: unknown = error.rawPacket;
  const target = targetOf(socket, Buffer.isBuffer(rawPacket) ? rawPacket : undefined);
  const api = target !== undefined && isApiPath(target);
  const body = api
    ? problemBody({ status, title, detail, instance: instanceOf(target) })
    : errorPageHtml({ gemeenteNaam: undefined, stylesheet: stylesheets.get(this) ?? '', path: '/' }, title, detail);
  const headers: Record<string, string> = {
    ...securityHeaderValues,
    ...(api ? apiHeaderValues : {}),
    'Content-Type': api ? problemContentType : htmlContentType,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  this.log.debug({ err: error, status }, 'request refused by the HTTP parser');
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  // Closing at once while the client is still sending can reset the connection and lose the answer in transit;
  // give it a moment to read, then close for certain.
  setTimeout(() => socket.destroy(), 2000).unref();
}

/**
 * Fastify's router refusals (an invalid percent-encoding FST_ERR_BAD_URL, a path segment over maxParamLength
 * FST_ERR_MAX_PARAM_LENGTH): answered like every other error, though no route and no onRequest hook ran.
 */
function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const { title, detail } = edgeError(status, error.code);
  reply.headers(securityHeaderValues);
  if (isApiRequest(request)) {
    reply.headers(apiHeaderValues);
    sendProblem(request, reply, { status, title, detail });
    return;
  }
  sendErrorPage(request, reply, stylesheets.get(request.server) ?? '', status, title, detail);
}

/**
 * Server options for src/app.ts, so that errors made before a route runs are answered like all others. Node's own
 * check for a missing Host header (a bare 400 without a body) is switched off: registerErrorHandlers answers it.
 */
export const edgeErrorOptions = {
  clientErrorHandler,
  frameworkErrors,
  http: { requireHostHeader: false },
} satisfies Partial<FastifyHttpOptions<Server>>;

/** One place that turns every error into an HTML page or application/problem+json; never a stack trace. */
export function registerErrorHandlers(app: FastifyInstance, stylesheet: string): void {
  stylesheets.set(app, stylesheet);

  // HTTP/1.1 requires Host (RFC 9112 §3.2); Node's own check is off (see edgeErrorOptions) so this one answers.
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.httpVersion !== '1.1' || request.headers.host !== undefined) return;
    const { title, detail } = edgeError(400, 'LEA_NO_HOST');
    if (isApiRequest(request)) return sendProblem(request, reply, { status: 400, title, detail });
    return sendErrorPage(request, reply, stylesheet, 400, title, detail);
  });

  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request)) {
      return sendProblem(request, reply, {
        status: 404,
        title: 'Niet gevonden',
        detail: t('api.padNietGevonden', { pad: request.url.split('?')[0] ?? '' }),
      });
    }
    return sendErrorPage(request, reply, stylesheet, 404, t('fout.404.titel'), t('fout.404.tekst'));
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    let status = 500;
    let title = t('fout.500.titel');
    let detail = isApiRequest(request) ? t('api.serverfout') : t('fout.500.tekst');
    let invalidParams: { name: string; reason: string }[] | undefined;
    if (error instanceof HttpError) {
      ({ status, title, detail } = error);
      if (error instanceof ValidationError) invalidParams = error.invalidParams;
    } else if ('validation' in error && error.validation) {
      status = 400;
      title = 'Ongeldige invoer';
      detail = t('api.ongeldigeInvoer');
      invalidParams = error.validation.map((v) => ({
        name: String(v.instancePath || v.params?.missingProperty || '').replace(/^\//, ''),
        reason: v.message ?? 'ongeldig',
      }));
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own 4xx (body too large, unsupported media type, malformed JSON …): its message is English.
      status = error.statusCode;
      ({ title, detail } = edgeError(status, error.code, request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit));
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (isApiRequest(request)) return sendProblem(request, reply, { status, title, detail, invalidParams });
    const pageTitle = status === 404 && !(error instanceof HttpError) ? t('fout.404.titel') : title;
    return sendErrorPage(request, reply, stylesheet, status, pageTitle, detail);
  });
}
