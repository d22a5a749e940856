import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { defineModule } from '../module.js';
import { registerAccountPages } from './account.pages.js';
import { AccountService } from './account.service.js';
import { registerAuthPages } from './auth.pages.js';
import { LoginService } from './login.service.js';
import { registerSsoPages } from './sso.pages.js';
import type { SsoService } from './sso.service.js';

declare module '../../app-services.js' {
  interface AppServices {
    login: LoginService;
    accounts: AccountService;
  }
}

/** Logging in (password, second factor, single sign-on), mailed links, and each user's own account. */
export const authModule = defineModule('auth', async (app, context) => {
  const { sessions, mailers } = app.services;
  const login = new LoginService(context.db, sessions);
  const accounts = new AccountService(context.db, sessions, mailers);
  Object.assign(app.services, { login, accounts });
  const sso = await createSso(context.config, context.db, login);
  registerAuthPages(app, { db: context.db, config: context.config, pages: context.pages, login, accounts, ssoLabel: sso ? context.config.OIDC_LABEL : undefined });
  registerSsoPages(app, { pages: context.pages, sso });
  registerAccountPages(app, { db: context.db, pages: context.pages, accounts });
});

/** Single sign-on, when configured; its OpenID Connect library is only loaded then, to keep start-up short. */
async function createSso(config: Config, db: Database, login: LoginService): Promise<SsoService | undefined> {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return undefined;
  const [{ OidcClient }, { SsoService }] = await Promise.all([import('./oidc/oidc-client.js'), import('./sso.service.js')]);
  const base = config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${config.PORT}`;
  const client = new OidcClient({
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    ...(config.OIDC_CLIENT_SECRET ? { clientSecret: config.OIDC_CLIENT_SECRET } : {}),
    redirectUri: config.OIDC_REDIRECT_URI ?? `${base}/inloggen/sso/callback`,
    allowInsecureHttp: config.OIDC_ALLOW_HTTP,
  });
  return new SsoService(db, client, login);
}
