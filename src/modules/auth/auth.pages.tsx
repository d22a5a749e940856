import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { t } from '../../i18n/index.js';
import { formatWait } from '../../lib/dates.js';
import { formValues, safeReturnPath, validateForm } from '../../lib/forms.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth.js';
import { emptyForm, type FormState } from '../../views/form.js';
import type { PageCache } from '../../views/page-cache.js';
import { MessagePage } from '../../views/error-page.js';
import type { AccountService } from './account.service.js';
import { findGebruikerById } from './auth.repository.js';
import type { LoginService, NextStep } from './login.service.js';
import { vereistMfa } from './permissions.js';
import { mailBaseUrl } from './links.js';
import type { Database } from '../../db/client.js';
import { newPasswordSchema as passwordSchema, passwordProblemMessage as problemMessage } from './password-form.js';
import {
  ChoosePasswordPage,
  CodePage,
  ForgotPasswordPage,
  LoginPage,
  RecoveryCodesPage,
  TotpSetupPage,
} from './views/auth-views.js';

export interface AuthPageDeps {
  db: Database;
  config: Config;
  pages: PageCache;
  login: LoginService;
  accounts: AccountService;
  ssoLabel: string | undefined;
}

const loginSchema = z.object({
  email: z.string().trim().min(1, t('fout.veld.emailLeeg')).email(t('fout.veld.emailOngeldig')),
  wachtwoord: z.string().min(1, t('fout.veld.wachtwoordLeeg')),
});

const codeSchema = z.object({ code: z.string().trim().min(1, t('fout.veld.codeLeeg')) });

export function afterLogin(volgende: NextStep, terug: string): string {
  if (volgende === 'code') return `/inloggen/code?terug=${encodeURIComponent(terug)}`;
  if (volgende === 'instellen') return `/account/tweestapsverificatie?terug=${encodeURIComponent(terug)}`;
  return terug;
}

function terugOf(request: FastifyRequest): string {
  const query = request.query as Record<string, unknown>;
  const body = (request.body ?? {}) as Record<string, unknown>;
  return safeReturnPath(body.terug ?? query.terug);
}

function tooManyAttempts(reply: FastifyReply, seconden: number): FormState['errors'] {
  reply.header('Retry-After', String(seconden));
  return { email: t('login.wacht', { tijd: formatWait(seconden) }) };
}

