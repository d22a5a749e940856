/**
 * The safeguards every record kind gets from its declaration, checked for every kind the app declares — so a new
 * kind is covered the moment it is declared, without a test of its own:
 * - another gemeente's user finds none of its records, by page or by API, and changes nothing;
 * - a script typed into any text field comes back escaped, in the forms and on every public page and API answer;
 * - a save on a stale version is refused with both versions shown and the typed text kept (form), or 409 (API).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Field } from '../src/records/fields.js';
import type { LoadedRecord } from '../src/records/record-kind.js';
import { editPath } from '../src/records/record-pages.js';
import type { RecordService } from '../src/records/record.service.js';
import { addOtherGemeente, createTestApp, decodeHtml, type TestApp } from './helpers/app.js';
import { createUser, csrfOf, gemeenteId, loginAs, rol, TestBrowser } from './helpers/session.js';

// Built before the tests are collected, so that every declared kind gets tests of its own.
const t: TestApp = await createTestApp({ DEFAULT_GEMEENTE: 'zoetermeer' });
afterAll(() => t.close());
const services = t.app.records.all();

const zoetermeer = { host: 'localhost' };
let voorbeeldstad: { host: string };
let zm: string;
let vb: string;
let pm: TestBrowser;
let vbPm: TestBrowser;
let token: string;
let vbToken: string;
const actor = { gebruikerId: null, naam: 'Test', ip: null };

beforeAll(async () => {
  voorbeeldstad = await addOtherGemeente(t);
  zm = await gemeenteId(t, 'zoetermeer');
  vb = await gemeenteId(t, 'voorbeeldstad');
  const zmUser = await createUser(t, zm, { email: 'pm@kinds.example', naam: 'Pim Soorten', rollen: [rol('procesmanager')], totp: true });
  const vbUser = await createUser(t, vb, { email: 'pm@kinds.voorbeeldstad.example', naam: 'Vera Voorbeeld', rollen: [rol('procesmanager')], totp: true });
  pm = await loginAs(t, zmUser);
  // Logged in on the other gemeente's own host.
  vbPm = new TestBrowser(t);
  vbPm.cookies.set('lea_sessie', await t.app.services.sessions.create(vb, vbUser.id, true, null));
  token = (await t.app.services.accounts.createToken(zm, zmUser, 'test', actor)).token;
  vbToken = (await t.app.services.accounts.createToken(vb, vbUser, 'test', actor)).token;
}, 60_000);

function api(method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown, bearer: string, headers: Record<string, string> = zoetermeer) {
  return t.app.inject({ method, url, headers: { ...headers, authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
}

/** A request as the declarations' option lists see one: the app's services and the gemeente. */
async function requestFor(gemeente: string): Promise<FastifyRequest> {
  const found = (await t.app.services.gemeenten.list()).find((g) => g.id === gemeente)!;
  return { server: t.app, gemeente: found, query: {} } as unknown as FastifyRequest;
}

/** The edit form of a record as the browser posts it: every field of the form as it is stored, and the version. */
function formOf(service: RecordService, record: LoadedRecord): Record<string, string> {
  const input = service.inputOf(record);
  const values: Record<string, string> = { versie: String(record.versie) };
  for (const [name, field] of Object.entries(service.kind.fields) as [string, Field<unknown, unknown>][]) {
    if (field.editable !== 'create') values[name] = field.toForm(input[name]);
  }
  return values;
}

/** The fields of a kind that take free text: a script typed there must be stored and shown as text. */
function textFields(service: RecordService): string[] {
  return (Object.entries(service.kind.fields) as [string, Field<unknown, unknown>][])
    .filter(([, field]) => field.editable !== 'create' && ['text', 'textarea', 'markdown', 'lines'].includes(field.widget))
    .filter(([, field]) => field.schema.safeParse(field.fromForm('<script>x</script>')).success)
    .map(([name]) => name);
}

