import type { FastifyInstance, FastifyRequest } from 'fastify';
import { t } from '../i18n/index.js';
import { HttpError } from '../lib/errors.js';
import type { Gemeente, GemeenteService } from '../modules/gemeente/gemeente.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The gemeente this request is for; set for every route that is not `config.public`. */
    gemeente: Gemeente;
  }
  interface FastifyContextConfig {
    /** Routes that belong to no gemeente: health checks, assets, the OpenAPI document. */
    public?: boolean;
  }
}

export function registerTenant(app: FastifyInstance, gemeenten: GemeenteService): void {
  app.decorateRequest('gemeente', null as unknown as Gemeente);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.config?.public) return;
    // hostname honours X-Forwarded-Host when TRUST_PROXY is on, and leaves out the port.
    const found = await gemeenten.resolve(request.hostname);
    if (!found) throw new HttpError(404, t('fout.gemeente.titel'), t('fout.gemeente.tekst'));
    request.gemeente = found;
  });
}
