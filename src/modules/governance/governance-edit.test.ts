import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { gremium, lidmaatschap, organisatie, persoon } from '../../db/schema.js';
import { decodeHtml, useSeededApp } from '../../../test/helpers/app.js';
import { auditLinesOf, createUser, expectArchiveRefused, expectFormErrors, expectNoLiveScript, gemeenteId, loginAs, rol, TestBrowser, type TestUser } from '../../../test/helpers/session.js';
import type { Governance } from './governance.service.js';

const fx = useSeededApp();
let gid: string;
let procesmanager: TestUser;
let pm: TestBrowser;
let lidBrowser: TestBrowser;
let voorzitterBrowser: TestBrowser;
let token: string;
let lidToken: string;
let voorzitterToken: string;
/** The tafel the voorzitter chairs, and another one. */
let tafel: { id: string; naam: string };
let andereTafel: { id: string; naam: string };

beforeAll(async () => {
  gid = await gemeenteId(fx.t);
  const governance = await gov();
  const tafels = governance.gremia.filter((g) => g.type === 'overlegtafel');
  tafel = tafels[0]!;
  andereTafel = tafels[1]!;
  procesmanager = await createUser(fx.t, gid, { email: 'pm@gov.example', naam: 'Petra Procesmanager', rollen: [rol('procesmanager')], totp: true });
  const lid = await createUser(fx.t, gid, { email: 'lid@gov.example', naam: 'Lid', rollen: [rol('stuurgroeplid')] });
  const voorzitter = await createUser(fx.t, gid, {
    email: 'voorzitter@gov.example',
    naam: 'Vera Voorzitter',
    rollen: [{ rol: 'voorzitter-overlegtafel', gremiumId: tafel.id }],
  });
  pm = await loginAs(fx.t, procesmanager);
  lidBrowser = await loginAs(fx.t, lid);
  voorzitterBrowser = await loginAs(fx.t, voorzitter);
  const actor = (user: TestUser) => ({ gebruikerId: user.id, naam: user.naam, ip: null });
  token = (await fx.t.app.services.accounts.createToken(gid, procesmanager, 'test', actor(procesmanager))).token;
  lidToken = (await fx.t.app.services.accounts.createToken(gid, lid, 'test', actor(lid))).token;
  voorzitterToken = (await fx.t.app.services.accounts.createToken(gid, voorzitter, 'test', actor(voorzitter))).token;
}, 60_000);

async function gov(): Promise<Governance> {
  const gemeente = (await fx.t.app.services.gemeenten.list()).find((g) => g.slug === 'zoetermeer')!;
  return fx.t.app.services.governance.get(gemeente);
}

function api(method: 'PATCH' | 'POST' | 'DELETE', url: string, body: unknown, bearer = token) {
  return fx.t.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
}

const publicPage = async (url: string) => (await fx.t.app.inject({ url })).body;
const idFrom = (location: unknown, kind: string) => new RegExp(`^/${kind}/([0-9a-f-]{36})/bewerken\\?melding=opgeslagen$`).exec(String(location))?.[1];
const auditLines = (objectId: string, actie: string) => auditLinesOf(fx.t, objectId, actie);

