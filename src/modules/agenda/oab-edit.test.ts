import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { oabJaar } from '../../db/schema.js';
import { decodeHtml } from '../../../test/helpers/app.js';
import { expectFormErrors, expectNoLiveScript, type TestBrowser, useEditors } from '../../../test/helpers/session.js';

const ed = useEditors({ email: 'pm@oab.example', naam: 'Otto Procesmanager', lid: 'platformlid' });
const { api, auditLines } = ed;

async function oab() {
  return (await ed.t.app.services.agenda.get((await ed.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!)).oab;
}

async function categorie(code: string) {
  return (await oab()).categorieen.find((c) => c.code === code)!;
}

async function afspraken(code: string, jaar: number) {
  const cat = await categorie(code);
  return (await oab()).afspraken.filter((a) => a.categorieId === cat.id && a.jaar === jaar).sort((a, b) => a.nummer - b.nummer);
}

async function afspraak(id: string) {
  return (await oab()).afspraken.find((a) => a.id === id);
}

/** Posts an afspraak's edit form as a browser would: every field as loaded, with the given changes on top. */
async function submitAfspraak(browser: TestBrowser, id: string, changes: Record<string, string>) {
  const a = (await afspraak(id))!;
  return browser.submit(`/oab-afspraken/${id}/bewerken`, { categorieId: a.categorieId, jaar: String(a.jaar), nummer: String(a.nummer), tekst: a.tekst, ...changes });
}




describe('a new OAB-afspraak through the form', () => {
  it('takes the next free number by default, shows it on the OAB page and records it in the history', async () => {
    const cat = await categorie('voorkomen-segregatie');
    const before = await afspraken('voorkomen-segregatie', 2025);
    const page = decodeHtml((await ed.pm.get('/oab-afspraken/nieuw')).body);
    expect(page).toContain('value="2025"');
    const response = await ed.pm.submit('/oab-afspraken/nieuw', { categorieId: cat.id, jaar: '2025', nummer: '', tekst: 'Elke school heeft een open inschrijving.' });
    expect(response.statusCode).toBe(303);
    const now = await afspraken('voorkomen-segregatie', 2025);
    const nieuw = now.find((a) => a.tekst === 'Elke school heeft een open inschrijving.')!;
    expect(nieuw).toMatchObject({ nummer: before.length + 1, versie: 1 });
    expect(response.headers.location).toBe(`/oab-afspraken/${nieuw.id}/bewerken?melding=toegevoegd`);
    const publiek = (await ed.t.app.inject({ url: '/oab-afspraken' })).body;
    expect(publiek).toContain(`value="${before.length + 1}">Elke school heeft een open inschrijving.</li>`);
    const [line] = await auditLines(nieuw.id, 'aangemaakt');
    expect(line?.gebruikerNaam).toBe('Otto Procesmanager');
    expect(line?.na).toMatchObject({ categorieId: cat.id, categorie: cat.naam, jaar: 2025, nummer: before.length + 1, tekst: 'Elke school heeft een open inschrijving.' });
    const edit = decodeHtml((await ed.pm.get(response.headers.location as string)).body);
    expect(edit).toContain('De afspraak is toegevoegd.');
    expect(edit).toContain('Otto Procesmanager');
  });

  it('returns errors at each field, a summary linking to them, and keeps what was typed', async () => {
    const response = await ed.pm.submit('/oab-afspraken/nieuw', { categorieId: '', jaar: '1999', nummer: 'twee', tekst: 'Tekst die blijft staan' });
    expectFormErrors(response, ['categorieId', 'jaar', 'nummer'], [
      'Kies een categorie uit de lijst.',
      'Vul een jaar in van 2000 tot en met 2100, zoals 2026.',
      'Vul bij nummer een heel getal in van 1 tot en met 999.',
      'Tekst die blijft staan',
      'value="1999"',
      'value="twee"',
    ]);

    const cat = await categorie('bevorderen-integratie');
    for (const jaar of ['2101', '20x6']) {
      const bad = await ed.pm.submit('/oab-afspraken/nieuw', { categorieId: cat.id, jaar, nummer: '', tekst: 'x' });
      expect(bad.statusCode, jaar).toBe(400);
      expect(decodeHtml(bad.body), jaar).toContain('Vul een jaar in van 2000 tot en met 2100');
    }
    const empty = await ed.pm.submit('/oab-afspraken/nieuw', { categorieId: cat.id, jaar: '2025', nummer: '', tekst: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(decodeHtml(empty.body)).toContain('Vul de tekst van de afspraak in.');
  });

  it('refuses a number that is taken in the category and year, as an error at the number field', async () => {
    const cat = await categorie('voorkomen-segregatie');
    const response = await ed.pm.submit('/oab-afspraken/nieuw', { categorieId: cat.id, jaar: '2025', nummer: '1', tekst: 'Dubbel genummerd' });
    expect(response.statusCode).toBe(400);
    const html = decodeHtml(response.body);
    expect(html).toContain('href="#veld-nummer"');
    expect(html).toContain('Nummer 1 is in 2025 al gebruikt in deze categorie.');
    expect(html).toContain('Dubbel genummerd');
    // The same number in another year is free.
    const other = await ed.pm.submit('/oab-afspraken/nieuw', { categorieId: cat.id, jaar: '2026', nummer: '1', tekst: 'Eerste afspraak van 2026' });
    expect(other.statusCode).toBe(303);
    expect((await afspraken('voorkomen-segregatie', 2026)).map((a) => a.nummer)).toEqual([1]);
  });
});

describe('changing an OAB-afspraak through the form', () => {
  it('saves, shows the change on the OAB page and records before and after', async () => {
    const [first] = await afspraken('bevorderen-integratie', 2025);
    const response = await submitAfspraak(ed.pm, first!.id, { tekst: 'Herziene tekst van de afspraak.' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/oab-afspraken/${first!.id}/bewerken?melding=opgeslagen`);
    expect(await afspraak(first!.id)).toMatchObject({ tekst: 'Herziene tekst van de afspraak.', versie: first!.versie + 1 });
    expect(decodeHtml((await ed.t.app.inject({ url: '/oab-afspraken' })).body)).toContain('Herziene tekst van de afspraak.');
    const [line] = await auditLines(first!.id, 'gewijzigd');
    expect(line?.voor).toMatchObject({ tekst: first!.tekst, versie: first!.versie });
    expect(line?.na).toMatchObject({ tekst: 'Herziene tekst van de afspraak.', versie: first!.versie + 1 });
  });

  it('refuses a clashing number when moving an afspraak, and keeps the input', async () => {
    const [first, second] = await afspraken('voorkomen-segregatie', 2025);
    const response = await submitAfspraak(ed.pm, second!.id, { nummer: String(first!.nummer), tekst: 'Verplaatst' });
    expect(response.statusCode).toBe(400);
    expect(decodeHtml(response.body)).toContain(`Nummer ${first!.nummer} is in 2025 al gebruikt`);
    expect(decodeHtml(response.body)).toContain('Verplaatst');
    expect((await afspraak(second!.id))?.nummer).toBe(second!.nummer);
  });

  it('escapes a script typed into every text field, on the OAB page and in the forms', async () => {
    const [target] = await afspraken('voorkomen-segregatie', 2025);
    expect((await submitAfspraak(ed.pm, target!.id, { tekst: '<script>alert(1)</script> afspraak' })).statusCode).toBe(303);
    const jaar = await ed.pm.submit('/oab-afspraken/jaren/2025/bewerken', { toelichting: '<script>alert(2)</script> toelichting' });
    expect(jaar.statusCode).toBe(303);
    for (const browser of [undefined, ed.pm]) {
      const body = browser ? (await browser.get('/oab-afspraken')).body : (await ed.t.app.inject({ url: '/oab-afspraken' })).body;
      expectNoLiveScript(body, '/oab-afspraken');
      expect(body).toContain('&lt;script>alert(1)&lt;/script> afspraak');
      expect(body).toContain('&lt;script>alert(2)&lt;/script> toelichting');
    }
    for (const url of [`/oab-afspraken/${target!.id}/bewerken`, `/oab-afspraken/${target!.id}/archiveren`, '/oab-afspraken/jaren/2025/bewerken']) {
      const body = (await ed.pm.get(url)).body;
      expect(body, url).toContain('&lt;script>');
      expectNoLiveScript(body, url);
    }
    // Numbers cannot hold it; the refused input comes back escaped.
    const numbers = await submitAfspraak(ed.pm, target!.id, { jaar: '<script>alert(3)</script>', nummer: '<script>alert(4)</script>' });
    expect(numbers.statusCode).toBe(400);
    expectNoLiveScript(numbers.body, 'numbers');
    expect(decodeHtml(numbers.body)).toContain('value="<script>alert(4)</script>"');
  });

  it('shows editors, and only editors, the links to add and change afspraken and the toelichting', async () => {
    const [target] = await afspraken('bevorderen-integratie', 2025);
    const editor = (await ed.pm.get('/oab-afspraken')).body;
    expect(editor).toContain('href="/oab-afspraken/nieuw"');
    expect(editor).toContain(`href="/oab-afspraken/${target!.id}/bewerken"`);
    expect(editor).toContain('href="/oab-afspraken/jaren/2025/bewerken"');
    const publiek = (await ed.t.app.inject({ url: '/oab-afspraken' })).body;
    expect(publiek).not.toContain('/bewerken');
    expect(publiek).not.toContain('/oab-afspraken/nieuw');
  });
});

describe('archiving an OAB-afspraak', () => {
  it('takes it off the OAB page, keeps its number taken and records it', async () => {
    const list = await afspraken('bevorderen-integratie', 2025);
    const target = list.at(-1)!;
    expect((await ed.pm.get(`/oab-afspraken/${target.id}/archiveren`)).statusCode).toBe(200);
    const response = await ed.pm.submit(`/oab-afspraken/${target.id}/archiveren`, {}, `/oab-afspraken/${target.id}/archiveren`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/oab-afspraken?melding=afspraak-gearchiveerd');
    expect(await afspraak(target.id)).toBeUndefined();
    expect(decodeHtml((await ed.t.app.inject({ url: '/oab-afspraken' })).body)).not.toContain(target.tekst);
    expect(decodeHtml((await ed.pm.get('/oab-afspraken?melding=afspraak-gearchiveerd')).body)).toContain('De afspraak is gearchiveerd.');
    const [line] = await auditLines(target.id, 'gearchiveerd');
    expect(line?.voor).toMatchObject({ tekst: target.tekst, nummer: target.nummer, versie: target.versie });
    expect(line?.na).toMatchObject({ versie: target.versie + 1 });

    const cat = await categorie('bevorderen-integratie');
    const reuse = await ed.pm.submit('/oab-afspraken/nieuw', { categorieId: cat.id, jaar: '2025', nummer: String(target.nummer), tekst: 'Hergebruik' });
    expect(reuse.statusCode).toBe(400);
    expect(decodeHtml(reuse.body)).toContain('Ook gearchiveerde afspraken tellen mee.');
    const next = await api('POST', '/api/v1/oab-afspraken', { categorieId: cat.id, jaar: 2025, tekst: 'Na de gearchiveerde' });
    expect(next.statusCode).toBe(201);
    expect(next.json().nummer).toBe(target.nummer + 1);
  });

  it('refuses to archive on a stale version and shows the newest text', async () => {
    const [target] = await afspraken('voorkomen-segregatie', 2026);
    const page = await ed.pm2.get(`/oab-afspraken/${target!.id}/archiveren`);
    const staleVersie = /name="versie" value="(\d+)"/.exec(page.body)![1]!;
    expect((await submitAfspraak(ed.pm, target!.id, { tekst: 'Nieuwste tekst' })).statusCode).toBe(303);
    const response = await ed.pm2.post(`/oab-afspraken/${target!.id}/archiveren`, { _csrf: await ed.pm2.csrf('/account'), versie: staleVersie });
    expect(response.statusCode).toBe(409);
    const html = decodeHtml(response.body);
    expect(html).toContain('href="#veld-archiveren"');
    expect(html).toContain('Iemand anders heeft deze afspraak intussen gewijzigd.');
    expect(html).toContain('Nieuwste tekst');
    expect(await afspraak(target!.id)).toBeDefined();
  });
});

describe('the toelichting of a year', () => {
  it('changes the toelichting of a year, with its history and a refusal of a stale version', async () => {
    const current = (await oab()).jaren.find((j) => j.jaar === 2025)!;
    const formB = await ed.pm2.get('/oab-afspraken/jaren/2025/bewerken');
    expect(formB.statusCode).toBe(200);
    expect(decodeHtml(formB.body)).toContain(current.toelichting ?? '');
    const response = await ed.pm.submit('/oab-afspraken/jaren/2025/bewerken', { toelichting: 'Nieuwe toelichting voor 2025.' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/oab-afspraken/jaren/2025/bewerken?melding=opgeslagen');
    expect(decodeHtml((await ed.t.app.inject({ url: '/oab-afspraken' })).body)).toContain('Nieuwe toelichting voor 2025.');
    const [row] = await ed.t.database.db.select().from(oabJaar).where(and(eq(oabJaar.gemeenteId, ed.gid), eq(oabJaar.jaar, 2025)));
    const lines = await auditLines(row!.id, 'gewijzigd');
    expect(lines.at(-1)?.na).toMatchObject({ toelichting: 'Nieuwe toelichting voor 2025.', versie: row!.versie });
    expect(decodeHtml((await ed.pm.get(response.headers.location as string)).body)).toContain('Otto Procesmanager');

    const staleVersie = /name="versie" value="(\d+)"/.exec(formB.body)![1]!;
    const stale = await ed.pm2.post('/oab-afspraken/jaren/2025/bewerken', { _csrf: await ed.pm2.csrf('/account'), versie: staleVersie, toelichting: 'Toelichting van B' });
    expect(stale.statusCode).toBe(409);
    const html = decodeHtml(stale.body);
    expect(html).toContain('Iemand anders heeft dit intussen gewijzigd');
    expect(html).toContain('Nieuwe toelichting voor 2025.');
    expect(html).toContain('Toelichting van B');
  });

  it('starts the toelichting of a year that only has afspraken, and knows no year without any', async () => {
    // 2026 got its first afspraak above, but no row of its own.
    const page = await ed.pm.get('/oab-afspraken/jaren/2026/bewerken');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="versie" value="0"');
    const saved = await ed.pm.submit('/oab-afspraken/jaren/2026/bewerken', { toelichting: 'Het eerste jaar met open inschrijving.' });
    expect(saved.statusCode).toBe(303);
    expect((await oab()).jaren.find((j) => j.jaar === 2026)?.toelichting).toBe('Het eerste jaar met open inschrijving.');
    const [row] = await ed.t.database.db.select().from(oabJaar).where(and(eq(oabJaar.gemeenteId, ed.gid), eq(oabJaar.jaar, 2026)));
    expect((await auditLines(row!.id, 'aangemaakt'))[0]?.na).toMatchObject({ toelichting: 'Het eerste jaar met open inschrijving.', versie: 1 });
    for (const jaar of ['2031', '1999', 'twintig']) expect((await ed.pm.get(`/oab-afspraken/jaren/${jaar}/bewerken`)).statusCode, jaar).toBe(404);
  });
});

describe('the OAB write API', () => {
  it('creates, changes and archives an afspraak with versions, and refuses a stale version (409)', async () => {
    const cat = await categorie('bevorderen-integratie');
    const created = await api('POST', '/api/v1/oab-afspraken', { categorieId: cat.id, jaar: 2027, tekst: 'Via de API' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ jaar: 2027, nummer: 1, tekst: 'Via de API', versie: 1, categorie: { id: cat.id, code: cat.code } });
    expect(created.headers.location).toBe(`/api/v1/oab-afspraken/${body.id}`);
    expect((await ed.t.app.inject({ url: `/api/v1/oab-afspraken/${body.id}` })).json()).toEqual(body);

    const changed = await api('PATCH', `/api/v1/oab-afspraken/${body.id}`, { versie: 1, categorieId: cat.id, jaar: 2027, nummer: 5, tekst: 'Gewijzigd' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ nummer: 5, tekst: 'Gewijzigd', versie: 2 });
    const stale = await api('PATCH', `/api/v1/oab-afspraken/${body.id}`, { versie: 1, categorieId: cat.id, jaar: 2027, nummer: 5, tekst: 'Oud' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const [line] = await auditLines(body.id, 'gewijzigd');
    expect(line?.voor).toMatchObject({ nummer: 1, tekst: 'Via de API' });
    expect(line?.na).toMatchObject({ nummer: 5, tekst: 'Gewijzigd' });

    expect((await api('DELETE', `/api/v1/oab-afspraken/${body.id}`, { versie: 1 })).statusCode).toBe(409);
    expect((await api('DELETE', `/api/v1/oab-afspraken/${body.id}`, { versie: 2 })).statusCode).toBe(204);
    expect((await ed.t.app.inject({ url: `/api/v1/oab-afspraken/${body.id}` })).statusCode).toBe(404);
  });

  it('answers clashes and invalid input with 400 at the field, never a server error', async () => {
    const cat = await categorie('voorkomen-segregatie');
    const clash = await api('POST', '/api/v1/oab-afspraken', { categorieId: cat.id, jaar: 2025, nummer: 1, tekst: 'Dubbel' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().invalidParams).toEqual([{ name: 'body.nummer', reason: 'Nummer 1 is in 2025 al gebruikt in deze categorie. Ook gearchiveerde afspraken tellen mee. Kies een ander nummer.' }]);
    const jaar = await api('POST', '/api/v1/oab-afspraken', { categorieId: cat.id, jaar: 2101, tekst: 'Te laat' });
    expect(jaar.statusCode).toBe(400);
    expect(jaar.json().invalidParams[0].name).toBe('body.jaar');
    const unknown = await api('POST', '/api/v1/oab-afspraken', { categorieId: '7a1c3a52-1f5e-4c7e-9a53-2d7f0f6c1b11', jaar: 2025, tekst: 'Nergens' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams).toEqual([{ name: 'body.categorieId', reason: 'Kies een categorie uit de lijst.' }]);
    const [first] = await afspraken('voorkomen-segregatie', 2025);
    const moved = await api('PATCH', `/api/v1/oab-afspraken/${first!.id}`, { versie: first!.versie, categorieId: cat.id, jaar: 2026, nummer: 1, tekst: first!.tekst });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().invalidParams[0].name).toBe('body.nummer');
  });

  it('gives the version of every afspraak in the read API, and refuses the public (401) and a role that may not (403)', async () => {
    const list = (await ed.t.app.inject({ url: '/api/v1/oab-afspraken' })).json() as { versie: number }[];
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) expect(item.versie).toBeGreaterThanOrEqual(1);
    const [first] = await afspraken('voorkomen-segregatie', 2025);
    expect((await ed.t.app.inject({ method: 'DELETE', url: `/api/v1/oab-afspraken/${first!.id}`, payload: {} })).statusCode).toBe(401);
    expect((await api('DELETE', `/api/v1/oab-afspraken/${first!.id}`, { versie: first!.versie }, ed.lidToken)).statusCode).toBe(403);
    expect(await afspraak(first!.id)).toBeDefined();
  });

  it('documents the operations in the OpenAPI document', async () => {
    const doc = (await ed.t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/oab-afspraken'].post.security).toEqual([{ apiToken: [] }]);
    expect(Object.keys(doc.paths['/oab-afspraken/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.paths['/oab-afspraken'].post.requestBody.content['application/json'].schema.properties.jaar).toMatchObject({ minimum: 2000, maximum: 2100 });
    expect(doc.components.schemas.OabAfspraak.required).toContain('versie');
  });
});
