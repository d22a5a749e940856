import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../i18n/index.js';
import { HttpError, ValidationError } from '../lib/errors.js';
import { ErrorPage } from '../views/error-page.js';
import { htmlDocument, pageContext } from '../views/page-context.js';

export const problemContentType = 'application/problem+json; charset=utf-8';

function isApiRequest(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/');
}

/** RFC 9457 problem details, as the API Design Rules ask. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: { status: number; title: string; detail: string; invalidParams?: { name: string; reason: string }[] },
): FastifyReply {
  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: request.url.split('?')[0],
  };
  if (problem.invalidParams?.length) body.invalidParams = problem.invalidParams;
  return reply.code(problem.status).type(problemContentType).send(JSON.stringify(body));
}

function sendErrorPage(request: FastifyRequest, reply: FastifyReply, stylesheet: string, status: number, title: string, detail: string) {
  const html = htmlDocument(ErrorPage({ ctx: pageContext(request, stylesheet), title, detail }) as string);
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
}

/** One place that turns every error into an HTML page or application/problem+json; never a stack trace. */
export function registerErrorHandlers(app: FastifyInstance, stylesheet: string): void {
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
      status = error.statusCode;
      title = status === 404 ? 'Niet gevonden' : 'Ongeldig verzoek';
      detail = error.message;
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (isApiRequest(request)) return sendProblem(request, reply, { status, title, detail, invalidParams });
    const pageTitle = status === 404 && !(error instanceof HttpError) ? t('fout.404.titel') : title;
    return sendErrorPage(request, reply, stylesheet, status, pageTitle, detail);
  });
}
