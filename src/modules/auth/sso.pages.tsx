import type { FastifyInstance } from 'fastify';
import { t } from '../../i18n/index.js';
import { NotFoundError } from '../../lib/errors.js';
import { safeReturnPath } from '../../lib/forms.js';
import { cookieName, setSessionCookie } from '../../plugins/auth.js';
import type { PageCache } from '../../views/page-cache.js';
import { afterLogin } from './auth.pages.js';
import type { SsoService } from './sso.service.js';
import { MessagePage } from '../../views/error-page.js';

const reasons = {
  verlopen: 'sso.verlopen',
  provider: 'sso.provider',
  geblokkeerd: 'sso.geblokkeerd',
} as const;

/** Log in through the gemeente's own identity provider; absent (404) when no provider is configured. */
export function registerSsoPages(app: FastifyInstance, deps: { pages: PageCache; sso: SsoService | undefined }): void {
  const publiek = { config: { permission: 'publiek' as const } };
  const cookieOptions = (secure: boolean) => ({ path: '/inloggen/sso', httpOnly: true, secure, sameSite: 'lax' as const });

  app.get('/inloggen/sso', publiek, async (request, reply) => {
    if (!deps.sso) throw new NotFoundError(t('fout.404.tekst'));
    const terug = safeReturnPath((request.query as Record<string, unknown>).terug);
    const { url, state } = await deps.sso.start(request.gemeente.id, terug);
    // Lax is enough: the provider sends the browser back with a top-level GET, which carries Lax cookies.
    reply.setCookie(cookieName(request, 'lea_oidc'), state, { ...cookieOptions(request.protocol === 'https'), maxAge: 600 });
    return reply.redirect(url, 303);
  });

  app.get('/inloggen/sso/callback', publiek, async (request, reply) => {
    if (!deps.sso) throw new NotFoundError(t('fout.404.tekst'));
    const name = cookieName(request, 'lea_oidc');
    const result = await deps.sso.finish(request.gemeente, new URL(request.url, 'http://callback.invalid'), request.cookies[name], request.ip);
    reply.clearCookie(name, cookieOptions(request.protocol === 'https'));
    if (result.status === 'mislukt') {
      return deps.pages.private(
        request,
        reply,
        (ctx) => <MessagePage ctx={ctx} title={t('sso.mislukt')} text={t(reasons[result.reden])} link={{ href: '/inloggen', label: t('login.titel') }} />,
        result.reden === 'geblokkeerd' ? 403 : 400,
      );
    }
    setSessionCookie(request, reply, result.rawSessionId);
    return reply.redirect(afterLogin(result.volgende, result.terug), 303);
  });
}
