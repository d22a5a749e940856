import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RolToewijzing } from '../modules/auth/permissions.js';
import { csrfToken } from '../plugins/auth.js';

/** What every page needs from the request to draw its frame. */
export interface PageContext {
  gemeenteNaam: string | undefined;
  stylesheet: string;
  path: string;
  /** The logged-in user, for the account menu; absent on pages for the public (which are cached). */
  user?: { naam: string; rollen: RolToewijzing[] } | undefined;
  /** CSRF token for the forms on the page (and the log-out button). */
  csrf?: string | undefined;
}

export function pageContext(request: FastifyRequest, stylesheet: string, reply?: FastifyReply): PageContext {
  const user = request.user;
  return {
    gemeenteNaam: request.gemeente?.naam,
    stylesheet,
    path: request.url.split('?')[0] ?? '/',
    user: user ? { naam: user.naam, rollen: user.rollen } : undefined,
    csrf: reply ? csrfToken(request, reply) : undefined,
  };
}

const doctype = '<!doctype html>';

/**
 * Completes a rendered page. The escaper writes every apostrophe as &#39;, which is only needed inside
 * single-quoted attributes; @kitajs/html always double-quotes attributes, so apostrophes may stay as they are.
 * The customer's texts ("IKC's", "programma's") then stand in the HTML exactly as written.
 */
export function htmlDocument(renderedPage: string): string {
  return doctype + renderedPage.replaceAll('&#39;', "'");
}