describe('organisaties', () => {
  it('creates one through the form with a code made from the name (-2 on a clash), edits and archives it, each step in the audit log', async () => {
    const created = await pm.submit('/organisaties/nieuw', { naam: 'Stichting Één & Ander', sectoren: ['po', 'vo'] });
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location, 'organisaties')!;
    expect(id).toBeDefined();
    const [row] = await fx.t.database.db.select().from(organisatie).where(eq(organisatie.id, id));
    expect(row).toMatchObject({ code: 'stichting-een-en-ander', naam: 'Stichting Één & Ander', sectoren: ['po', 'vo'], versie: 1 });
    const twin = await pm.submit('/organisaties/nieuw', { naam: 'Stichting Een en Ander', sectoren: [] });
    const [twinRow] = await fx.t.database.db.select().from(organisatie).where(eq(organisatie.id, idFrom(twin.headers.location, 'organisaties')!));
    expect(twinRow!.code).toBe('stichting-een-en-ander-2');
    const [aangemaakt] = await auditLines(id, 'aangemaakt');
    expect(aangemaakt?.na).toMatchObject({ naam: 'Stichting Één & Ander', code: 'stichting-een-en-ander' });

    const edited = await pm.submit(`/organisaties/${id}/bewerken`, { naam: 'Stichting Eén en Ander', sectoren: 'kinderopvang' });
    expect(edited.statusCode).toBe(303);
    expect(edited.headers.location).toBe(`/organisaties/${id}/bewerken?melding=opgeslagen`);
    const [gewijzigd] = await auditLines(id, 'gewijzigd');
    expect(gewijzigd?.gebruikerNaam).toBe('Petra Procesmanager');
    expect(gewijzigd?.voor).toMatchObject({ naam: 'Stichting Één & Ander', sectoren: ['po', 'vo'], versie: 1 });
    expect(gewijzigd?.na).toMatchObject({ naam: 'Stichting Eén en Ander', sectoren: ['kinderopvang'], versie: 2 });
    const page = decodeHtml((await pm.get(`/organisaties/${id}/bewerken?melding=opgeslagen`)).body);
    expect(page).toContain('De wijzigingen zijn opgeslagen.');
    expect(page).toContain('id="historie"');
    expect(page).toContain('Petra Procesmanager');
    expect((await fx.t.app.inject({ url: `/api/v1/organisaties/${id}` })).json()).toMatchObject({ naam: 'Stichting Eén en Ander', versie: 2 });

    const archived = await pm.submit(`/organisaties/${id}/bewerken`, {}, `/organisaties/${id}/archiveren`);
    expect(archived.statusCode).toBe(303);
    expect(archived.headers.location).toBe('/governance/bewerken?melding=gearchiveerd');
    expect((await fx.t.app.inject({ url: `/api/v1/organisaties/${id}` })).statusCode).toBe(404);
    expect((await pm.get(`/organisaties/${id}/bewerken`)).statusCode).toBe(404);
    const [gearchiveerd] = await auditLines(id, 'gearchiveerd');
    expect(gearchiveerd?.voor).toMatchObject({ naam: 'Stichting Eén en Ander' });
    expect((gearchiveerd?.na as { gearchiveerdOp: string }).gearchiveerdOp).toBeTruthy();
    expect(decodeHtml((await pm.get('/governance/bewerken?melding=gearchiveerd')).body)).toContain('Het gegeven is gearchiveerd.');
  });

  it('returns an empty name with the error at the field, a summary linking to it, and the choices kept', async () => {
    const response = await pm.submit('/organisaties/nieuw', { naam: '   ', sectoren: ['mbo'] });
    expect(response.statusCode).toBe(400);
    const html = decodeHtml(response.body);
    expect(html).toMatch(/<title>Fout: /);
    expect(html).toContain('href="#veld-naam"');
    expect(html).toContain('Vul de naam van de organisatie in.');
    expect(html).toMatch(/value="mbo" checked/);
  });

  it('refuses to archive an organisatie that members still represent (409, in Dutch), by form and by API', async () => {
    const governance = await gov();
    const used = governance.organisaties.find((o) => governance.lidmaatschappen.some((l) => l.namens.some((n) => n.organisatieId === o.id)))!;
    const form = await pm.submit(`/organisaties/${used.id}/bewerken`, {}, `/organisaties/${used.id}/archiveren`);
    const response = await api('DELETE', `/api/v1/organisaties/${used.id}`, { versie: used.versie });
    expectArchiveRefused(form, response, 'U kunt deze organisatie nog niet archiveren.');
    expect((await gov()).organisaties.some((o) => o.id === used.id)).toBe(true);
  });

  it('creates, changes and archives through the API, refusing a stale version, bad input, no token and a role that may not', async () => {
    const created = await api('POST', '/api/v1/organisaties', { naam: 'Bibliotheek Via de API', sectoren: ['overig'] });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ code: 'bibliotheek-via-de-api', naam: 'Bibliotheek Via de API', sectoren: ['overig'], versie: 1 });
    expect(created.headers.location).toBe(`/api/v1/organisaties/${body.id}`);
    const patched = await api('PATCH', `/api/v1/organisaties/${body.id}`, { versie: 1, naam: 'Bibliotheek Zoetermeer' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ naam: 'Bibliotheek Zoetermeer', sectoren: ['overig'], versie: 2 });
    const stale = await api('PATCH', `/api/v1/organisaties/${body.id}`, { versie: 1, naam: 'Oud' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const invalid = await api('POST', '/api/v1/organisaties', { naam: ' ', sectoren: ['onzin'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['body.naam', 'body.sectoren.0']));
    expect((await fx.t.app.inject({ method: 'POST', url: '/api/v1/organisaties', payload: {} })).statusCode).toBe(401);
    expect((await api('POST', '/api/v1/organisaties', { naam: 'x' }, lidToken)).statusCode).toBe(403);
    expect((await api('DELETE', `/api/v1/organisaties/${body.id}`, { versie: 1 })).statusCode).toBe(409);
    expect((await api('DELETE', `/api/v1/organisaties/${body.id}`, { versie: 2 })).statusCode).toBe(204);
    expect((await fx.t.app.inject({ url: `/api/v1/organisaties/${body.id}` })).statusCode).toBe(404);
    expect((await auditLines(body.id, 'gearchiveerd')).length).toBe(1);
  });
});

