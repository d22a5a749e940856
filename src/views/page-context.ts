import type { FastifyRequest } from 'fastify';

/** What every page needs from the request to draw its frame. */
export interface PageContext {
  gemeenteNaam: string | undefined;
  stylesheet: string;
  path: string;
}

export function pageContext(request: FastifyRequest, stylesheet: string): PageContext {
  return {
    gemeenteNaam: request.gemeente?.naam,
    stylesheet,
    path: request.url.split('?')[0] ?? '/',
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
