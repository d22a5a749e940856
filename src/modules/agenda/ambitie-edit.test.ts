import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../test/helpers/app.js';
import { expectArchiveRefused, expectFormErrors, expectNoLiveScript, type TestBrowser, useEditors } from '../../../test/helpers/session.js';

const ed = useEditors({ email: 'pm@ambitie.example', naam: 'Paula Procesmanager', lid: 'stuurgroeplid' });
const { api, auditLines } = ed;

async function agenda() {
  return ed.t.app.services.agenda.get((await ed.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!);
}

async function ambitie(code: string) {
  return (await agenda()).ambities.find((a) => a.code === code);
}

async function actielijn(nummer: number) {
  return (await agenda()).actielijnen.find((al) => al.nummer === nummer)!;
}

/** Posts the ambitie's edit form as a browser would: every field as loaded, with the given changes on top. */
async function submitAmbitie(browser: TestBrowser, id: string, changes: Record<string, string>) {
  const a = (await agenda()).ambities.find((x) => x.id === id)!;
  return browser.submit(`/ambities/${id}/bewerken`, { code: a.code, naam: a.naam, omschrijving: a.omschrijving, volgorde: String(a.volgorde), ...changes });
}

/** The same for an actielijn's form. */
async function submitActielijn(browser: TestBrowser, nummer: number, changes: Record<string, string | string[]>) {
  const al = await actielijn(nummer);
  return browser.submit(`/actielijnen/${nummer}/bewerken`, {
    titel: al.titel,
    kernwoord: al.kernwoord ?? '',
    beleidsthema: al.beleidsthema,
    ambities: al.ambitieIds,
    ...changes,
  });
}




describe('a new ambitie through the form', () => {
  it('adds it at the end of the list, shows it on the agenda and records it in the history', async () => {
    expect((await ed.pm.get('/ambities/nieuw')).statusCode).toBe(200);
    const response = await ed.pm.submit('/ambities/nieuw', {
      naam: 'Sterke basis',
      code: 'sterke-basis',
      omschrijving: 'Elk kind leert lezen, schrijven en rekenen.',
      volgorde: '',
    });
    expect(response.statusCode).toBe(303);
    const nieuw = (await ambitie('sterke-basis'))!;
    expect(nieuw).toMatchObject({ naam: 'Sterke basis', volgorde: 4, versie: 1 });
    expect(response.headers.location).toBe(`/ambities/${nieuw.id}/bewerken?melding=toegevoegd`);

    const home = decodeHtml((await ed.t.app.inject({ url: '/' })).body);
    expect(home).toContain('Elk kind leert lezen, schrijven en rekenen.');
    expect(home).toContain('De 4 ambities');
    const [line] = await auditLines(nieuw.id, 'aangemaakt');
    expect(line?.gebruikerNaam).toBe('Paula Procesmanager');
    expect(line?.voor).toBeNull();
    expect(line?.na).toMatchObject({ code: 'sterke-basis', naam: 'Sterke basis', volgorde: 4, versie: 1 });

    const edit = decodeHtml((await ed.pm.get(response.headers.location as string)).body);
    expect(edit).toContain('De ambitie is toegevoegd.');
    expect(edit).toContain('Paula Procesmanager');
  });

  it('returns errors at each field, a summary linking to them, and keeps what was typed', async () => {
    const response = await ed.pm.submit('/ambities/nieuw', { naam: '  ', code: 'Met Hoofdletters', omschrijving: 'Mijn omschrijving blijft staan', volgorde: 'eerste' });
    expectFormErrors(response, ['naam', 'code', 'volgorde'], [
      'Vul de naam van de ambitie in.',
      'Gebruik voor de code alleen kleine letters, cijfers en streepjes',
      'Vul bij volgorde een heel getal in van 1 tot en met 999.',
      'Mijn omschrijving blijft staan',
      'value="Met Hoofdletters"',
      'value="eerste"',
    ]);
    expect((await agenda()).ambities.some((a) => a.omschrijving === 'Mijn omschrijving blijft staan')).toBe(false);
  });

  it('refuses a code that another ambitie has, as an error at the code field, never a server error', async () => {
    const response = await ed.pm.submit('/ambities/nieuw', { naam: 'Dubbel', code: 'gelijke-kansen', omschrijving: 'Tekst van de dubbele', volgorde: '' });
    expect(response.statusCode).toBe(400);
    const html = decodeHtml(response.body);
    expect(html).toContain('href="#veld-code"');
    expect(html).toContain('Er is al een ambitie met de code gelijke-kansen. Kies een andere code.');
    expect(html).toContain('Tekst van de dubbele');

    const other = (await ambitie('sterke-basis'))!;
    const edit = await submitAmbitie(ed.pm, other.id, { code: 'zoetermeer-2040' });
    expect(edit.statusCode).toBe(400);
    expect(decodeHtml(edit.body)).toContain('Er is al een ambitie met de code zoetermeer-2040.');
    expect((await ambitie('sterke-basis'))?.versie).toBe(other.versie);

    const viaApi = await api('POST', '/api/v1/ambities', { code: 'passende-plek', naam: 'x', omschrijving: 'y' });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.headers['content-type']).toContain('application/problem+json');
    expect(viaApi.json().invalidParams).toEqual([{ name: 'body.code', reason: 'Er is al een ambitie met de code passende-plek. Kies een andere code.' }]);
  });
});

