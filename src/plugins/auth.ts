import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../i18n/index.js';
import { HttpError } from '../lib/errors.js';
import { findActiveApiToken, markApiTokenUsed } from '../modules/auth/auth.repository.js';
import type { Actor } from '../modules/audit/audit.repository.js';
import { heeftPermissie, PERMISSIES, type Permissie, type RolToewijzing } from '../modules/auth/permissions.js';
import { hashSecretToken } from '../modules/auth/security/secret-token.js';
import type { LoadedSession, SessionService } from '../modules/auth/session.service.js';
import type { Database } from '../db/client.js';
import { listRollen } from '../modules/auth/auth.repository.js';

/** The logged-in user of a request, through a session cookie (pages) or a personal API token (API). */
export interface CurrentUser {
  id: string;
  gemeenteId: string;
  email: string;
  naam: string;
  rollen: RolToewijzing[];
  via: 'sessie' | 'api-token';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the user has passed every factor; undefined for the public. */
    user: CurrentUser | undefined;
    /** The session, also while the second factor is still to come. */
    session: LoadedSession | undefined;
  }
  interface FastifyInstance {
    /** Every route with the permission it needs, for the permission-matrix test and for review. */
    permissionTable: { method: string; url: string; permission: Permissie }[];
  }
  interface FastifyContextConfig {
    /** Which permission of the one table (modules/auth/permissions.ts) this route needs. */
    permission?: Permissie;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/** Cookies get the __Host- prefix over TLS: the browser then refuses them from subdomains and without Secure. */
export function cookieName(request: FastifyRequest, base: string): string {
  return request.protocol === 'https' ? `__Host-${base}` : base;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, rawId: string): void {
  reply.setCookie(cookieName(request, 'lea_sessie'), rawId, {
    path: '/',
    httpOnly: true,
    secure: request.protocol === 'https',
    sameSite: 'lax',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(request, 'lea_sessie'), { path: '/', httpOnly: true, secure: request.protocol === 'https', sameSite: 'lax' });
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/**
 * The CSRF token of a form. With a session it is derived from the session id (which only the browser's cookie
 * holds); without one (the login form) from a random cookie made for the purpose. A page on another site can
 * make the browser post, but it can read neither cookie, so it cannot know the token.
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return sha256(`csrf|${request.session.rawId}`);
  const name = cookieName(request, 'lea_csrf');
  let secret = request.cookies[name];
  if (!secret || !/^[A-Za-z0-9_-]{43}$/.test(secret)) {
    secret = randomBytes(32).toString('base64url');
    reply.setCookie(name, secret, { path: '/', httpOnly: true, secure: request.protocol === 'https', sameSite: 'lax' });
    request.cookies[name] = secret;
  }
  return sha256(`csrf|${secret}`);
}

function expectedCsrfTokens(request: FastifyRequest): string[] {
  const tokens: string[] = [];
  if (request.session) tokens.push(sha256(`csrf|${request.session.rawId}`));
  const secret = request.cookies[cookieName(request, 'lea_csrf')];
  if (secret) tokens.push(sha256(`csrf|${secret}`));
  return tokens;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Who is acting, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return { gebruikerId: request.user?.id ?? null, naam: request.user?.naam ?? null, ip: request.ip };
}

async function userFromApiToken(db: Database, request: FastifyRequest, header: string): Promise<CurrentUser> {
  const match = /^Bearer\s+(lea_[A-Za-z0-9_-]{20,100})$/.exec(header);
  const refused = new HttpError(401, t('auth.api.titel'), t('auth.api.ongeldigToken'));
  if (!match) throw refused;
  const found = await findActiveApiToken(db, hashSecretToken(match[1]!));
  if (!found || found.apiToken.gemeenteId !== request.gemeente.id || found.gebruiker.status !== 'actief') throw refused;
  const now = new Date();
  if (!found.apiToken.laatstGebruiktOp || now.getTime() - found.apiToken.laatstGebruiktOp.getTime() > 60_000) {
    await markApiTokenUsed(db, found.apiToken.id, now);
  }
  const rollen = await listRollen(db, request.gemeente.id, found.gebruiker.id);
  const { id, gemeenteId, email, naam } = found.gebruiker;
  return { id, gemeenteId, email, naam, rollen, via: 'api-token' };
}

/**
 * Sessions, API tokens, the permission check and CSRF, for every route. A route must say which permission it
 * needs (or that it is public and tenant-less); registering one that does not is an error at start-up, so no
 * route can be forgotten.
 */
export async function registerAuth(app: FastifyInstance, deps: { db: Database; sessions: SessionService }): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', undefined);
  app.decorateRequest('session', undefined);

  const table: FastifyInstance['permissionTable'] = [];
  app.decorate('permissionTable', table);
  app.addHook('onRoute', (route) => {
    const config = route.config as { public?: boolean; permission?: string } | undefined;
    if (config?.public) return;
    if (!config?.permission || !(config.permission in PERMISSIES)) {
      throw new Error(`Route ${String(route.method)} ${route.url} noemt geen permissie uit PERMISSIES.`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method: String(method), url: route.url, permission: config.permission as Permissie });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config?.public || !request.gemeente) return;

    if (isApiPath(request.url)) {
      // The API takes personal tokens only, never the browser's cookie: no cookie, no CSRF to worry about.
      const header = request.headers.authorization;
      if (header) {
        try {
          request.user = await userFromApiToken(deps.db, request, header);
        } catch (error) {
          // A 401 must name the scheme it wants (RFC 9110 §15.5.2, RFC 6750 §3), also for a refused token.
          reply.header('WWW-Authenticate', 'Bearer realm="LEA", error="invalid_token"');
          throw error;
        }
      }
    } else {
      const rawId = request.cookies[cookieName(request, 'lea_sessie')];
      if (rawId && /^[A-Za-z0-9_-]{43}$/.test(rawId)) {
        const session = await deps.sessions.load(rawId, request.gemeente.id);
        if (session) {
          request.session = session;
          if (session.mfaVoltooid) {
            const { id, gemeenteId, email, naam } = session.gebruiker;
            request.user = { id, gemeenteId, email, naam, rollen: session.rollen, via: 'sessie' };
          }
        } else {
          clearSessionCookie(request, reply);
        }
      }
    }

    const permission = config?.permission ?? 'publiek';
    if (heeftPermissie(request.user?.rollen, permission)) return;
    if (!request.user) {
      if (!isApiPath(request.url) && request.method === 'GET') {
        const back = encodeURIComponent(request.url);
        return reply.redirect(`/inloggen?terug=${back}`, 303);
      }
      if (isApiPath(request.url)) reply.header('WWW-Authenticate', 'Bearer realm="LEA"');
      throw new HttpError(401, t('auth.nietIngelogd.titel'), t('auth.nietIngelogd.tekst'));
    }
    throw new HttpError(403, t('auth.geenToegang.titel'), t('auth.geenToegang.tekst'));
  });

  app.addHook('preHandler', async (request) => {
    if (!STATE_CHANGING.has(request.method) || isApiPath(request.url) || request.routeOptions.config?.public) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent = typeof body?._csrf === 'string' ? body._csrf : '';
    const valid = sent !== '' && expectedCsrfTokens(request).some((expected) => sameToken(expected, sent));
    if (!valid) throw new HttpError(403, t('auth.csrf.titel'), t('auth.csrf.tekst'));
  });
}
