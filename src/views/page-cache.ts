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

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    render: (ctx: PageContext) => JSX.Element | Promise<JSX.Element>,
  ): Promise<FastifyReply> {
    const gemeente = request.gemeente;
    const prepared = await this.cache.get(`${gemeente.id} ${request.url}`, gemeente.dataVersie, async () =>
      prepareBody(htmlDocument(await render(pageContext(request, this.stylesheet))), 'text/html; charset=utf-8'),
    );
    return sendPrepared(request, reply, prepared);
  }
}