describe('personen', () => {
  it('creates one through the form, edits and archives it, with voor and na in the audit log', async () => {
    const org = (await gov()).organisaties[0]!;
    const created = await pm.submit('/personen/nieuw', { naam: 'Jan de Vries', functie: 'Directeur', email: 'jan@voorbeeld.nl', organisatieId: org.id });
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location, 'personen')!;
    const [row] = await fx.t.database.db.select().from(persoon).where(eq(persoon.id, id));
    expect(row).toMatchObject({ code: 'jan-de-vries', functie: 'Directeur', email: 'jan@voorbeeld.nl', organisatieId: org.id });

    const edited = await pm.submit(`/personen/${id}/bewerken`, { naam: 'Jan de Vries', functie: '', email: 'j.devries@voorbeeld.nl', organisatieId: '' });
    expect(edited.statusCode).toBe(303);
    const [gewijzigd] = await auditLines(id, 'gewijzigd');
    expect(gewijzigd?.voor).toMatchObject({ functie: 'Directeur', email: 'jan@voorbeeld.nl', organisatieId: org.id, versie: 1 });
    expect(gewijzigd?.na).toMatchObject({ functie: null, email: 'j.devries@voorbeeld.nl', organisatieId: null, versie: 2 });

    const archived = await pm.submit(`/personen/${id}/bewerken`, {}, `/personen/${id}/archiveren`);
    expect(archived.statusCode).toBe(303);
    expect((await fx.t.app.inject({ url: `/api/v1/personen/${id}` })).statusCode).toBe(404);
    expect((await auditLines(id, 'gearchiveerd'))[0]?.voor).toMatchObject({ naam: 'Jan de Vries' });
  });

  it('shows an invalid e-mail address and an unknown organisatie at their fields, keeping the input', async () => {
    const response = await pm.submit('/personen/nieuw', { naam: 'Els Fout', functie: 'Adviseur', email: 'els@', organisatieId: 'geen-id' });
    expectFormErrors(response, ['email', 'organisatieId'], ['Vul een geldig e-mailadres in', 'value="Els Fout"', 'value="Adviseur"', 'value="els@"']);
    // Well-formed, but no such organisatie: the service says so at the same field.
    const unknown = await pm.submit('/personen/nieuw', { naam: 'Els Fout', functie: '', email: '', organisatieId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(decodeHtml(unknown.body)).toContain('Kies een organisatie uit de lijst.');
    const viaApi = await api('POST', '/api/v1/personen', { naam: 'Els Fout', organisatieId: '00000000-0000-4000-8000-000000000000' });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().invalidParams).toEqual([{ name: 'body.organisatieId', reason: 'Kies een organisatie uit de lijst.' }]);
  });

  it('refuses to archive someone who is still a member (409, in Dutch), by form and by API', async () => {
    const governance = await gov();
    const lid = governance.personen.find((p) => governance.lidmaatschappen.some((l) => l.persoonId === p.id))!;
    const archive = await pm.submit(`/personen/${lid.id}/bewerken`, {}, `/personen/${lid.id}/archiveren`);
    const response = await api('DELETE', `/api/v1/personen/${lid.id}`, { versie: lid.versie });
    expectArchiveRefused(archive, response, 'U kunt deze persoon nog niet archiveren.', 'De persoon zit nog in een overleg (aantal: 1).');
  });

  it('creates, changes and archives through the API, with the e-mail address only in the answers to the editor', async () => {
    const created = await api('POST', '/api/v1/personen', { naam: 'Api Persoon', email: 'api@voorbeeld.nl' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ code: 'api-persoon', email: 'api@voorbeeld.nl', functie: null, organisatieId: null, versie: 1 });
    const patched = await api('PATCH', `/api/v1/personen/${body.id}`, { versie: 1, functie: 'Beleidsadviseur', email: null });
    expect(patched.json()).toMatchObject({ naam: 'Api Persoon', functie: 'Beleidsadviseur', email: null, versie: 2 });
    expect((await api('PATCH', `/api/v1/personen/${body.id}`, { versie: 1, naam: 'x' })).statusCode).toBe(409);
    expect((await api('PATCH', `/api/v1/personen/${body.id}`, { versie: 2, email: 'geen-adres' })).json().invalidParams[0].name).toBe('body.email');
    expect((await api('DELETE', `/api/v1/personen/${body.id}`, { versie: 2 })).statusCode).toBe(204);
  });
});

