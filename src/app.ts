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
import { edgeErrorOptions, registerErrorHandlers } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerTenant } from './plugins/tenant.js';
import { PageCache } from './views/page-cache.js';
import path from 'node:path';
import { MailerPool } from './lib/mail/mailer-pool.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AccountService } from './modules/auth/account.service.js';
import { registerAccountPages } from './modules/auth/account.pages.js';
import { registerAuthPages } from './modules/auth/auth.pages.js';
import { LoginService } from './modules/auth/login.service.js';
import { SessionService } from './modules/auth/session.service.js';
import { registerBeheerPages } from './modules/beheer/beheer.pages.js';
import { GebruikersService } from './modules/beheer/gebruikers.service.js';
import { registerAuth } from './plugins/auth.js';
import type { SsoService } from './modules/auth/sso.service.js';
import { registerSsoPages } from './modules/auth/sso.pages.js';
import { AgendaEditService } from './modules/agenda/agenda-edit.service.js';
import { registerAgendaEditPages } from './modules/agenda/agenda-edit.pages.js';
import { GovernanceEditService } from './modules/governance/governance-edit.service.js';
import { registerGovernanceEditPages } from './modules/governance/governance-edit.pages.js';
import { AmbitieEditService } from './modules/agenda/ambitie-edit.service.js';
import { registerAmbitieEditPages } from './modules/agenda/ambitie-edit.pages.js';
import { OabEditService } from './modules/agenda/oab-edit.service.js';
import { registerOabEditPages } from './modules/agenda/oab-edit.pages.js';

export interface AppServices {
  gemeenten: GemeenteService;
  agenda: AgendaService;
  governance: GovernanceService;
  sessions: SessionService;
  login: LoginService;
  accounts: AccountService;
  gebruikers: GebruikersService;
  audit: AuditService;
  mailers: MailerPool;
  agendaEdit: AgendaEditService;
  governanceEdit: GovernanceEditService;
  ambitieEdit: AmbitieEditService;
  oabEdit: OabEditService;
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
    ...edgeErrorOptions,
  });

  const db = database.db;
  const sessions = new SessionService(db, { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS });
  const mailers = new MailerPool({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxRoot: path.join(config.DATA_DIR, 'outbox') });
  const accounts = new AccountService(db, sessions, mailers);
  const services: AppServices = {
    gemeenten: new GemeenteService(db, { ttlMs: config.DATA_VERSION_TTL_MS, defaultSlug: config.DEFAULT_GEMEENTE }),
    agenda: new AgendaService(db),
    governance: new GovernanceService(db),
    sessions,
    login: new LoginService(db, sessions),
    accounts,
    gebruikers: new GebruikersService(db, accounts, sessions),
    audit: new AuditService(db),
    mailers,
    // A change made here is visible here at once; other instances see it within DATA_VERSION_TTL_MS.
    agendaEdit: new AgendaEditService(db, () => services.gemeenten.invalidate()),
    governanceEdit: new GovernanceEditService(db, () => services.gemeenten.invalidate()),
    ambitieEdit: new AmbitieEditService(db, () => services.gemeenten.invalidate()),
    oabEdit: new OabEditService(db, () => services.gemeenten.invalidate()),
  };
  app.decorate('services', services);
  const sso = await createSso(config, db, services.login);
  app.addHook('onClose', () => mailers.close());

  const stylesheet = await buildStylesheet();
  const pages = new PageCache(stylesheet.href);

  await registerSecurityHeaders(app);
  await app.register(formbody);
  registerErrorHandlers(app, stylesheet.href);
  registerTenant(app, services.gemeenten);
  await registerAuth(app, { db, sessions });
  registerAssets(app, stylesheet);
  registerHealth(app, database);

  const deps = { pages, ...services };
  registerAgendaPages(app, deps);
  registerGovernancePages(app, deps);
  registerSitePages(app, deps);
  registerAgendaEditPages(app, deps);
  registerGovernanceEditPages(app, deps);
  registerAmbitieEditPages(app, deps);
  registerOabEditPages(app, deps);
  registerAuthPages(app, { ...deps, db, config, ssoLabel: sso ? config.OIDC_LABEL : undefined });
  registerSsoPages(app, { ...deps, sso });
  registerAccountPages(app, { ...deps, db });
  registerBeheerPages(app, { ...deps, config });
  registerApi(app, { config, ...services });

  return app;
}

/** Single sign-on, when configured; its OpenID Connect library is only loaded then, to keep start-up short. */
async function createSso(config: Config, db: DatabaseHandle['db'], login: LoginService): Promise<SsoService | undefined> {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return undefined;
  const [{ OidcClient }, { SsoService }] = await Promise.all([import('./modules/auth/oidc/oidc-client.js'), import('./modules/auth/sso.service.js')]);
  return new SsoService(db, new OidcClient(oidcSettings(config)), login);
}

function oidcSettings(config: Config) {
  const base = config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${config.PORT}`;
  return {
    issuer: config.OIDC_ISSUER!,
    clientId: config.OIDC_CLIENT_ID!,
    ...(config.OIDC_CLIENT_SECRET ? { clientSecret: config.OIDC_CLIENT_SECRET } : {}),
    redirectUri: config.OIDC_REDIRECT_URI ?? `${base}/inloggen/sso/callback`,
    allowInsecureHttp: config.OIDC_ALLOW_HTTP,
  };
}