/** Log in and out, the second factor, and choosing a password through an e-mailed link. */
export function registerAuthPages(app: FastifyInstance, deps: AuthPageDeps): void {
  const publiek = { config: { permission: 'publiek' as const } };
  const sso = deps.ssoLabel ? { label: deps.ssoLabel } : undefined;

  app.get('/inloggen', publiek, (request, reply) => {
    const terug = terugOf(request);
    if (request.user) return reply.redirect(terug, 303);
    const notice = (request.query as Record<string, string>).melding === 'uitgelogd' ? t('login.uitgelogd') : undefined;
    return deps.pages.private(request, reply, (ctx) => <LoginPage ctx={ctx} form={emptyForm()} terug={terug} sso={sso} notice={notice} />);
  });

  app.post('/inloggen', publiek, async (request, reply) => {
    const terug = terugOf(request);
    const values = formValues(request.body, ['email', 'wachtwoord']);
    const checked = validateForm(loginSchema, values);
    const show = (form: FormState, status: number) =>
      deps.pages.private(request, reply, (ctx) => <LoginPage ctx={ctx} form={form} terug={terug} sso={sso} />, status);
    if (!checked.ok) return show(checked.form, 400);
    const result = await deps.login.loginWithPassword(request.gemeente.id, checked.data.email, checked.data.wachtwoord, request.ip);
    if (result.status === 'wacht') return show({ values, errors: tooManyAttempts(reply, result.seconden) }, 429);
    if (result.status === 'mislukt') return show({ values, errors: { email: t('login.mislukt') } }, 400);
    if (request.session) await deps.login.logout(request.gemeente.id, request.session.idHash, { gebruikerId: null, naam: null, ip: request.ip });
    setSessionCookie(request, reply, result.rawSessionId);
    return reply.redirect(afterLogin(result.volgende, terug), 303);
  });

  app.get('/inloggen/code', publiek, (request, reply) => {
    const terug = terugOf(request);
    if (!request.session || request.session.mfaVoltooid) return reply.redirect(request.user ? terug : '/inloggen', 303);
    return deps.pages.private(request, reply, (ctx) => <CodePage ctx={ctx} form={emptyForm()} terug={terug} />);
  });

  app.post('/inloggen/code', publiek, async (request, reply) => {
    const terug = terugOf(request);
    const session = request.session;
    if (!session || session.mfaVoltooid) return reply.redirect('/inloggen', 303);
    const values = formValues(request.body, ['code']);
    const show = (form: FormState, status: number) =>
      deps.pages.private(request, reply, (ctx) => <CodePage ctx={ctx} form={form} terug={terug} />, status);
    const checked = validateForm(codeSchema, values);
    if (!checked.ok) return show(checked.form, 400);
    const result = await deps.login.verifySecondFactor(request.gemeente.id, session.idHash, session.gebruiker.id, checked.data.code, request.ip);
    if (result.status === 'wacht') {
      reply.header('Retry-After', String(result.seconden));
      return show({ values, errors: { code: t('login.wacht', { tijd: formatWait(result.seconden) }) } }, 429);
    }
    if (result.status === 'mislukt') return show({ values: {}, errors: { code: t('code.mislukt') } }, 400);
    return reply.redirect(terug, 303);
  });

  app.post('/uitloggen', publiek, async (request, reply) => {
    if (request.session) {
      await deps.login.logout(request.gemeente.id, request.session.idHash, {
        gebruikerId: request.session.gebruiker.id,
        naam: request.session.gebruiker.naam,
        ip: request.ip,
      });
    }
    clearSessionCookie(request, reply);
    return reply.redirect('/inloggen?melding=uitgelogd', 303);
  });

  // Setting up the app: reachable halfway through a login (a role that requires it) and from the account page.
  app.get('/account/tweestapsverificatie', publiek, async (request, reply) => {
    const session = request.session;
    if (!session) return reply.redirect('/inloggen?terug=%2Faccount%2Ftweestapsverificatie', 303);
    if (session.gebruiker.totpActiefSinds) return reply.redirect('/account', 303);
    const setup = await deps.accounts.beginTotp(request.gemeente, session.gebruiker);
    return deps.pages.private(request, reply, (ctx) => (
      <TotpSetupPage ctx={ctx} form={emptyForm()} secret={setup.secret} safeQrSvg={setup.qrSvg} terug={terugOf(request)} verplicht={vereistMfa(session.rollen)} />
    ));
  });

  app.post('/account/tweestapsverificatie', publiek, async (request, reply) => {
    const session = request.session;
    if (!session) return reply.redirect('/inloggen', 303);
    const terug = terugOf(request);
    const values = formValues(request.body, ['code']);
    const actor = { gebruikerId: session.gebruiker.id, naam: session.gebruiker.naam, ip: request.ip };
    const codes = await deps.accounts.confirmTotp(request.gemeente.id, session.gebruiker.id, values.code ?? '', actor);
    if (!codes) {
      const gebruiker = (await findGebruikerById(deps.db, request.gemeente.id, session.gebruiker.id)) ?? session.gebruiker;
      if (gebruiker.totpActiefSinds) return reply.redirect('/account', 303);
      const setup = await deps.accounts.beginTotp(request.gemeente, gebruiker);
      const form = { values: {}, errors: { code: values.code ? t('code.mislukt') : t('fout.veld.codeLeeg') } };
      return deps.pages.private(request, reply,
        (ctx) => <TotpSetupPage ctx={ctx} form={form} secret={setup.secret} safeQrSvg={setup.qrSvg} terug={terug} verplicht={vereistMfa(session.rollen)} />,
        400,
      );
    }
    if (!session.mfaVoltooid) await deps.login.completeSetupLogin(request.gemeente.id, session, request.ip);
    return deps.pages.private(request, reply, (ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} verder={terug === '/' ? '/account' : terug} />);
  });

  app.get('/wachtwoord-vergeten', publiek, (request, reply) =>
    deps.pages.private(request, reply, (ctx) => <ForgotPasswordPage ctx={ctx} form={emptyForm()} />),
  );

  app.post('/wachtwoord-vergeten', publiek, async (request, reply) => {
    const values = formValues(request.body, ['email']);
    const checked = validateForm(z.object({ email: loginSchema.shape.email }), values);
    if (!checked.ok) return deps.pages.private(request, reply, (ctx) => <ForgotPasswordPage ctx={ctx} form={checked.form} />, 400);
    const result = await deps.accounts.requestReset(request.gemeente, checked.data.email, request.ip, mailBaseUrl(request, deps.config));
    if (result !== 'verstuurd') {
      reply.header('Retry-After', String(result.wacht));
      const form = { values, errors: { email: t('login.wacht', { tijd: formatWait(result.wacht) }) } };
      return deps.pages.private(request, reply, (ctx) => <ForgotPasswordPage ctx={ctx} form={form} />, 429);
    }
    return deps.pages.private(request, reply, (ctx) => (
      <MessagePage ctx={ctx} title={t('vergeten.verstuurdTitel')} text={t('vergeten.verstuurd')} link={{ href: '/inloggen', label: t('login.titel') }} />
    ));
  });

  registerLinkRoutes(app, deps, '/wachtwoord-herstellen/:token', 'wachtwoord-herstel');
  registerLinkRoutes(app, deps, '/uitnodiging/:token', 'uitnodiging');
}

