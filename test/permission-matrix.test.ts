/**
 * Walks every route × every role. The expectations below are written out by hand, apart from the permission
 * table in code, so that changing who may do what is a deliberate change in two places.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Rol } from '../src/db/schema.js';
import { heeftPermissie, type Permissie } from '../src/modules/auth/permissions.js';
import type { AnyRecordKind } from '../src/records/record-kind.js';
import { createTestApp } from './helpers/app.js';
import { createUser, gemeenteId, loginAs, rol, type TestBrowser } from './helpers/session.js';

/** 'zonder-rol': logged in, but the beheerder has not given any role yet (e.g. just arrived through single sign-on). */
type Who = 'publiek' | 'zonder-rol' | Rol;
const ROLES: Rol[] = ['beheerder', 'procesmanager', 'stuurgroeplid', 'voorzitter-overlegtafel', 'platformlid', 'data-beheerder'];
const EVERYONE: Who[] = ['publiek', 'zonder-rol', ...ROLES];
const LOGGED_IN: Who[] = ['zonder-rol', ...ROLES];
const WITH_A_ROLE: Who[] = ROLES;

/** Who holds each permission: written out here apart from the table in code, so a change is deliberate in two places. */
const HOLDERS: Record<Permissie, Who[]> = {
  publiek: EVERYONE,
  'account.eigen': LOGGED_IN,
  'intern.lezen': WITH_A_ROLE,
  'agenda.bewerken': ['procesmanager'],
  'governance.bewerken': ['procesmanager'],
  // The gremium form is also for a voorzitter-overlegtafel, for the tafel they chair only: the service refuses another
  // gremium with 403, but the fake id here does not exist, so they get 404 (allowed here).
  'gremium.eigen-tafel': ['procesmanager', 'voorzitter-overlegtafel'],
  'historie.lezen': ['beheerder', 'procesmanager'],
  'gebruikers.beheren': ['beheerder'],
  'audit.lezen': ['beheerder'],
  'outbox.lezen': ['beheerder'],
};

/**
 * The permission each declared record kind is edited with. A kind that is declared but not listed here, or listed
 * with another permission, fails the suite: a new kind cannot slip in without a deliberate choice of who edits it.
 */
const KIND_PERMISSIONS: Record<string, Permissie> = {
  uitvoeringsagenda: 'agenda.bewerken',
  ambitie: 'agenda.bewerken',
  actielijn: 'agenda.bewerken',
  focusdoel: 'agenda.bewerken',
  betrokkene: 'agenda.bewerken',
  'oab-afspraak': 'agenda.bewerken',
  organisatie: 'governance.bewerken',
  persoon: 'governance.bewerken',
  gremium: 'governance.bewerken',
  lidmaatschap: 'governance.bewerken',
  'gremium-relatie': 'governance.bewerken',
};

/** Who may use each route that is not a record kind's. Every other route of the app must be listed here (a test checks that). */
const expected: Record<string, Who[]> = {
  'GET /': EVERYONE,
  'GET /actielijnen/:nummer': EVERYONE,
  'GET /oab-afspraken': EVERYONE,
  'GET /stuurgroep': EVERYONE,
  'GET /structuur': EVERYONE,
  'GET /toegankelijkheid': EVERYONE,
  'GET /inloggen': EVERYONE,
  'POST /inloggen': EVERYONE,
  'GET /inloggen/code': EVERYONE,
  'POST /inloggen/code': EVERYONE,
  'POST /uitloggen': EVERYONE,
  'GET /inloggen/sso': EVERYONE,
  'GET /inloggen/sso/callback': EVERYONE,
  // Needs a session, also a half-finished login (which the permission layer cannot see): the public is sent to log in.
  'GET /account/tweestapsverificatie': LOGGED_IN,
  'POST /account/tweestapsverificatie': EVERYONE,
  'GET /wachtwoord-vergeten': EVERYONE,
  'POST /wachtwoord-vergeten': EVERYONE,
  'GET /wachtwoord-herstellen/:token': EVERYONE,
  'POST /wachtwoord-herstellen/:token': EVERYONE,
  'GET /uitnodiging/:token': EVERYONE,
  'POST /uitnodiging/:token': EVERYONE,
  'GET /account': LOGGED_IN,
  'POST /account/api-tokens': LOGGED_IN,
  'POST /account/api-tokens/:id/intrekken': LOGGED_IN,
  'POST /account/herstelcodes': LOGGED_IN,
  'POST /account/wachtwoord': LOGGED_IN,
  'GET /beheer': WITH_A_ROLE,
  'GET /beheer/gebruikers': ['beheerder'],
  'GET /beheer/gebruikers/nieuw': ['beheerder'],
  'POST /beheer/gebruikers/nieuw': ['beheerder'],
  'GET /beheer/gebruikers/:id': ['beheerder'],
  'POST /beheer/gebruikers/:id': ['beheerder'],
  'POST /beheer/gebruikers/:id/uitnodiging': ['beheerder'],
  'GET /beheer/audit': ['beheerder'],
  'GET /beheer/outbox': ['beheerder'],
  'GET /beheer/outbox/:id': ['beheerder'],
  // Not a record kind of its own: a year's toelichting is made on its first save (src/modules/agenda/oab-jaar.pages.tsx).
  'GET /oab-afspraken/jaren/:jaar/bewerken': ['procesmanager'],
  'POST /oab-afspraken/jaren/:jaar/bewerken': ['procesmanager'],
  'GET /governance/bewerken': ['procesmanager'],
  'GET /structuur/:slug': EVERYONE,
};

