import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRegel } from '../../db/schema.js';
import { decodeHtml } from '../../../test/helpers/app.js';
import { useEditors } from '../../../test/helpers/session.js';

const ed = useEditors({ email: 'pm@edit.example', naam: 'Petra Procesmanager', lid: 'stuurgroeplid' });
const { api } = ed;

async function actielijn(nummer: number) {
  const agenda = await ed.t.app.services.agenda.get((await ed.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!);
  return agenda.actielijnen.find((al) => al.nummer === nummer)!;
}


describe('editing an actielijn through the form', () => {
  it('saves, shows the change on the public page and records who changed what in the history', async () => {
    const before = await actielijn(2);
    const response = await ed.pm.submit('/actielijnen/2/bewerken', {
      titel: `${before.titel} (herzien)`,
      kernwoord: before.kernwoord ?? '',
      beleidsthema: before.beleidsthema,
      ambities: before.ambitieIds,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/actielijnen/2/bewerken?melding=opgeslagen');
    const page = decodeHtml((await ed.t.app.inject({ url: '/actielijnen/2' })).body);
    expect(page).toContain('(herzien)');
    const [line] = await ed.t.database.db
      .select()
      .from(auditRegel)
      .where(and(eq(auditRegel.objectId, before.id), eq(auditRegel.actie, 'gewijzigd')));
    expect(line?.gebruikerNaam).toBe('Petra Procesmanager');
    expect((line?.voor as { titel: string }).titel).toBe(before.titel);
    expect((line?.na as { titel: string }).titel).toBe(`${before.titel} (herzien)`);
    const edit = decodeHtml((await ed.pm.get('/actielijnen/2/bewerken?melding=opgeslagen')).body);
    expect(edit).toContain('De wijzigingen zijn opgeslagen.');
    expect(edit).toContain('Petra Procesmanager');
  });

  it('returns an empty title with the error at the field, a summary linking to it, and the other input kept', async () => {
    const response = await ed.pm.submit('/actielijnen/3/bewerken', { titel: '   ', kernwoord: '', beleidsthema: 'Mijn nieuwe beleidsthema' });
    expect(response.statusCode).toBe(400);
    const html = decodeHtml(response.body);
    expect(html).toContain('href="#veld-titel"');
    expect(html).toContain('Vul de titel van de actielijn in.');
    expect(html).toContain('Mijn nieuwe beleidsthema');
    expect(html).toMatch(/<title>Fout: /);
  });

  it('escapes a script typed into every text field of an actielijn and a focusdoel, on the pages and in the forms', async () => {
    const al = await actielijn(5);
    const script = (field: string) => `<script>alert('${field}')</script><img src=x onerror=alert(1)>`;
    const response = await ed.pm.submit('/actielijnen/5/bewerken', {
      titel: `${script('titel')} titel`,
      kernwoord: script('titel'),
      beleidsthema: script('beleidsthema'),
      ambities: al.ambitieIds,
    });
    expect(response.statusCode).toBe(303);
    const focusdoel = al.focusdoelen[0]!;
    const fd = await ed.pm.submit(`/focusdoelen/${focusdoel.id}/bewerken`, { tekst: script('tekst'), subpunten: `${script('subpunt')}\ngewoon punt` });
    expect(fd.statusCode).toBe(303);
    for (const url of ['/actielijnen/5', '/', '/actielijnen/5/bewerken', `/focusdoelen/${focusdoel.id}/bewerken`]) {
      const body = (await ed.pm.get(url)).body;
      // Inside a quoted attribute (the meta description) "<script>" is inert text; everywhere else it must be escaped.
      const outsideAttributes = body.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes, url).not.toMatch(/<script|<img/i);
    }
    const page = (await ed.t.app.inject({ url: '/actielijnen/5' })).body;
    for (const field of ['titel', 'beleidsthema', 'tekst', 'subpunt']) expect(page, field).toContain(`&lt;script>alert('${field}')&lt;/script>`);
  });

  it('refuses a post without the CSRF token', async () => {
    const response = await ed.pm.post('/actielijnen/1/bewerken', { versie: '1', titel: 'x', kernwoord: '', beleidsthema: 'y' });
    expect(response.statusCode).toBe(403);
  });
});

describe('focusdoelen', () => {
  it('refuses a third focusdoel with a clear message, by form and by API', async () => {
    const al = (await Promise.all([1, 2, 3, 4, 5, 6].map(actielijn))).find((a) => a.focusdoelen.length === 2)!;
    const form = await ed.pm.submit(`/actielijnen/${al.nummer}/focusdoelen/nieuw`, { tekst: 'Een derde doel', subpunten: '' });
    expect(form.statusCode).toBe(409);
    expect(decodeHtml(form.body)).toContain('Een actielijn heeft hoogstens 2 focusdoelen.');
    expect(decodeHtml(form.body)).toContain('Een derde doel');
    const response = await api('POST', `/api/v1/actielijnen/${al.id}/focusdoelen`, { tekst: 'Een derde doel' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('archives a focusdoel, which frees its place for a new one, and edits sub-points line by line', async () => {
    const al = (await Promise.all([1, 2, 3, 4, 5, 6].map(actielijn))).find((a) => a.focusdoelen.length === 2)!;
    const [first] = al.focusdoelen;
    const archive = await ed.pm.submit(`/focusdoelen/${first!.id}/bewerken`, {}, `/focusdoelen/${first!.id}/archiveren`);
    expect(archive.statusCode).toBe(303);
    expect(decodeHtml((await ed.t.app.inject({ url: `/actielijnen/${al.nummer}` })).body)).not.toContain(first!.tekst);
    const created = await ed.pm.submit(`/actielijnen/${al.nummer}/focusdoelen/nieuw`, { tekst: 'Nieuw focusdoel', subpunten: 'Eerste punt\n\n- Tweede punt' });
    expect(created.statusCode).toBe(303);
    const now = await actielijn(al.nummer);
    const nieuw = now.focusdoelen.find((f) => f.tekst === 'Nieuw focusdoel')!;
    expect(nieuw.subpunten.map((s) => s.tekst)).toEqual(['Eerste punt', 'Tweede punt']);
  });
});

describe('the write API', () => {
  it('changes an actielijn with a token, refuses a stale version (409), no token (401) and a role that may not (403)', async () => {
    const al = await actielijn(6);
    const ok = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie, titel: 'Via de API', kernwoord: null, beleidsthema: al.beleidsthema });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ titel: 'Via de API', versie: al.versie + 1 });
    const stale = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie, titel: 'Oud', kernwoord: null, beleidsthema: al.beleidsthema });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const anonymous = await ed.t.app.inject({ method: 'PATCH', url: `/api/v1/actielijnen/${al.id}`, payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Bearer');
    const lid = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie + 1, titel: 'x', kernwoord: null, beleidsthema: 'y' }, ed.lidToken);
    expect(lid.statusCode).toBe(403);
    const invalid = await api('PATCH', `/api/v1/actielijnen/${al.id}`, { versie: al.versie + 1, titel: '', kernwoord: null, beleidsthema: 'y' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().invalidParams[0].name).toBe('body.titel');
  });

  it('documents the write operations in the OpenAPI document, with the token scheme', async () => {
    const doc = (await ed.t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/actielijnen/{id}'].patch.security).toEqual([{ apiToken: [] }]);
    expect(doc.paths['/focusdoelen/{id}'].delete.responses['409']).toBeDefined();
    expect(doc.components.securitySchemes.apiToken.scheme).toBe('bearer');
  });
});
