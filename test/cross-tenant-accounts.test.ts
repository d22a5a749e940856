/**
 * Accounts belong to one gemeente. A user, a session or an API token of one gemeente finds nothing of another; the
 * records of every kind are covered by test/record-kinds.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherGemeente, createTestApp, type TestApp } from './helpers/app.js';
import { createUser, gemeenteId, rol, TestBrowser, type TestUser } from './helpers/session.js';

let t: TestApp;
let voorbeeldstad: { host: string };
let zmProcesmanager: TestUser;
let vbBeheerder: TestUser;
let zmToken: string;

async function sessionBrowser(user: TestUser): Promise<TestBrowser> {
  const browser = new TestBrowser(t);
  browser.cookies.set('lea_sessie', await t.app.services.sessions.create(user.gemeenteId, user.id, true, null));
  return browser;
}

beforeAll(async () => {
  t = await createTestApp({ DEFAULT_GEMEENTE: 'zoetermeer' });
  voorbeeldstad = await addOtherGemeente(t);
  const zm = await gemeenteId(t, 'zoetermeer');
  const vb = await gemeenteId(t, 'voorbeeldstad');
  zmProcesmanager = await createUser(t, zm, { email: 'pm@zoetermeer.example', naam: 'PM Zoetermeer', rollen: [rol('procesmanager')] });
  await createUser(t, vb, { email: 'pm@voorbeeldstad.example', naam: 'PM Voorbeeldstad', rollen: [rol('procesmanager')] });
  vbBeheerder = await createUser(t, vb, { email: 'beheer@voorbeeldstad.example', naam: 'Beheer Voorbeeldstad', rollen: [rol('beheerder')] });
  const actor = { gebruikerId: null, naam: null, ip: null };
  zmToken = (await t.app.services.accounts.createToken(zm, zmProcesmanager, 'test', actor)).token;
}, 60_000);
afterAll(() => t?.close());

describe('a user of gemeente B and the accounts of gemeente A', () => {
  // Every record kind of A out of reach for B, by page and by API: test/record-kinds.test.ts, for each declared kind.
  it("does not see A's users, audit lines or accounts as beheerder of B", async () => {
    const browser = await sessionBrowser(vbBeheerder);
    const list = await browser.get('/beheer/gebruikers', voorbeeldstad);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('PM Voorbeeldstad');
    expect(list.body).not.toContain('PM Zoetermeer');
    expect((await browser.get(`/beheer/gebruikers/${zmProcesmanager.id}`, voorbeeldstad)).statusCode).toBe(404);
    const audit = await browser.get('/beheer/audit', voorbeeldstad);
    expect(audit.body).not.toContain('PM Zoetermeer');
  });

  it("cannot use A's token, session or password on B's host", async () => {
    const [theirs] = (await t.app.inject({ url: '/api/v1/actielijnen', headers: voorbeeldstad })).json() as { id: string; versie: number }[];
    const token = await t.app.inject({
      url: `/api/v1/actielijnen/${theirs!.id}`,
      method: 'PATCH',
      headers: { ...voorbeeldstad, authorization: `Bearer ${zmToken}`, 'content-type': 'application/json' },
      payload: { versie: theirs!.versie, titel: 'x', kernwoord: null, beleidsthema: 'y' },
    });
    expect(token.statusCode).toBe(401);
    const session = await sessionBrowser(zmProcesmanager);
    const page = await session.get('/account', voorbeeldstad);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/inloggen?terug=%2Faccount');
    const login = await new TestBrowser(t).post('/inloggen', { email: zmProcesmanager.email, wachtwoord: zmProcesmanager.wachtwoord }, voorbeeldstad);
    // Without a CSRF token it is refused anyway; with one, the account does not exist in B.
    expect(login.statusCode).toBe(403);
    const browser = new TestBrowser(t);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/inloggen', voorbeeldstad)).body)![1]!;
    const attempt = await browser.post('/inloggen', { _csrf: csrf, email: zmProcesmanager.email, wachtwoord: zmProcesmanager.wachtwoord }, voorbeeldstad);
    expect(attempt.statusCode).toBe(400);
    expect(browser.cookie('lea_sessie')).toBeUndefined();
  });
});
