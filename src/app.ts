import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import path from 'node:path';
import { createApi, registerOpenApiDocument } from './api/api.plugin.js';
import type { AppServices } from './app-services.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { MailerPool } from './lib/mail/mailer-pool.js';
import { agendaModule } from './modules/agenda/agenda.module.js';
import { auditModule } from './modules/audit/audit.module.js';
import { authModule } from './modules/auth/auth.module.js';
import { SessionService } from './modules/auth/session.service.js';
import { beheerModule } from './modules/beheer/beheer.module.js';
import { DataChange } from './modules/gemeente/data-change.js';
import { GemeenteService } from './modules/gemeente/gemeente.service.js';
import { governanceModule } from './modules/governance/governance.module.js';
import { healthModule } from './modules/health/health.module.js';
import type { LeaModule, ModuleContext } from './modules/module.js';
import { siteModule } from './modules/site/site.module.js';
import { buildStylesheet, registerAssets } from './plugins/assets.js';
import { registerAuth } from './plugins/auth.js';
import { edgeErrorOptions, registerErrorHandlers } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerTenant } from './plugins/tenant.js';
import { RecordRegistry } from './records/record-registry.js';
import { PageCache } from './views/page-cache.js';

/** The modules of the app, in the order they are loaded (a module may use the services of those before it). */
export const modules: readonly LeaModule[] = [healthModule, auditModule, authModule, agendaModule, governanceModule, beheerModule, siteModule];

declare module 'fastify' {
  interface FastifyInstance {
    /** Every record kind with its service, for the safeguard tests and for review. */
    records: RecordRegistry;
  }
}

/** Builds the whole application on an open database; the caller owns starting, stopping and the database. */
function refuseRouteSchemas(): never {
  throw new Error('Fastify-routeschema gevonden: deze app controleert invoer met zod in de route zelf.');
}

export async function buildApp(config: Config, database: DatabaseHandle, options: { modules?: readonly LeaModule[] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: config.TRUST_PROXY,
    // Paths are exact: /api/v1/actielijnen/ is not /api/v1/actielijnen (API Design Rules: no trailing slash).
    routerOptions: { ignoreTrailingSlash: false },
    bodyLimit: 1024 * 1024,
    ...edgeErrorOptions,
    // Input is checked with zod, once, where each route declares it; no route gives Fastify a JSON schema. Without
    // these, Fastify would load Ajv and fast-json-stringify at every start (about 0.06 s) for nothing; a route that
    // did give one fails at start-up instead of being checked twice.
    schemaController: { compilersFactory: { buildValidator: refuseRouteSchemas, buildSerializer: refuseRouteSchemas } },
  });

  // The core every module relies on: which gemeente a request is for, who is logged in, how mail leaves.
  const db = database.db;
  const mailers = new MailerPool({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxRoot: path.join(config.DATA_DIR, 'outbox') });
  const services = {
    gemeenten: new GemeenteService(db, { ttlMs: config.DATA_VERSION_TTL_MS, defaultSlug: config.DEFAULT_GEMEENTE }),
    sessions: new SessionService(db, { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS }),
    mailers,
  } as AppServices;
  app.decorate('services', services);
  app.addHook('onClose', () => mailers.close());

  const stylesheet = buildStylesheet();
  await registerSecurityHeaders(app);
  await app.register(formbody);
  registerErrorHandlers(app, stylesheet.href);
  registerTenant(app, services.gemeenten);
  await registerAuth(app, { db, sessions: services.sessions });
  registerAssets(app, stylesheet);

  const records = new RecordRegistry();
  app.decorate('records', records);
  const context: ModuleContext = {
    config,
    database,
    db,
    pages: new PageCache(stylesheet.href),
    api: createApi(app),
    records,
    // A change made here is visible here at once; other instances see it within DATA_VERSION_TTL_MS.
    changes: new DataChange(db, () => services.gemeenten.invalidate()),
  };
  for (const module of options.modules ?? modules) await app.register(module, context);
  registerOpenApiDocument(app, context.api, config);
  return app;
}