/**
 * The routes a record kind's declaration promises, worked out here from the declaration itself (not from the code
 * that registers them): new, edit and archive pages, and POST, PATCH and DELETE in the API.
 */
function kindRoutes(kind: AnyRecordKind): Record<string, Permissie> {
  const key = kind.pages.key?.param ?? 'id';
  const item = `${kind.pages.base}/:${key}`;
  const parent = kind.parent?.kind;
  const newPage = parent ? `${parent.pages.base}/:${parent.pages.key?.param ?? 'id'}/${kind.pages.segment}/nieuw` : `${kind.pages.base}/nieuw`;
  const edit = kind.scope?.permission ?? kind.permission;
  const routes: Record<string, Permissie> = {
    [`GET ${item}/bewerken`]: edit,
    [`POST ${item}/bewerken`]: edit,
    [`PATCH /api/v1${kind.api.path}/:id`]: edit,
  };
  if (kind.can.create) {
    routes[`GET ${newPage}`] = kind.permission;
    routes[`POST ${newPage}`] = kind.permission;
    routes[`POST /api/v1${parent ? `${parent.api.path}/:id/${kind.api.segment}` : kind.api.path}`] = kind.permission;
  }
  if (kind.can.archive) {
    routes[`POST ${item}/archiveren`] = kind.permission;
    if (kind.pages.archive?.style === 'confirm') routes[`GET ${item}/archiveren`] = kind.permission;
    routes[`DELETE /api/v1${kind.api.path}/:id`] = kind.permission;
  }
  return routes;
}

// Built before the tests are collected, so that every route of every declared record kind gets tests of its own.
const fx = { t: await createTestApp() };
afterAll(() => fx.t.close());
const browsers = new Map<Who, TestBrowser | undefined>();
const tokens = new Map<Who, string>();
const users = new Map<Who, Awaited<ReturnType<typeof createUser>>>();

beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lea-matrix-'));
  void dataDir;
  const gid = await gemeenteId(fx.t);
  const tafel = (await fx.t.app.services.governance.get({ id: gid } as never)).gremia.find((g) => g.type === 'overlegtafel');
  browsers.set('publiek', undefined);
  const zonderRol = await createUser(fx.t, gid, { email: 'zonder-rol@matrix.example', naam: 'Matrix zonder rol', rollen: [] });
  users.set('zonder-rol', zonderRol);
  browsers.set('zonder-rol', await loginAs(fx.t, zonderRol));
  tokens.set('zonder-rol', (await fx.t.app.services.accounts.createToken(gid, zonderRol, 'matrix', { gebruikerId: zonderRol.id, naam: zonderRol.naam, ip: null })).token);
  for (const role of ROLES) {
    const rollen = role === 'voorzitter-overlegtafel' ? [{ rol: role, gremiumId: tafel!.id }] : [rol(role)];
    const user = await createUser(fx.t, gid, {
      email: `${role}@matrix.example`,
      naam: `Matrix ${role}`,
      rollen,
      totp: role === 'beheerder' || role === 'procesmanager',
    });
    users.set(role, user);
    browsers.set(role, await loginAs(fx.t, user));
    const { token } = await fx.t.app.services.accounts.createToken(gid, user, 'matrix', { gebruikerId: user.id, naam: user.naam, ip: null });
    tokens.set(role, token);
  }
}, 60_000);

