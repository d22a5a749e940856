/**
 * What became editable with the record-kind declarations: the uitvoeringsagenda's own fields, new and archived
 * actielijnen, an actielijn's number (its old address keeps working), and the betrokkenen of an actielijn.
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../test/helpers/app.js';
import { useEditors } from '../../../test/helpers/session.js';

const ed = useEditors({ email: 'pm@kinds.example', naam: 'Kees Procesmanager', lid: 'stuurgroeplid' });
const { api, auditLines, publicPage } = ed;

async function agenda() {
  return ed.t.app.services.agenda.get((await ed.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!);
}



describe('the uitvoeringsagenda itself', () => {
  it('changes its title, period, theme and texts through the form; the start page and the stuurgroep page follow', async () => {
    const ua = (await agenda()).uitvoeringsagenda!;
    const url = `/uitvoeringsagendas/${ua.id}/bewerken`;
    expect((await ed.pm.get('/')).body).toContain(`href="${url}"`);
    expect(await publicPage('/')).not.toContain(url);
    const saved = await ed.pm.submit(url, {
      titel: 'Uitvoeringsagenda 2025-2027',
      periodeStart: '1-9-2025',
      periodeEind: '2027-06-30',
      status: 'vastgesteld',
      overkoepelendThema: 'inclusie en kansengelijkheid',
      voorwoord: 'Een nieuw voorwoord.\n\nMet een tweede alinea.',
      evaluatie: ua.evaluatie ?? '',
      stuurgroepToelichting: 'De stuurgroep komt elke zes weken bijeen.',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?melding=opgeslagen`);
    const home = await publicPage('/');
    expect(home).toContain('Uitvoeringsagenda 2025-2027');
    expect(home).toContain('september 2025 – juni 2027');
    expect(home).toContain('inclusie en kansengelijkheid');
    expect(home).toContain('Met een tweede alinea.');
    expect(await publicPage('/stuurgroep')).toContain('De stuurgroep komt elke zes weken bijeen.');
    const [line] = await auditLines(ua.id, 'gewijzigd');
    expect(line?.voor).toMatchObject({ titel: ua.titel, periodeEind: ua.periodeEind });
    expect(line?.na).toMatchObject({ titel: 'Uitvoeringsagenda 2025-2027', periodeStart: '2025-09-01', periodeEind: '2027-06-30' });
  });

  it('refuses an end before the start, and a date that does not exist, at their fields with the input kept', async () => {
    const ua = (await agenda()).uitvoeringsagenda!;
    const url = `/uitvoeringsagendas/${ua.id}/bewerken`;
    const response = await ed.pm.submit(url, { titel: 'Blijft staan', periodeStart: '2026-01-01', periodeEind: '2025-12-31', status: 'vastgesteld' });
    expect(response.statusCode).toBe(400);
    const html = decodeHtml(response.body);
    expect(html).toContain('href="#veld-periodeEind"');
    expect(html).toContain('De laatste dag ligt voor de eerste dag.');
    expect(html).toContain('value="Blijft staan"');
    const impossible = await ed.pm.submit(url, { titel: 'x', periodeStart: '31-2-2026', periodeEind: '2026-12-31', status: 'vastgesteld' });
    expect(decodeHtml(impossible.body)).toContain('Vul een bestaande datum in');
    expect((await agenda()).uitvoeringsagenda!.titel).toBe('Uitvoeringsagenda 2025-2027');
  });

  it('changes through PATCH, answering with the agenda as it is now', async () => {
    const ua = (await agenda()).uitvoeringsagenda!;
    const patched = await api('PATCH', `/api/v1/uitvoeringsagendas/${ua.id}`, { versie: ua.versie, overkoepelendThema: 'inclusie' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: ua.id, overkoepelendThema: 'inclusie', versie: ua.versie + 1, geldend: true });
    const invalid = await api('PATCH', `/api/v1/uitvoeringsagendas/${ua.id}`, { versie: ua.versie + 1, status: 'weg' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().invalidParams[0]).toEqual({ name: 'body.status', reason: 'Kies een status uit de lijst.' });
  });
});

describe('actielijnen', () => {
  it('adds one with the next free number, and archives it again', async () => {
    const before = await agenda();
    const ambitie = before.ambities[0]!;
    const created = await ed.pm.submit('/actielijnen/nieuw', { nummer: '', titel: 'Samen werken aan taal', kernwoord: 'taal', beleidsthema: 'Lezen en schrijven.', ambities: [ambitie.id] });
    expect(created.statusCode, /foutoverzicht[\s\S]*?<\/ul>/.exec(created.body)?.[0]).toBe(303);
    const nummer = Math.max(...before.actielijnen.map((al) => al.nummer)) + 1;
    expect(created.headers.location).toBe(`/actielijnen/${nummer}/bewerken?melding=opgeslagen`);
    expect(await publicPage(`/actielijnen/${nummer}`)).toContain('Samen werken aan taal');
    expect(await publicPage('/')).toContain(`De ${before.actielijnen.length + 1} actielijnen`);
    const taken = await ed.pm.submit('/actielijnen/nieuw', { nummer: '1', titel: 'Dubbel', kernwoord: '', beleidsthema: 'x', ambities: [ambitie.id] });
    expect(taken.statusCode).toBe(400);
    expect(decodeHtml(taken.body)).toContain('Er is al een actielijn met nummer 1.');
    const archived = await ed.pm.submit(`/actielijnen/${nummer}/bewerken`, {}, `/actielijnen/${nummer}/archiveren`);
    expect(archived.statusCode).toBe(303);
    expect(archived.headers.location).toBe('/?melding=actielijn-gearchiveerd#actielijnen');
    expect(decodeHtml((await ed.pm.get('/?melding=actielijn-gearchiveerd')).body)).toContain('De actielijn is gearchiveerd.');
    expect((await ed.t.app.inject({ url: `/actielijnen/${nummer}` })).statusCode).toBe(404);
  });

  it('gets a new number; the old address and the old edit address lead there with a permanent redirect', async () => {
    const al = (await agenda()).actielijnen.find((a) => a.nummer === 6)!;
    const moved = await ed.pm.submit('/actielijnen/6/bewerken', { nummer: '16', titel: al.titel, kernwoord: al.kernwoord ?? '', beleidsthema: al.beleidsthema, ambities: al.ambitieIds });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe('/actielijnen/16/bewerken?melding=opgeslagen');
    const old = await ed.t.app.inject({ url: '/actielijnen/6' });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/actielijnen/16');
    const oldEdit = await ed.pm.get('/actielijnen/6/bewerken');
    expect(oldEdit.statusCode).toBe(301);
    expect(oldEdit.headers.location).toBe('/actielijnen/16/bewerken');
    expect((await ed.t.app.inject({ url: '/actielijnen/16' })).statusCode).toBe(200);
    // A number nobody ever had is still a 404.
    expect((await ed.t.app.inject({ url: '/actielijnen/77' })).statusCode).toBe(404);
  });

  it('lets an old number go to a new actielijn: the address then shows that one, no longer a redirect', async () => {
    const ambitie = (await agenda()).ambities[0]!;
    const created = await ed.pm.submit('/actielijnen/nieuw', { nummer: '6', titel: 'Een nieuwe zesde', kernwoord: '', beleidsthema: 'Nieuw.', ambities: [ambitie.id] });
    expect(created.statusCode).toBe(303);
    const page = await ed.t.app.inject({ url: '/actielijnen/6' });
    expect(page.statusCode).toBe(200);
    expect(decodeHtml(page.body)).toContain('Een nieuwe zesde');
  });
});

describe('betrokkenen of an actielijn', () => {
  it('adds a betrokkene that is a gremium through the form: the actielijn page links it to the structure', async () => {
    const al = (await agenda()).actielijnen.find((a) => a.nummer === 1)!;
    const gremia = (await ed.t.app.services.governance.get((await ed.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!)).gremia;
    const tafel = gremia.find((g) => g.type === 'overlegtafel')!;
    const form = decodeHtml((await ed.pm.get('/actielijnen/1/bewerken')).body);
    expect(form).toContain('href="/actielijnen/1/betrokkenen/nieuw"');
    const created = await ed.pm.submit('/actielijnen/1/betrokkenen/nieuw', { naam: 'Wijkteam Noord', gremiumId: tafel.id, organisatieId: '' });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/actielijnen/1/bewerken?melding=opgeslagen');
    const page = await publicPage('/actielijnen/1');
    expect(page).toContain(`<a class="utrecht-link" href="/structuur#gremium-${tafel.slug}">Wijkteam Noord</a>`);
    const nieuw = (await agenda()).actielijnen.find((a) => a.id === al.id)!.betrokkenen.at(-1)!;
    expect(nieuw).toMatchObject({ naam: 'Wijkteam Noord', gremiumId: tafel.id, organisatieId: null });
    expect((await auditLines(nieuw.id, 'aangemaakt'))[0]?.omschrijving).toBe('Betrokkene Wijkteam Noord bij actielijn 1');
  });

  it('refuses both a gremium and an organisatie, and an empty name, at their fields', async () => {
    const governance = await ed.t.app.services.governance.get((await ed.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!);
    const response = await ed.pm.submit('/actielijnen/1/betrokkenen/nieuw', { naam: 'Beide', gremiumId: governance.gremia[0]!.id, organisatieId: governance.organisaties[0]!.id });
    expect(response.statusCode).toBe(400);
    expect(decodeHtml(response.body)).toContain('Kies een overleg of een organisatie, niet allebei.');
    const empty = await ed.pm.submit('/actielijnen/1/betrokkenen/nieuw', { naam: ' ', gremiumId: '', organisatieId: '' });
    expect(decodeHtml(empty.body)).toContain('Vul de naam van de betrokkene in.');
  });

  it('changes and archives one, with a refusal of a stale version, by form and by API', async () => {
    const al = (await agenda()).actielijnen.find((a) => a.nummer === 2)!;
    const [first] = al.betrokkenen;
    const formB = await ed.pm2.get(`/betrokkenen/${first!.id}/bewerken`);
    expect((await ed.pm.submit(`/betrokkenen/${first!.id}/bewerken`, { naam: 'Kinderopvangplatform Zoetermeer', gremiumId: '', organisatieId: '' })).statusCode).toBe(303);
    const stale = await ed.pm2.post(`/betrokkenen/${first!.id}/bewerken`, {
      _csrf: await ed.pm2.csrf('/account'),
      versie: /name="versie" value="(\d+)"/.exec(formB.body)![1]!,
      naam: 'Door B',
      gremiumId: '',
      organisatieId: '',
    });
    expect(stale.statusCode).toBe(409);
    expect(await publicPage('/actielijnen/2')).toContain('Kinderopvangplatform Zoetermeer');
    const listed = (await ed.t.app.inject({ url: `/api/v1/actielijnen/${al.id}/betrokkenen` })).json() as { id: string; naam: string; versie: number }[];
    expect(listed[0]).toMatchObject({ id: first!.id, naam: 'Kinderopvangplatform Zoetermeer', versie: 2 });
    const added = await api('POST', `/api/v1/actielijnen/${al.id}/betrokkenen`, { naam: 'Via de API' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ naam: 'Via de API', gremiumId: null, organisatieId: null, versie: 1 });
    expect((await api('DELETE', `/api/v1/betrokkenen/${first!.id}`, { versie: 2 })).statusCode).toBe(204);
    expect(await publicPage('/actielijnen/2')).not.toContain('Kinderopvangplatform Zoetermeer');
    expect((await ed.t.app.inject({ url: `/api/v1/betrokkenen/${first!.id}` })).statusCode).toBe(404);
  });
});