describe('e-mail addresses of personen', () => {
  it('are shown to logged-in users only: never on the public page or in the public API', async () => {
    const stuurgroep = (await gov()).gremia.find((g) => g.type === 'stuurgroep')!;
    const member = (await gov()).lidmaatschappen.find((l) => l.gremiumId === stuurgroep.id)!;
    const current = (await gov()).personen.find((p) => p.id === member.persoonId)!;
    const patched = await api('PATCH', `/api/v1/personen/${member.persoonId}`, { versie: current.versie, email: 'geheim.adres@zoetermeer.example' });
    expect(patched.statusCode).toBe(200);

    for (const url of ['/stuurgroep', '/structuur', '/api/v1/personen', `/api/v1/personen/${member.persoonId}`, `/api/v1/gremia/${stuurgroep.id}/lidmaatschappen`, `/api/v1/lidmaatschappen/${member.id}`]) {
      const response = await fx.t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain('geheim.adres');
    }
    expect((await fx.t.app.inject({ url: '/api/v1/openapi.json' })).json().components.schemas.Persoon.properties).not.toHaveProperty('email');
    expect((await lidBrowser.get('/stuurgroep')).body).toContain('href="mailto:geheim.adres@zoetermeer.example"');
    expect((await pm.get('/governance/bewerken')).body).toContain('geheim.adres@zoetermeer.example');
    // The public copy of the page stays without it, also after a logged-in user saw theirs.
    expect(await publicPage('/stuurgroep')).not.toContain('geheim.adres');
  });
});

