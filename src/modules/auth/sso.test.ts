import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gebruiker } from '../../db/schema.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { loginAtTestProvider, startTestOidcProvider, type TestOidcProvider } from '../../../test/helpers/oidc-provider.js';
import { createUser, gemeenteId, rol, TestBrowser } from '../../../test/helpers/session.js';

const REDIRECT = 'http://localhost:3000/inloggen/sso/callback';
let provider: TestOidcProvider;
let t: TestApp;
let gid: string;

beforeAll(async () => {
  provider = await startTestOidcProvider({
    clientId: 'lea',
    clientSecret: 'geheim-voor-de-test-0123456789',
    redirectUris: [REDIRECT],
    users: [
      { sub: 'sub-nieuw', email: 'nieuw@idp.example', email_verified: true, name: 'Nina Nieuw' },
      { sub: 'sub-bestaand', email: 'Bestaand@idp.example', email_verified: true, name: 'Bert Bestaand' },
      { sub: 'sub-geblokkeerd', email: 'blok@idp.example', email_verified: true, name: 'Geblokkeerd' },
      { sub: 'sub-pm', email: 'pm@idp.example', email_verified: true, name: 'Paula PM' },
    ],
  });
  t = await createTestApp({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'lea',
    OIDC_CLIENT_SECRET: 'geheim-voor-de-test-0123456789',
    OIDC_REDIRECT_URI: REDIRECT,
    OIDC_ALLOW_HTTP: 'true',
    OIDC_LABEL: 'Inloggen met het gemeenteaccount',
  });
  gid = await gemeenteId(t);
  await createUser(t, gid, { email: 'bestaand@idp.example', naam: 'Bert Bestaand', rollen: [rol('stuurgroeplid')] });
  await createUser(t, gid, { email: 'blok@idp.example', naam: 'Geblokkeerd', rollen: [rol('platformlid')], status: 'geblokkeerd' });
  await createUser(t, gid, { email: 'pm@idp.example', naam: 'Paula PM', rollen: [rol('procesmanager')] });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** Starts at our /inloggen/sso, logs in at the real provider, and comes back to our callback in the same browser. */
async function ssoLogin(browser: TestBrowser, email: string, terug = '/') {
  const start = await browser.get(`/inloggen/sso?terug=${encodeURIComponent(terug)}`);
  expect(start.statusCode).toBe(303);
  const callback = await loginAtTestProvider(String(start.headers.location), email);
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
  return browser.get(`${callback.pathname}${callback.search}`);
}

describe('single sign-on with OpenID Connect', () => {
  it('offers the button on the login page', async () => {
    const page = await t.app.inject({ url: '/inloggen' });
    expect(page.body).toContain('Inloggen met het gemeenteaccount');
    expect(page.body).toContain('href="/inloggen/sso?terug=%2F"');
  });

  it('provisions an unknown user by e-mail, without roles, and logs them in', async () => {
    const browser = new TestBrowser(t);
    const done = await ssoLogin(browser, 'nieuw@idp.example', '/account');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account');
    const account = await browser.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Nina Nieuw');
    expect(account.body).toContain('Geen rollen');
    const [row] = await t.database.db.select().from(gebruiker).where(eq(gebruiker.email, 'nieuw@idp.example'));
    expect(row?.oidcSubject).toBe('sub-nieuw');
  });

  it('matches an existing user by e-mail (case-insensitively), links the subject and keeps their roles', async () => {
    const browser = new TestBrowser(t);
    const done = await ssoLogin(browser, 'Bestaand@idp.example');
    expect(done.statusCode).toBe(303);
    const account = await browser.get('/account');
    expect(account.body).toContain('Stuurgroeplid');
    const [row] = await t.database.db.select().from(gebruiker).where(eq(gebruiker.email, 'bestaand@idp.example'));
    expect(row?.oidcSubject).toBe('sub-bestaand');
  });

  it('still asks a procesmanager to set up the second factor', async () => {
    const browser = new TestBrowser(t);
    const done = await ssoLogin(browser, 'pm@idp.example');
    expect(done.headers.location).toBe('/account/tweestapsverificatie?terug=%2F');
    expect((await browser.get('/account')).statusCode).toBe(303);
  });

  it('refuses a blocked account', async () => {
    const done = await ssoLogin(new TestBrowser(t), 'blok@idp.example');
    expect(done.statusCode).toBe(403);
    expect(done.body).toContain('geblokkeerd');
  });

  it('refuses a callback in a browser that did not start the login (login CSRF), and a replayed callback', async () => {
    const starter = new TestBrowser(t);
    const start = await starter.get('/inloggen/sso');
    const callback = await loginAtTestProvider(String(start.headers.location), 'nieuw@idp.example');
    const victim = new TestBrowser(t);
    const stolen = await victim.get(`${callback.pathname}${callback.search}`);
    expect(stolen.statusCode).toBe(400);
    expect(victim.cookie('lea_sessie')).toBeUndefined();
    const first = await starter.get(`${callback.pathname}${callback.search}`);
    expect(first.statusCode).toBe(303);
    const again = await starter.get(`${callback.pathname}${callback.search}`);
    expect(again.statusCode).toBe(400);
  });

  it('is absent (404) when no provider is configured', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.app.inject({ url: '/inloggen/sso' })).statusCode).toBe(404);
      expect((await plain.app.inject({ url: '/inloggen' })).body).not.toContain('/inloggen/sso');
    } finally {
      await plain.close();
    }
  });
});