/** Inside a quoted attribute "<script>" is inert text; everywhere else it must be escaped. */
function expectNoLiveScript(body: string, where: string) {
  expect(body.replace(/="[^"]*"/g, '=""'), where).not.toMatch(/<script/i);
}

/** Another valid value for a field, as typed into the form: for text a marker, for a choice another option. */
function otherValue(field: Field<unknown, unknown>, current: string, options: { value: string }[], label: string): string {
  const choice = options.map((o) => o.value).find((value) => value !== current);
  switch (field.widget) {
    case 'number':
      return String(Number(current) >= 2 ? Number(current) - 1 : Number(current) + 1);
    case 'date':
      return current.startsWith('2020') ? '2021-01-01' : '2020-01-01';
    case 'select':
      if (!choice) throw new Error(`${label}: no other choice to type`);
      return choice;
    case 'checkboxes':
      if (!choice) throw new Error(`${label}: no other choice to type`);
      return choice;
    case 'lines':
      return 'Getypt subpunt';
    default: {
      // Free text, a code, an e-mail address: the first that the field takes.
      const typed = [`Getypt door B (${label})`, 'getypt-door-b', 'getypt@voorbeeld.nl'].find((text) => field.schema.safeParse(field.fromForm(text)).success);
      if (!typed) throw new Error(`${label}: no text to type`);
      return typed;
    }
  }
}

describe.each(services.map((service) => [service.kind.name, service] as const))('record kind %s', (name, service) => {
  const kind = service.kind;

  it('is declared with its own pages and operations, and has records in the demo data to test with', async () => {
    expect((await service.list(zm)).length, name).toBeGreaterThan(0);
    expect(t.app.permissionTable.some((route) => route.url === `${kind.pages.base}/:${kind.pages.key?.param ?? 'id'}/bewerken`)).toBe(true);
    expect(t.app.permissionTable.some((route) => route.method === 'PATCH' && route.url === `/api/v1${kind.api.path}/:id`)).toBe(true);
  });

  it("is out of reach for another gemeente's user, by page and by API, and nothing of it changes", async () => {
    const before = await service.list(zm);
    let checked = 0;
    for (const record of before) {
      const edit = editPath(service, record);
      const theirs = await vbPm.get(edit, voorbeeldstad);
      // A page key such as an actielijn's number can exist in both gemeenten; then that page is the other gemeente's own.
      if (theirs.statusCode === 200 && kind.pages.key) continue;
      expect(theirs.statusCode, `${name} ${edit}`).toBe(404);
      const csrf = csrfOf((await vbPm.get('/account', voorbeeldstad)).body)!;
      expect((await vbPm.post(edit, { ...formOf(service, record), _csrf: csrf }, voorbeeldstad)).statusCode, `POST ${edit}`).toBe(404);
      if (kind.can.archive && kind.pages.archive) {
        const archive = edit.replace(/\/bewerken$/, '/archiveren');
        expect((await vbPm.post(archive, { versie: String(record.versie), _csrf: csrf }, voorbeeldstad)).statusCode, `POST ${archive}`).toBe(404);
        if (kind.pages.archive.style === 'confirm') expect((await vbPm.get(archive, voorbeeldstad)).statusCode, `GET ${archive}`).toBe(404);
      }
      checked += 1;
      if (checked >= 3) break;
    }
    expect(checked, name).toBeGreaterThan(0);
    for (const record of before.slice(0, 3)) {
      for (const method of ['PATCH', 'DELETE'] as const) {
        if (method === 'DELETE' && !kind.can.archive) continue;
        const url = `/api/v1${kind.api.path}/${record.id}`;
        // Indistinguishable from an id that exists nowhere: the same answer.
        const response = await api(method, url, { versie: record.versie }, vbToken, voorbeeldstad);
        const nowhere = await api(method, `/api/v1${kind.api.path}/${randomUUID()}`, { versie: record.versie }, vbToken, voorbeeldstad);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(nowhere.statusCode, `${method} nowhere`).toBe(404);
      }
    }
    if (kind.parent && kind.can.create) {
      const parent = (await service.parent!.list(zm))[0]!;
      const url = `/api/v1${kind.parent.kind.api.path}/${parent.id}/${kind.api.segment}`;
      expect((await api('POST', url, kind.api.example, vbToken, voorbeeldstad)).statusCode, `POST ${url}`).toBe(404);
    }
    expect(await service.list(zm)).toEqual(before);
  });

  it('shows a script typed into every text field as text, in its form and on every public page and API answer', async () => {
    const fields = textFields(service);
    if (fields.length === 0) return;
    const [record] = await service.list(zm);
    const script = (field: string) => `<script>alert(${name}.${field})</script>`;
    // A rule over several fields (a kernwoord must stand in the titel) may refuse one: that field keeps its own text.
    let saved;
    const cleared: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const values = formOf(service, record!);
      for (const field of fields) values[field] = script(field);
      for (const field of cleared) values[field] = '';
      saved = await pm.submit(editPath(service, record!), values);
      if (saved.statusCode !== 400) break;
      expectNoLiveScript(saved.body, `${name} refused form`);
      const refused = [...saved.body.matchAll(/href="#veld-(\w+)"/g)].map((m) => m[1]!);
      fields.splice(0, fields.length, ...fields.filter((f) => !refused.includes(f)));
      cleared.push(...refused.filter((f) => !(kind.fields[f] as Field).required));
    }
    expect(saved!.statusCode, name).toBe(303);
    expect(fields.length).toBeGreaterThan(0);
    const form = (await pm.get(String(saved!.headers.location))).body;
    expectNoLiveScript(form, `${name} form`);
    for (const field of fields) expect(decodeHtml(form), field).toContain(script(field));
    const agenda = await t.app.services.agenda.get((await requestFor(zm)).gemeente);
    const governance = await t.app.services.governance.get((await requestFor(zm)).gemeente);
    const pages = ['/', '/oab-afspraken', '/stuurgroep', '/structuur', ...agenda.actielijnen.map((al) => `/actielijnen/${al.nummer}`), ...governance.gremia.map((g) => `/structuur/${g.slug}`)];
    for (const url of pages) {
      for (const body of [(await t.app.inject({ url })).body, (await pm.get(url)).body]) expectNoLiveScript(body, url);
    }
    const answer = await t.app.inject({ url: `/api/v1${kind.api.path}/${record!.id}` });
    if (answer.statusCode === 200) expect(answer.headers['content-type']).toContain('application/json');
  });

  it('refuses a save on a stale version: every field stored and typed side by side, the typed input kept; 409 in the API', async () => {
    const [record] = await service.list(zm);
    const stale = formOf(service, record!);
    // Someone else saves first: the same values, a new version.
    await service.update(zm, record!.id, record!.versie, {}, actor, [rol('procesmanager')]);
    // This user typed another value into every field of the form.
    const request = await requestFor(zm);
    const shown: [string, string, string][] = [];
    for (const [field, spec] of Object.entries(kind.fields) as [string, Field<unknown, unknown>][]) {
      if (spec.editable === 'create') continue;
      const options = spec.options ? await spec.options(request) : [];
      const other = otherValue(spec, stale[field]!, options, `${name} ${field}`);
      stale[field] = other;
      const typed = spec.schema.safeParse(spec.fromForm(other));
      expect(typed.success, `${name}.${field} = ${other}`).toBe(true);
      const stored = spec.display(service.inputOf(record!)[field], options);
      shown.push([field, stored, spec.display(typed.data, options)]);
    }
    const csrf = await pm.csrf('/account');
    const response = await pm.post(editPath(service, record!), { ...stale, _csrf: csrf });
    expect(response.statusCode, name).toBe(409);
    const html = decodeHtml(response.body);
    expect(html).toContain('Iemand anders heeft dit intussen gewijzigd');
    expect(html).toContain(`name="versie" value="${record!.versie + 1}"`);
    const table = html.slice(html.indexOf('id="conflict"'), html.indexOf('</table>', html.indexOf('id="conflict"')));
    for (const [field, stored, typed] of shown) {
      for (const text of [stored, typed]) {
        for (const line of text.split('\n').filter(Boolean)) expect(table, `${name}.${field}: ${line}`).toContain(line);
      }
    }
    // The form holds what this user typed, ready to be saved again on purpose.
    for (const [field, value] of Object.entries(stale)) {
      if (field === 'versie' || value === '') continue;
      for (const part of value.split(/[,\n]/).filter(Boolean)) expect(html, `${name}.${field} kept`).toContain(part);
    }
    const patch = await api('PATCH', `/api/v1${kind.api.path}/${record!.id}`, { versie: record!.versie }, token);
    expect(patch.statusCode).toBe(409);
    expect(patch.headers['content-type']).toContain('application/problem+json');
    if (kind.can.archive) {
      expect((await api('DELETE', `/api/v1${kind.api.path}/${record!.id}`, { versie: record!.versie }, token)).statusCode).toBe(409);
      if (kind.pages.archive) {
        const archive = await pm.post(editPath(service, record!).replace(/\/bewerken$/, '/archiveren'), { versie: String(record!.versie), _csrf: csrf });
        expect(archive.statusCode).toBe(409);
        expect(decodeHtml(archive.body)).toContain('href="#veld-archiveren"');
      }
    }
    expect((await service.get(zm, record!.id)).versie).toBe(record!.versie + 1);
  });
});