describe('gremia', () => {
  it('creates one through the form with a slug from the name, renders its markdown on /structuur, edits and archives it', async () => {
    const created = await pm.submit('/gremia/nieuw', {
      naam: 'Werkgroep Kansrijke Start',
      type: 'werkgroep',
      omschrijving: 'Een **nieuwe** werkgroep.',
      opdracht: '| Wie | Wat |\n|:---|:---:|\n| Gemeente | Trekker |',
      mandaat: '- Voorstellen doen\n- Budget tot *10.000 euro*',
      vergaderfrequentie: 'elke maand',
    });
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location, 'gremia')!;
    const [row] = await fx.t.database.db.select().from(gremium).where(eq(gremium.id, id));
    expect(row).toMatchObject({ slug: 'werkgroep-kansrijke-start', type: 'werkgroep', vergaderfrequentie: 'elke maand' });
    const twin = await api('POST', '/api/v1/gremia', { naam: 'Werkgroep Kansrijke Start', type: 'werkgroep' });
    expect(twin.json().slug).toBe('werkgroep-kansrijke-start-2');

    const structuur = await publicPage('/structuur');
    expect(structuur).toContain('id="gremium-werkgroep-kansrijke-start"');
    expect(structuur).toContain('Een <strong>nieuwe</strong> werkgroep.');
    expect(structuur).toContain('<th class="lea-align-center">Wat</th>');
    expect(structuur).toContain('<li>Budget tot <em>10.000 euro</em></li>');
    expect(structuur).not.toMatch(/style="/);
    expect(structuur).not.toContain('href="/gremia/');

    const edited = await pm.submit(`/gremia/${id}/bewerken`, {
      naam: 'Werkgroep Kansrijke Start',
      type: 'werkgroep',
      omschrijving: row!.omschrijving!,
      opdracht: row!.opdracht!,
      mandaat: '',
      vergaderfrequentie: 'elke zes weken',
    });
    expect(edited.statusCode).toBe(303);
    const [gewijzigd] = await auditLines(id, 'gewijzigd');
    expect(gewijzigd?.voor).toMatchObject({ vergaderfrequentie: 'elke maand', mandaat: '- Voorstellen doen\n- Budget tot *10.000 euro*' });
    expect(gewijzigd?.na).toMatchObject({ vergaderfrequentie: 'elke zes weken', mandaat: null, omschrijving: 'Een **nieuwe** werkgroep.' });

    const archived = await pm.submit(`/gremia/${id}/bewerken`, {}, `/gremia/${id}/archiveren`);
    expect(archived.statusCode).toBe(303);
    expect(await publicPage('/structuur')).not.toContain('gremium-werkgroep-kansrijke-start"');
    expect((await auditLines(id, 'gearchiveerd')).length).toBe(1);
  });

  it('shows missing name and type at their fields, keeping the other input', async () => {
    const response = await pm.submit('/gremia/nieuw', { naam: '', type: '', omschrijving: 'Mijn omschrijving', opdracht: '', mandaat: '', vergaderfrequentie: 'jaarlijks' });
    expectFormErrors(response, ['naam', 'type'], ['Kies een soort overleg uit de lijst.', 'Mijn omschrijving', 'value="jaarlijks"']);
  });

  it('refuses to archive a gremium that has members (409, in Dutch), by form and by API', async () => {
    const stuurgroep = (await gov()).gremia.find((g) => g.type === 'stuurgroep')!;
    const archive = await pm.submit(`/gremia/${stuurgroep.id}/bewerken`, {}, `/gremia/${stuurgroep.id}/archiveren`);
    const response = await api('DELETE', `/api/v1/gremia/${stuurgroep.id}`, { versie: stuurgroep.versie });
    expectArchiveRefused(archive, response, 'U kunt dit overleg nog niet archiveren.');
  });

  it('creates, changes and archives through the API; a stale version is 409, and its relations leave with it', async () => {
    const created = await api('POST', '/api/v1/gremia', { naam: 'Api-tafel', type: 'overlegtafel', opdracht: 'Iets **doen**' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ slug: 'api-tafel', opdracht: 'Iets **doen**', omschrijving: null, versie: 1 });
    const patched = await api('PATCH', `/api/v1/gremia/${body.id}`, { versie: 1, mandaat: 'Mag besluiten', vergaderfrequentie: '  ' });
    expect(patched.json()).toMatchObject({ opdracht: 'Iets **doen**', mandaat: 'Mag besluiten', vergaderfrequentie: null, versie: 2 });
    expect((await api('PATCH', `/api/v1/gremia/${body.id}`, { versie: 1, naam: 'x' })).statusCode).toBe(409);
    expect((await api('PATCH', `/api/v1/gremia/${body.id}`, { versie: 2, type: 'vergadering' })).json().invalidParams[0].name).toBe('body.type');
    expect((await api('DELETE', `/api/v1/gremia/${body.id}`, { versie: 2 })).statusCode).toBe(204);
    expect((await fx.t.app.inject({ url: `/api/v1/gremia/${body.id}` })).statusCode).toBe(404);
  });
});

