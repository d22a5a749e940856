import type { FastifyReply, FastifyRequest } from 'fastify';
import { prepareBody, sendPrepared, type PreparedBody } from '../lib/http-cache.js';
import { VersionedCache } from '../lib/versioned-cache.js';
import { htmlDocument, pageContext, type PageContext } from './page-context.js';

/**
 * Renders each page once per gemeente and data version and serves the stored bytes after that: the agenda
 * changes rarely and is read often. ETags let browsers skip the download when nothing changed.
 */
export class PageCache {
  private readonly cache = new VersionedCache<PreparedBody>(1000);

  constructor(readonly stylesheet: string) {}

  /** Renders a page for one user only; see sendPrivatePage. */
  private(
    request: FastifyRequest,
    reply: FastifyReply,
    render: (ctx: PageContext) => JSX.Element | Promise<JSX.Element>,
    status = 200,
  ): Promise<FastifyReply> {
    return sendPrivatePage(request, reply, this.stylesheet, render, status);
  }

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    render: (ctx: PageContext) => JSX.Element | Promise<JSX.Element>,
  ): Promise<FastifyReply> {
    const gemeente = request.gemeente;
    // A logged-in user's page carries their name and a CSRF token: never shared, never stored.
    if (request.session) return sendPrivatePage(request, reply, this.stylesheet, render);
    const prepared = await this.cache.get(`${gemeente.id} ${request.url}`, gemeente.dataVersie, async () =>
      prepareBody(htmlDocument(await render(pageContext(request, this.stylesheet))), 'text/html; charset=utf-8'),
    );
    return sendPrepared(request, reply, prepared);
  }
}

/** Sends a page that is about one user (a form, an account page): rendered each time, never stored. */
export async function sendPrivatePage(
  request: FastifyRequest,
  reply: FastifyReply,
  stylesheet: string,
  render: (ctx: PageContext) => JSX.Element | Promise<JSX.Element>,
  status = 200,
): Promise<FastifyReply> {
  const html = htmlDocument(await render(pageContext(request, stylesheet, reply)));
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'private, no-store').send(html);
}
