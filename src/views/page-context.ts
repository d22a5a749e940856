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

export const doctype = '<!doctype html>';