describe('changing an ambitie through the form', () => {
  it('saves, shows the change on the agenda and records before and after', async () => {
    const before = (await ambitie('sterke-basis'))!;
    const response = await submitAmbitie(ed.pm, before.id, { naam: 'Sterke basisvaardigheden', volgorde: '1' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/ambities/${before.id}/bewerken?melding=opgeslagen`);
    expect(await ambitie('sterke-basis')).toMatchObject({ naam: 'Sterke basisvaardigheden', volgorde: 1, versie: before.versie + 1 });
    expect(decodeHtml((await ed.t.app.inject({ url: '/' })).body)).toContain('Sterke basisvaardigheden');
    const [line] = await auditLines(before.id, 'gewijzigd');
    expect(line?.voor).toMatchObject({ naam: 'Sterke basis', volgorde: 4, versie: before.versie });
    expect(line?.na).toMatchObject({ naam: 'Sterke basisvaardigheden', volgorde: 1, versie: before.versie + 1 });
  });

  it('escapes a script typed into every text field, on the agenda, the actielijn page and in the form', async () => {
    const target = (await ambitie('passende-plek'))!;
    const response = await submitAmbitie(ed.pm, target.id, {
      naam: '<script>alert(1)</script> naam',
      omschrijving: '<script>alert(2)</script> omschrijving',
    });
    expect(response.statusCode).toBe(303);
    const linked = (await agenda()).actielijnen.find((al) => al.ambitieIds.includes(target.id))!;
    for (const url of ['/', `/actielijnen/${linked.nummer}`]) {
      const body = (await ed.t.app.inject({ url })).body;
      expectNoLiveScript(body, url);
      expect(body, url).toContain('&lt;script>alert(1)&lt;/script> naam');
    }
    expect((await ed.t.app.inject({ url: '/' })).body).toContain('&lt;script>alert(2)&lt;/script> omschrijving');
    const form = (await ed.pm.get(`/ambities/${target.id}/bewerken`)).body;
    expectNoLiveScript(form, 'form');
    expect(form).toContain('&lt;script>alert(2)&lt;/script> omschrijving');
    // A code may not hold it at all; the refused input comes back escaped.
    const code = await submitAmbitie(ed.pm, target.id, { code: '<script>alert(3)</script>' });
    expect(code.statusCode).toBe(400);
    expectNoLiveScript(code.body, 'code');
    expect(decodeHtml(code.body)).toContain('value="<script>alert(3)</script>"');
  });

  it('shows editors, and only editors, the links to change and add ambities', async () => {
    const target = (await ambitie('zoetermeer-2040'))!;
    const editor = (await ed.pm.get('/')).body;
    expect(editor).toContain(`href="/ambities/${target.id}/bewerken"`);
    expect(editor).toContain('href="/ambities/nieuw"');
    const publiek = (await ed.t.app.inject({ url: '/' })).body;
    expect(publiek).not.toContain('/ambities/nieuw');
    expect(publiek).not.toContain('/bewerken');
  });
});

describe('the ambities of an actielijn', () => {
  it('changes which ambities an actielijn serves through its form, with the change in its history', async () => {
    const al = await actielijn(1);
    const extra = (await ambitie('sterke-basis'))!;
    const form = decodeHtml((await ed.pm.get('/actielijnen/1/bewerken')).body);
    expect(form).toContain('Ambities</legend>');
    expect(form).toMatch(new RegExp(`value="${al.ambitieIds[0]}" checked`));
    const response = await submitActielijn(ed.pm, 1, { ambities: [...al.ambitieIds, extra.id] });
    expect(response.statusCode).toBe(303);
    expect((await actielijn(1)).ambitieIds).toEqual([...al.ambitieIds, extra.id]);
    expect(decodeHtml((await ed.t.app.inject({ url: '/actielijnen/1' })).body)).toContain('Sterke basisvaardigheden');
    const lines = await auditLines(al.id, 'gewijzigd');
    const line = lines.at(-1)!;
    expect((line.voor as { ambities: { id: string }[] }).ambities.map((a) => a.id)).toEqual(al.ambitieIds);
    expect((line.na as { ambities: { id: string; naam: string }[] }).ambities).toContainEqual({ id: extra.id, naam: 'Sterke basisvaardigheden' });
  });

  it('needs at least one ambitie, with the error at the checkbox group and the rest of the input kept', async () => {
    const al = await actielijn(2);
    const response = await ed.pm.post('/actielijnen/2/bewerken', {
      _csrf: await ed.pm.csrf('/account'),
      versie: String(al.versie),
      titel: 'Titel die blijft staan',
      kernwoord: '',
      beleidsthema: al.beleidsthema,
    });
    expect(response.statusCode).toBe(400);
    const html = decodeHtml(response.body);
    expect(html).toContain('href="#veld-ambities"');
    expect(html).toContain('Kies minstens één ambitie.');
    expect(html).toContain('Titel die blijft staan');
    expect((await actielijn(2)).ambitieIds).toEqual(al.ambitieIds);
  });

  it('changes them through PATCH /actielijnen/{id}: optional, at least one, existing ones only', async () => {
    const al = await actielijn(6);
    const extra = (await ambitie('sterke-basis'))!;
    const base = { titel: al.titel, kernwoord: al.kernwoord, beleidsthema: al.beleidsthema };
    const empty = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie, ...base, ambities: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().invalidParams[0]).toEqual({ name: 'body.ambities', reason: 'Kies minstens één ambitie.' });
    const unknown = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie, ...base, ambities: ['7a1c3a52-1f5e-4c7e-9a53-2d7f0f6c1b11'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams[0].name).toBe('body.ambities');
    const ok = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie, ...base, ambities: [extra.id] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().ambities).toEqual([{ id: extra.id, naam: 'Sterke basisvaardigheden' }]);
    const without = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie + 1, ...base, titel: `${al.titel}.` });
    expect(without.statusCode).toBe(200);
    expect(without.json().ambities).toEqual([{ id: extra.id, naam: 'Sterke basisvaardigheden' }]);
    const read = (await ed.t.app.inject({ url: `/api/v1/actielijnen/${al.id}` })).json();
    expect(read.ambities).toEqual([{ id: extra.id, naam: 'Sterke basisvaardigheden' }]);
  });
});

describe('archiving an ambitie', () => {
  it('refuses while it is the only ambitie of an actielijn, naming the actielijnen, by form and by API', async () => {
    const target = (await ambitie('zoetermeer-2040'))!;
    expect((await ed.pm.get(`/ambities/${target.id}/archiveren`)).statusCode).toBe(200);
    const form = await ed.pm.submit(`/ambities/${target.id}/archiveren`, {}, `/ambities/${target.id}/archiveren`);
    const viaApi = await api('DELETE', `/api/v1/ambities/${target.id}`, { versie: target.versie });
    // Actielijn 2 serves only this ambitie (actielijn 1 got a second one above).
    expectArchiveRefused(form, viaApi, 'Deze ambitie is de enige ambitie van actielijn 2. Kies eerst een andere ambitie voor die actielijn.');
    expect(await ambitie('zoetermeer-2040')).toBeDefined();
  });

  it('archives one that other ambities back up: off the agenda and the actielijnen, kept in the history', async () => {
    const target = (await ambitie('gelijke-kansen'))!;
    const linked = (await agenda()).actielijnen.filter((al) => al.ambitieIds.includes(target.id)).map((al) => al.nummer);
    expect(linked.length).toBeGreaterThan(0);
    const response = await ed.pm.submit(`/ambities/${target.id}/archiveren`, {}, `/ambities/${target.id}/archiveren`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/?melding=ambitie-gearchiveerd#ambities');
    expect(await ambitie('gelijke-kansen')).toBeUndefined();
    expect((await agenda()).actielijnen.some((al) => al.ambitieIds.includes(target.id))).toBe(false);
    const home = decodeHtml((await ed.t.app.inject({ url: '/' })).body);
    expect(home).not.toContain(target.omschrijving);
    expect(decodeHtml((await ed.pm.get('/?melding=ambitie-gearchiveerd')).body)).toContain('De ambitie is gearchiveerd.');
    const [line] = await auditLines(target.id, 'gearchiveerd');
    expect(line?.voor).toMatchObject({ code: 'gelijke-kansen', actielijnen: linked });
    expect(line?.na).toMatchObject({ actielijnen: [], versie: target.versie + 1 });
    expect((await ed.pm.get(`/ambities/${target.id}/bewerken`)).statusCode).toBe(404);
    expect((await ed.pm.get('/actielijnen/3/bewerken')).body).not.toContain(`value="${target.id}"`);

    // Its code stays taken (the history keeps it), which the form says in so many words.
    const reuse = await ed.pm.submit('/ambities/nieuw', { naam: 'Opnieuw', code: 'gelijke-kansen', omschrijving: 'Opnieuw', volgorde: '' });
    expect(reuse.statusCode).toBe(400);
    expect(decodeHtml(reuse.body)).toContain('De code gelijke-kansen hoort bij een gearchiveerde ambitie.');
  });

  it('refuses to archive on a stale version and shows the newest one', async () => {
    const target = (await ambitie('sterke-basis'))!;
    const page = await ed.pm2.get(`/ambities/${target.id}/archiveren`);
    const staleVersie = /name="versie" value="(\d+)"/.exec(page.body)![1]!;
    expect((await submitAmbitie(ed.pm, target.id, { omschrijving: 'Nieuwste omschrijving' })).statusCode).toBe(303);
    const response = await ed.pm2.post(`/ambities/${target.id}/archiveren`, { _csrf: await ed.pm2.csrf('/account'), versie: staleVersie });
    expect(response.statusCode).toBe(409);
    const html = decodeHtml(response.body);
    expect(html).toContain('Iemand anders heeft deze ambitie intussen gewijzigd.');
    expect(html).toContain('Nieuwste omschrijving');
    expect(html).toMatch(new RegExp(`name="versie" value="${Number(staleVersie) + 1}"`));
    expect(await ambitie('sterke-basis')).toBeDefined();
  });
});

describe('the ambities write API', () => {
  it('creates, changes and archives an ambitie with versions, and refuses a stale version (409)', async () => {
    const created = await api('POST', '/api/v1/ambities', { code: 'api-ambitie', naam: 'Via de API', omschrijving: 'Aangemaakt met een token.', volgorde: 7 });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ code: 'api-ambitie', naam: 'Via de API', volgorde: 7, versie: 1 });
    expect(created.headers.location).toBe(`/api/v1/ambities/${body.id}`);
    expect((await ed.t.app.inject({ url: `/api/v1/ambities/${body.id}` })).json()).toEqual(body);

    const changed = await api('PATCH', `/api/v1/ambities/${body.id}`, { versie: 1, code: 'api-ambitie', naam: 'Gewijzigd via de API', omschrijving: 'Nieuw.', volgorde: 7 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ naam: 'Gewijzigd via de API', versie: 2 });
    const stale = await api('PATCH', `/api/v1/ambities/${body.id}`, { versie: 1, code: 'api-ambitie', naam: 'Oud', omschrijving: 'Oud.', volgorde: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const [line] = await auditLines(body.id, 'gewijzigd');
    expect(line?.voor).toMatchObject({ naam: 'Via de API', versie: 1 });
    expect(line?.na).toMatchObject({ naam: 'Gewijzigd via de API', versie: 2 });

    expect((await api('DELETE', `/api/v1/ambities/${body.id}`, { versie: 1 })).statusCode).toBe(409);
    const archived = await api('DELETE', `/api/v1/ambities/${body.id}`, { versie: 2 });
    expect(archived.statusCode).toBe(204);
    expect((await ed.t.app.inject({ url: `/api/v1/ambities/${body.id}` })).statusCode).toBe(404);
    expect((await api('PATCH', `/api/v1/ambities/${body.id}`, { versie: 3, code: 'x', naam: 'x', omschrijving: 'x', volgorde: 1 })).statusCode).toBe(404);
  });

  it('gives the version of every ambitie in the read API, so a client can send it back', async () => {
    const list = (await ed.t.app.inject({ url: '/api/v1/ambities' })).json() as { versie: number; volgorde: number }[];
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) {
      expect(item.versie).toBeGreaterThanOrEqual(1);
      expect(item.volgorde).toBeGreaterThanOrEqual(1);
    }
  });

  it('checks the input and who asks: 400 at the field, 401 without a token, 403 for a role that may not', async () => {
    const invalid = await api('POST', '/api/v1/ambities', { code: 'Met Spaties', naam: '', omschrijving: 'x' });
    expect(invalid.statusCode).toBe(400);
    const names = (invalid.json().invalidParams as { name: string }[]).map((p) => p.name);
    expect(names).toContain('body.code');
    expect(names).toContain('body.naam');
    const anonymous = await ed.t.app.inject({ method: 'POST', url: '/api/v1/ambities', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const lid = await api('POST', '/api/v1/ambities', { code: 'van-lid', naam: 'x', omschrijving: 'y' }, ed.lidToken);
    expect(lid.statusCode).toBe(403);
    expect(await ambitie('van-lid')).toBeUndefined();
  });

  it('documents the operations in the OpenAPI document, with the token scheme and the version in the schema', async () => {
    const doc = (await ed.t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/ambities'].post.security).toEqual([{ apiToken: [] }]);
    expect(doc.paths['/ambities/{id}'].patch.responses['409']).toBeDefined();
    expect(doc.paths['/ambities/{id}'].delete.requestBody.content['application/json'].schema.required).toEqual(['versie']);
    expect(doc.components.schemas.Ambitie.required).toContain('versie');
    expect(doc.paths['/actielijnen/{id}'].patch.requestBody.content['application/json'].schema.properties.ambities.type).toBe('array');
  });
});
