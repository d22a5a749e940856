import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { registerApi } from './api/api.plugin.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { registerAgendaPages } from './modules/agenda/agenda.pages.js';
import { AgendaService } from './modules/agenda/agenda.service.js';
import { GemeenteService } from './modules/gemeente/gemeente.service.js';
import { registerGovernancePages } from './modules/governance/governance.pages.js';
import { GovernanceService } from './modules/governance/governance.service.js';
import { registerHealth } from './modules/health/health.routes.js';
import { registerSitePages } from './modules/site/site.pages.js';
import { buildStylesheet, registerAssets } from './plugins/assets.js';
import { registerErrorHandlers } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerTenant } from './plugins/tenant.js';
import { PageCache } from './views/page-cache.js';

export interface AppServices {
  gemeenten: GemeenteService;
  agenda: AgendaService;
  governance: GovernanceService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

/** Builds the whole application on an open database; the caller owns starting, stopping and the database. */
export async function buildApp(config: Config, database: DatabaseHandle): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: config.TRUST_PROXY,
    // Paths are exact: /api/v1/actielijnen/ is not /api/v1/actielijnen (API Design Rules: no trailing slash).
    routerOptions: { ignoreTrailingSlash: false },
    bodyLimit: 1024 * 1024,
  });

  const services: AppServices = {
    gemeenten: new GemeenteService(database.db, { ttlMs: config.DATA_VERSION_TTL_MS, defaultSlug: config.DEFAULT_GEMEENTE }),
    agenda: new AgendaService(database.db),
    governance: new GovernanceService(database.db),
  };
  app.decorate('services', services);

  const stylesheet = await buildStylesheet();
  const pages = new PageCache(stylesheet.href);

  await registerSecurityHeaders(app);
  await app.register(formbody);
  registerErrorHandlers(app, stylesheet.href);
  registerTenant(app, services.gemeenten);
  registerAssets(app, stylesheet);
  registerHealth(app, database);

  const deps = { pages, ...services };
  registerAgendaPages(app, deps);
  registerGovernancePages(app, deps);
  registerSitePages(app, deps);
  registerApi(app, { config, ...services });

  return app;
}
