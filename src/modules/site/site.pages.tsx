import type { FastifyInstance } from 'fastify';
import type { PageCache } from '../../views/page-cache.js';
import { ToegankelijkheidPage } from './views/toegankelijkheid-page.js';

export function registerSitePages(app: FastifyInstance, deps: { pages: PageCache }): void {
  app.get('/toegankelijkheid', { config: { permission: 'publiek' } }, (request, reply) => deps.pages.send(request, reply, (ctx) => <ToegankelijkheidPage ctx={ctx} />));
}
