/**
 * Accounts belong to one gemeente. A user, a session or an API token of one gemeente finds nothing of another:
 * every record of the other gemeente is a 404, by page and by API, for reading and for writing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherGemeente, createTestApp, type TestApp } from './helpers/app.js';
import { createUser, gemeenteId, rol, TestBrowser, type TestUser } from './helpers/session.js';

let t: TestApp;
const zoetermeer = { host: 'localhost' };
let voorbeeldstad: { host: string };
let zmProcesmanager: TestUser;
let vbProcesmanager: TestUser;
let vbBeheerder: TestUser;
let vbToken: string;
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
  vbProcesmanager = await createUser(t, vb, { email: 'pm@voorbeeldstad.example', naam: 'PM Voorbeeldstad', rollen: [rol('procesmanager')] });
  vbBeheerder = await createUser(t, vb, { email: 'beheer@voorbeeldstad.example', naam: 'Beheer Voorbeeldstad', rollen: [rol('beheerder')] });
  const actor = { gebruikerId: null, naam: null, ip: null };
  vbToken = (await t.app.services.accounts.createToken(vb, vbProcesmanager, 'test', actor)).token;
  zmToken = (await t.app.services.accounts.createToken(zm, zmProcesmanager, 'test', actor)).token;
}, 60_000);
afterAll(() => t?.close());

async function zoetermeerActielijnen() {
  const response = await t.app.inject({ url: '/api/v1/actielijnen', headers: zoetermeer });
  return response.json() as { id: string; versie: number; focusdoelen: { id: string; versie: number }[] }[];
}

describe('a user of gemeente B and the records of gemeente A', () => {
  it('gets 404 for every actielijn and focusdoel of A through the write API', async () => {
    const headers = { ...voorbeeldstad, authorization: `Bearer ${vbToken}`, 'content-type': 'application/json' };
    for (const al of await zoetermeerActielijnen()) {
      const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/actielijnen/${al.id}`, headers, payload: { versie: al.versie, titel: 'x', kernwoord: null, beleidsthema: 'y' } });
      expect(patch.statusCode).toBe(404);
      const post = await t.app.inject({ method: 'POST', url: `/api/v1/actielijnen/${al.id}/focusdoelen`, headers, payload: { tekst: 'x' } });
      expect(post.statusCode).toBe(404);
      for (const fd of al.focusdoelen) {
        for (const method of ['PATCH', 'DELETE'] as const) {
          const response = await t.app.inject({ method, url: `/api/v1/focusdoelen/${fd.id}`, headers, payload: { versie: fd.versie, tekst: 'x' } });
          expect(response.statusCode, `${method} focusdoel`).toBe(404);
        }
      }
    }
  });

  it('gets 404 for the edit pages of every focusdoel of A', async () => {
    const browser = await sessionBrowser(vbProcesmanager);
    for (const al of await zoetermeerActielijnen()) {
      for (const fd of al.focusdoelen) {
        expect((await browser.get(`/focusdoelen/${fd.id}/bewerken`, voorbeeldstad)).statusCode).toBe(404);
      }
    }
    // Actielijn 6 exists in A only; B has two actielijnen.
    expect((await browser.get('/actielijnen/6/bewerken', voorbeeldstad)).statusCode).toBe(404);
  });

  it('gets 404 for every other record of A, by edit page and by PATCH and DELETE', async () => {
    const headers = { ...voorbeeldstad, authorization: `Bearer ${vbToken}`, 'content-type': 'application/json' };
    const browser = await sessionBrowser(vbProcesmanager);
    const list = async (path: string) => (await t.app.inject({ url: `/api/v1${path}`, headers: zoetermeer })).json() as { id: string; versie: number }[];
    const records: Record<string, { id: string; versie: number }[]> = {
      ambities: await list('/ambities'),
      'oab-afspraken': await list('/oab-afspraken'),
      organisaties: await list('/organisaties'),
      personen: await list('/personen'),
      gremia: await list('/gremia'),
    };
    records.lidmaatschappen = (await Promise.all(records.gremia!.map((g) => list(`/gremia/${g.id}/lidmaatschappen`)))).flat();
    let checked = 0;
    for (const [kind, items] of Object.entries(records)) {
      expect(items.length, kind).toBeGreaterThan(0);
      for (const item of items) {
        expect((await browser.get(`/${kind}/${item.id}/bewerken`, voorbeeldstad)).statusCode, `page ${kind}`).toBe(404);
        for (const method of ['PATCH', 'DELETE'] as const) {
          // Indistinguishable from an id that exists nowhere: the same answer (404, or 400 for an incomplete body).
          const response = await t.app.inject({ method, url: `/api/v1/${kind}/${item.id}`, headers, payload: { versie: item.versie } });
          const nowhere = await t.app.inject({ method, url: `/api/v1/${kind}/${randomUUID()}`, headers, payload: { versie: item.versie } });
          expect(response.statusCode, `${method} ${kind}`).toBe(nowhere.statusCode);
          expect([400, 404], `${method} ${kind}`).toContain(response.statusCode);
          if (method === 'DELETE') expect(response.statusCode, `${method} ${kind}`).toBe(404);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // And nothing of A was changed or archived on the way.
    for (const kind of ['ambities', 'oab-afspraken', 'organisaties', 'personen', 'gremia']) {
      expect(await list(`/${kind}`), kind).toEqual(records[kind]);
    }
  });

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