/** The pages behind an e-mailed link: choose a password, then continue as a logged-in user. */
function registerLinkRoutes(app: FastifyInstance, deps: AuthPageDeps, path: string, doel: 'uitnodiging' | 'wachtwoord-herstel'): void {
  const title = doel === 'uitnodiging' ? t('uitnodiging.titel') : t('herstel.titel');
  const intro = doel === 'uitnodiging' ? t('uitnodiging.intro') : t('herstel.intro');
  const invalid = (request: FastifyRequest, reply: FastifyReply) =>
    deps.pages.private(request, reply,
      (ctx) => <MessagePage ctx={ctx} title={t('link.ongeldigTitel')} text={t('link.ongeldig')} link={{ href: '/wachtwoord-vergeten', label: t('vergeten.titel') }} />,
      404,
    );

  app.get<{ Params: { token: string } }>(path, { config: { permission: 'publiek' } }, async (request, reply) => {
    // The token is in the address: keep it out of the Referer of any link on the page.
    reply.header('Referrer-Policy', 'no-referrer');
    const gebruiker = await deps.accounts.findLinkUser(request.gemeente.id, request.params.token, doel);
    if (!gebruiker) return invalid(request, reply);
    return deps.pages.private(request, reply, (ctx) => (
      <ChoosePasswordPage ctx={ctx} form={emptyForm()} action={request.url} title={title} intro={intro.replace('{naam}', gebruiker.naam)} />
    ));
  });

  app.post<{ Params: { token: string } }>(path, { config: { permission: 'publiek' } }, async (request, reply) => {
    reply.header('Referrer-Policy', 'no-referrer');
    const gebruiker = await deps.accounts.findLinkUser(request.gemeente.id, request.params.token, doel);
    if (!gebruiker) return invalid(request, reply);
    const values = formValues(request.body, ['wachtwoord', 'herhaling']);
    const show = (form: FormState) =>
      deps.pages.private(request, reply,
        (ctx) => <ChoosePasswordPage ctx={ctx} form={form} action={request.url} title={title} intro={intro.replace('{naam}', gebruiker.naam)} />,
        400,
      );
    const checked = validateForm(passwordSchema, values);
    if (!checked.ok) return show({ values: {}, errors: checked.form.errors });
    const result = await deps.accounts.setPasswordWithLink(request.gemeente.id, request.params.token, doel, checked.data.wachtwoord, request.ip);
    if (result.status === 'ongeldig') return invalid(request, reply);
    if (result.status === 'zwak') return show({ values: {}, errors: { wachtwoord: problemMessage[result.probleem] } });
    const started = await deps.login.startSession(request.gemeente.id, result.gebruiker, request.ip);
    setSessionCookie(request, reply, started.rawSessionId);
    return reply.redirect(afterLogin(started.volgende, '/'), 303);
  });
}