/** Every route with who may use it: the hand-written ones, and those of every declared record kind. */
function allExpected(): Record<string, Who[]> {
  const all = { ...expected };
  for (const service of fx.t.app.records.all()) {
    for (const [route, permission] of Object.entries(kindRoutes(service.kind))) all[route] = HOLDERS[permission];
  }
  return all;
}

function concrete(url: string): string {
  return url
    .replace(':nummer', '1')
    .replace(':jaar', '2025')
    .replace(':token', 'niet-bestaand-token-0000000000000000000000000')
    .replace(':id', '00000000-0000-4000-8000-000000000000');
}

describe('the permission matrix', () => {
  it('knows who edits every declared record kind, with the permission the declaration names', () => {
    const declared = Object.fromEntries(fx.t.app.records.all().map((service) => [service.kind.name, service.kind.permission]));
    expect(declared).toEqual(KIND_PERMISSIONS);
  });

  it('lists every route of the app, and every listed route exists', () => {
    const actual = fx.t.app.permissionTable.filter((r) => !r.url.startsWith('/api/v1') || r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    expect(new Set(actual)).toEqual(new Set(Object.keys(allExpected())));
  });

  it('gives every route of a record kind the permission of the table in code that the hand-written holders match', () => {
    for (const [permission, holders] of Object.entries(HOLDERS) as [Permissie, Who[]][]) {
      for (const who of ROLES) expect(heeftPermissie([rol(who)], permission), `${permission} ${who}`).toBe(holders.includes(who) || permission === 'gremium.eigen-tafel' && who === 'voorzitter-overlegtafel');
    }
  });

  it('lets every public API read through for everyone', () => {
    const reads = fx.t.app.permissionTable.filter((r) => r.url.startsWith('/api/v1') && r.method === 'GET');
    expect(reads.length).toBeGreaterThan(10);
    for (const r of reads) expect(r.permission).toBe('publiek');
  });

  const routes = Object.entries(allExpected());
  it('has more than a hundred routes to check', () => expect(routes.length).toBeGreaterThan(100));
  for (const [route, allowed] of routes) {
    const [method, url] = route.split(' ') as [string, string];
    for (const who of EVERYONE) {
      const mayUse = allowed.includes(who);
      it(`${route} as ${who}: ${mayUse ? 'allowed' : 'refused'}`, async () => {
        const target = concrete(url);
        if (url.startsWith('/api/')) {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (who !== 'publiek') headers.authorization = `Bearer ${tokens.get(who)}`;
          const response = await fx.t.app.inject({ method: method as 'PATCH', url: target, headers, payload: '{}' });
          if (mayUse) expect([400, 404, 409], `${route} as ${who}`).toContain(response.statusCode);
          else expect(response.statusCode, `${route} as ${who}`).toBe(who === 'publiek' ? 401 : 403);
          return;
        }
        // Logging out would end the shared session of this role for the tests after it: use a session of its own.
        const browser = route === 'POST /uitloggen' && who !== 'publiek' ? await loginAs(fx.t, users.get(who)!) : browsers.get(who);
        let status: number;
        let location: string | undefined;
        if (method === 'GET') {
          const response = browser ? await browser.get(target) : await fx.t.app.inject({ method: 'GET', url: target });
          status = response.statusCode;
          location = response.headers.location as string | undefined;
        } else {
          const { TestBrowser } = await import('./helpers/session.js');
          const client = browser ?? new TestBrowser(fx.t);
          const csrf = await client.csrf(browser ? '/account' : '/inloggen');
          const response = await client.post(target, { _csrf: csrf });
          status = response.statusCode;
          location = response.headers.location as string | undefined;
        }
        const sentToLogin = status === 303 && (location ?? '').startsWith('/inloggen?terug=');
        if (mayUse) {
          expect(status, `${route} as ${who}`).not.toBe(403);
          expect(status, `${route} as ${who}`).not.toBe(401);
          expect(sentToLogin, `${route} as ${who}`).toBe(false);
        } else if (who === 'publiek') {
          expect(method === 'GET' ? sentToLogin : status === 401, `${route} as ${who}`).toBe(true);
        } else {
          expect(status, `${route} as ${who}`).toBe(403);
        }
      });
    }
  }
});