describe('a voorzitter-overlegtafel', () => {
  it('edits the omschrijving and frequency of their own tafel, and nothing else of it', async () => {
    const page = await voorzitterBrowser.get(`/gremia/${tafel.id}/bewerken`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="omschrijving"');
    expect(page.body).toContain('name="vergaderfrequentie"');
    expect(page.body).not.toContain('name="opdracht"');
    expect(page.body).not.toContain('name="naam"');
    const before = (await gov()).gremia.find((g) => g.id === tafel.id)!;
    // A posted opdracht is not even read: only the two fields of the voorzitter's form count.
    const saved = await voorzitterBrowser.submit(`/gremia/${tafel.id}/bewerken`, { omschrijving: 'Door de voorzitter', vergaderfrequentie: 'elke maand', opdracht: 'Gekaapt' });
    expect(saved.statusCode).toBe(303);
    const after = (await gov()).gremia.find((g) => g.id === tafel.id)!;
    expect(after).toMatchObject({ omschrijving: 'Door de voorzitter', vergaderfrequentie: 'elke maand', opdracht: before.opdracht, naam: before.naam });
    const lines = await auditLines(tafel.id, 'gewijzigd');
    expect(lines.find((l) => l.gebruikerNaam === 'Vera Voorzitter')?.na).toMatchObject({ omschrijving: 'Door de voorzitter', opdracht: before.opdracht });

    const viaApi = await api('PATCH', `/api/v1/gremia/${tafel.id}`, { versie: after.versie, omschrijving: 'Via de API' }, voorzitterToken);
    expect(viaApi.statusCode).toBe(200);
    const opdracht = await api('PATCH', `/api/v1/gremia/${tafel.id}`, { versie: after.versie + 1, opdracht: 'Nieuwe opdracht' }, voorzitterToken);
    expect(opdracht.statusCode).toBe(403);
    expect(opdracht.json().detail).toContain('alleen de omschrijving en de vergaderfrequentie');
    // Sending the stored value back unchanged is no change, so it is allowed.
    const same = await api('PATCH', `/api/v1/gremia/${tafel.id}`, { versie: after.versie + 1, naam: before.naam, vergaderfrequentie: 'elke week' }, voorzitterToken);
    expect(same.statusCode).toBe(200);
  });

  it('is refused (403) for another gremium, by form and by API, and for every other governance route', async () => {
    expect((await voorzitterBrowser.get(`/gremia/${andereTafel.id}/bewerken`)).statusCode).toBe(403);
    const post = await voorzitterBrowser.post(`/gremia/${andereTafel.id}/bewerken`, {
      _csrf: await voorzitterBrowser.csrf('/account'),
      versie: '1',
      omschrijving: 'Niet mijn tafel',
      vergaderfrequentie: '',
    });
    expect(post.statusCode).toBe(403);
    const other = (await gov()).gremia.find((g) => g.id === andereTafel.id)!;
    const response = await api('PATCH', `/api/v1/gremia/${andereTafel.id}`, { versie: other.versie, omschrijving: 'Niet mijn tafel' }, voorzitterToken);
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toBe('U kunt alleen het overleg bewerken waarvan u voorzitter bent.');
    expect((await gov()).gremia.find((g) => g.id === andereTafel.id)!.omschrijving).toBe(other.omschrijving);
    expect((await voorzitterBrowser.get('/gremia/nieuw')).statusCode).toBe(403);
    expect((await voorzitterBrowser.get('/governance/bewerken')).statusCode).toBe(403);
    expect((await api('DELETE', `/api/v1/gremia/${tafel.id}`, { versie: 1 }, voorzitterToken)).statusCode).toBe(403);
  });

  it('sees an edit link on /structuur for their own tafel only; the procesmanager for every gremium; the public none', async () => {
    const voorzitter = (await voorzitterBrowser.get('/structuur')).body;
    expect(voorzitter).toContain(`href="/gremia/${tafel.id}/bewerken"`);
    expect(voorzitter).not.toContain(`href="/gremia/${andereTafel.id}/bewerken"`);
    expect(voorzitter).not.toContain('href="/governance/bewerken"');
    const procesmanagerPage = (await pm.get('/structuur')).body;
    for (const g of (await gov()).gremia) expect(procesmanagerPage).toContain(`href="/gremia/${g.id}/bewerken"`);
    expect(procesmanagerPage).toContain('href="/governance/bewerken"');
    expect((await pm.get('/stuurgroep')).body).toContain('href="/governance/bewerken"');
    for (const url of ['/structuur', '/stuurgroep']) {
      expect(await publicPage(url), url).not.toMatch(/href="\/(gremia|governance)\//);
      expect((await lidBrowser.get(url)).body, url).not.toMatch(/href="\/(gremia|governance)\//);
    }
  });
});

describe('lidmaatschappen', () => {
  it('adds a member with a rol and several "namens" through the form, edits, archives and re-adds them, with the audit trail', async () => {
    const nieuw = (await api('POST', '/api/v1/personen', { naam: 'Nieuw Stuurgroeplid', functie: 'Bestuurder' })).json() as { id: string; naam: string };
    const governance = await gov();
    const stuurgroep = governance.gremia.find((g) => g.type === 'stuurgroep')!;
    const org = governance.organisaties.find((o) => o.naam === 'Unicoz')!;
    const created = await pm.submit(`/gremia/${stuurgroep.id}/lidmaatschappen/nieuw`, {
      persoonId: nieuw.id,
      rol: 'adviseur',
      namens: ['sector:mbo', `organisatie:${org.id}`],
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`/gremia/${stuurgroep.id}/bewerken?melding=opgeslagen`);
    const leden = (await fx.t.app.inject({ url: `/api/v1/gremia/${stuurgroep.id}/lidmaatschappen` })).json() as { id: string; persoon: { id: string }; rol: string; namens: unknown[] }[];
    const lid = leden.find((l) => l.persoon.id === nieuw.id)!;
    expect(lid).toMatchObject({ rol: 'adviseur', namens: [{ sector: 'mbo', organisatieId: null }, { sector: null, organisatieId: org.id }] });
    const stuurgroepPage = decodeHtml(await publicPage('/stuurgroep'));
    expect(stuurgroepPage).toContain(nieuw.naam);
    expect(stuurgroepPage).toContain(`het beroepsonderwijs en ${org.naam}`);

    const edited = await pm.submit(`/lidmaatschappen/${lid.id}/bewerken`, { rol: 'voorzitter', namens: 'sector:po' });
    expect(edited.statusCode).toBe(303);
    const [gewijzigd] = await auditLines(lid.id, 'gewijzigd');
    expect(gewijzigd?.voor).toMatchObject({ rol: 'adviseur', namens: [{ sector: 'mbo' }, { organisatieId: org.id }], versie: 1 });
    expect(gewijzigd?.na).toMatchObject({ rol: 'voorzitter', namens: [{ sector: 'po', organisatieId: null }], versie: 2 });
    expect(gewijzigd?.omschrijving).toBe(`Lidmaatschap van ${nieuw.naam} in ${stuurgroep.naam}`);

    const archived = await pm.submit(`/lidmaatschappen/${lid.id}/bewerken`, {}, `/lidmaatschappen/${lid.id}/archiveren`);
    expect(archived.statusCode).toBe(303);
    expect(archived.headers.location).toBe(`/gremia/${stuurgroep.id}/bewerken?melding=gearchiveerd`);
    expect(decodeHtml(await publicPage('/stuurgroep'))).not.toContain(nieuw.naam);
    expect((await auditLines(lid.id, 'gearchiveerd')).length).toBe(1);

    // The pair persoon × gremium is unique, also over the archive: coming back continues the same record.
    const again = await api('POST', `/api/v1/gremia/${stuurgroep.id}/lidmaatschappen`, { persoonId: nieuw.id, namens: [{ sector: 'vo' }] });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: lid.id, rol: 'lid', namens: [{ sector: 'vo', organisatieId: null }], versie: 4 });
    const rows = await fx.t.database.db.select().from(lidmaatschap).where(eq(lidmaatschap.id, lid.id));
    expect(rows[0]!.gearchiveerdOp).toBeNull();
  });

  it('refuses the same persoon twice in one gremium with a Dutch message at the field (form and API), not a 500', async () => {
    const governance = await gov();
    const existing = governance.lidmaatschappen[0]!;
    const form = await pm.submit(`/gremia/${existing.gremiumId}/lidmaatschappen/nieuw`, { persoonId: existing.persoonId, rol: 'secretaris', namens: 'sector:jeugd' });
    expect(form.statusCode).toBe(400);
    const html = decodeHtml(form.body);
    expect(html).toContain('href="#veld-persoonId"');
    expect(html).toContain('Deze persoon is al lid van dit overleg.');
    expect(html).toMatch(/value="secretaris" selected/);
    expect(html).toMatch(/value="sector:jeugd" checked/);
    const response = await api('POST', `/api/v1/gremia/${existing.gremiumId}/lidmaatschappen`, { persoonId: existing.persoonId, namens: [{ sector: 'po' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([{ name: 'body.persoonId', reason: expect.stringContaining('al lid van dit overleg') }]);
  });

  it('needs at least one "namens", shown at the field', async () => {
    const governance = await gov();
    const gremiumId = governance.gremia.find((g) => g.type === 'kernteam')!.id;
    const response = await pm.submit(`/gremia/${gremiumId}/lidmaatschappen/nieuw`, { persoonId: governance.personen[0]!.id, rol: 'lid' });
    expect(response.statusCode).toBe(400);
    expect(decodeHtml(response.body)).toContain('href="#veld-namens"');
    const viaApi = await api('POST', `/api/v1/gremia/${gremiumId}/lidmaatschappen`, { persoonId: governance.personen[0]!.id, namens: [] });
    expect(viaApi.json().invalidParams[0].name).toBe('body.namens');
  });

  it('refuses a stale PATCH or DELETE in the API with 409, and stores whom a member represents once', async () => {
    const governance = await gov();
    const lid = governance.lidmaatschappen.find((l) => l.rol === 'lid' && l.namens.length === 1 && l.namens[0]!.sector)!;
    expect((await api('PATCH', `/api/v1/lidmaatschappen/${lid.id}`, { versie: lid.versie, rol: 'secretaris' })).statusCode).toBe(200);
    const stale = await api('PATCH', `/api/v1/lidmaatschappen/${lid.id}`, { versie: lid.versie, rol: 'lid' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await api('DELETE', `/api/v1/lidmaatschappen/${lid.id}`, { versie: lid.versie })).statusCode).toBe(409);
    const ok = await api('PATCH', `/api/v1/lidmaatschappen/${lid.id}`, { versie: lid.versie + 1, namens: [{ sector: 'gemeente' }, { sector: 'gemeente' }] });
    expect(ok.json()).toMatchObject({ rol: 'secretaris', namens: [{ sector: 'gemeente', organisatieId: null }], versie: lid.versie + 2 });
    expect((await fx.t.app.inject({ url: `/api/v1/lidmaatschappen/${lid.id}` })).json()).toMatchObject({ versie: lid.versie + 2 });
    expect((await api('DELETE', `/api/v1/lidmaatschappen/${lid.id}`, { versie: lid.versie + 2 })).statusCode).toBe(204);
    expect((await fx.t.app.inject({ url: `/api/v1/lidmaatschappen/${lid.id}` })).statusCode).toBe(404);
  });
});

describe('escaping', () => {
  it('shows a <script> typed into every text field as text, on the public pages and in the forms', async () => {
    const script = (n: string) => `<script>alert("${n}")</script>`;
    const org = (await api('POST', '/api/v1/organisaties', { naam: `${script('org')} Org` })).json();
    const created = await pm.submit('/personen/nieuw', { naam: `${script('naam')} Naam`, functie: script('functie'), email: 'x@voorbeeld.nl', organisatieId: org.id });
    const persoonId = idFrom(created.headers.location, 'personen')!;
    const stuurgroep = (await gov()).gremia.find((g) => g.type === 'stuurgroep')!;
    const lid = await pm.submit(`/gremia/${stuurgroep.id}/lidmaatschappen/nieuw`, { persoonId, rol: 'lid', namens: `organisatie:${org.id}` });
    expect(lid.statusCode).toBe(303);
    const gremiumResponse = await pm.submit('/gremia/nieuw', {
      naam: `${script('gremium')} Tafel`,
      type: 'overlegtafel',
      omschrijving: script('omschrijving'),
      opdracht: script('opdracht'),
      mandaat: `[klik](javascript:alert(1)) ${script('mandaat')}`,
      vergaderfrequentie: script('frequentie'),
    });
    const gremiumId = idFrom(gremiumResponse.headers.location, 'gremia')!;

    const pages = {
      '/stuurgroep': ['org', 'naam', 'functie'],
      '/structuur': ['gremium', 'omschrijving', 'opdracht', 'mandaat', 'frequentie'],
    };
    for (const [url, names] of Object.entries(pages)) {
      for (const body of [await publicPage(url), (await pm.get(url)).body]) {
        expectNoLiveScript(body, url);
        expect(body, url).not.toMatch(/href="javascript:/i);
        const text = decodeHtml(body.replaceAll('&#34;', '"'));
        for (const n of names) expect(text, `${url} ${n}`).toContain(script(n));
      }
    }
    for (const url of ['/governance/bewerken', `/personen/${persoonId}/bewerken`, `/organisaties/${org.id}/bewerken`, `/gremia/${gremiumId}/bewerken`, `/gremia/${stuurgroep.id}/bewerken`]) {
      const body = (await pm.get(url)).body;
      expect(body.length, url).toBeGreaterThan(0);
      expectNoLiveScript(body, url);
    }
  });
});

describe('the documentation', () => {
  it('documents the write operations with the token scheme, and the public schemas carry the versie', async () => {
    const doc = (await fx.t.app.inject({ url: '/api/v1/openapi.json' })).json();
    for (const [pad, method] of [
      ['/organisaties', 'post'],
      ['/organisaties/{id}', 'patch'],
      ['/organisaties/{id}', 'delete'],
      ['/personen', 'post'],
      ['/personen/{id}', 'patch'],
      ['/personen/{id}', 'delete'],
      ['/gremia', 'post'],
      ['/gremia/{id}', 'patch'],
      ['/gremia/{id}', 'delete'],
      ['/gremia/{id}/lidmaatschappen', 'post'],
      ['/lidmaatschappen/{id}', 'patch'],
      ['/lidmaatschappen/{id}', 'delete'],
    ] as const) {
      expect(doc.paths[pad][method].security, `${method} ${pad}`).toEqual([{ apiToken: [] }]);
    }
    expect(doc.paths['/lidmaatschappen/{id}'].delete.responses['409']).toBeDefined();
    expect(doc.paths['/lidmaatschappen/{id}'].get).toBeDefined();
    for (const schema of ['Organisatie', 'Persoon', 'Gremium', 'Lidmaatschap']) {
      expect(doc.components.schemas[schema].required, schema).toContain('versie');
    }
  });
});
