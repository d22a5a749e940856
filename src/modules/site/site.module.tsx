import { defineModule } from '../module.js';
import { ToegankelijkheidPage } from './views/toegankelijkheid-page.js';

/** Pages about the site itself: the accessibility statement. */
export const siteModule = defineModule('site', async (app, context) => {
  app.get('/toegankelijkheid', { config: { permission: 'publiek' } }, (request, reply) => context.pages.send(request, reply, (ctx) => <ToegankelijkheidPage ctx={ctx} />));
});
