/**
 * A record kind declared here, in the test, on a table made here: with nothing but its declaration it gets working
 * pages, API operations documented in OpenAPI, an audit trail, conflict handling and tenant scope.
 */
import { and, eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiSchemas } from '../src/api/api-registry.js';
import { buildApp, modules } from '../src/app.js';
import { auditRegel, gemeente } from '../src/db/schema.js';
import { defineModule } from '../src/modules/module.js';
import { requiredText, text as textField, wholeNumber } from '../src/records/fields.js';
import { defineRecordKind } from '../src/records/record-kind.js';
import { registerRecordKinds } from '../src/records/record-registry.js';
import { addOtherGemeente, decodeHtml, openSeededDatabase, testConfig, type TestApp } from './helpers/app.js';
import { createUser, csrfOf, gemeenteId, loginAs, rol, TestBrowser, type TestBrowser as Browser } from './helpers/session.js';

const notitie = pgTable('proef_notitie', {
  id: uuid('id').primaryKey().defaultRandom(),
  gemeenteId: uuid('gemeente_id')
    .notNull()
    .references(() => gemeente.id),
  titel: text('titel').notNull(),
  tekst: text('tekst'),
  prioriteit: integer('prioriteit').notNull(),
  gearchiveerdOp: timestamp('gearchiveerd_op', { withTimezone: true }),
  versie: integer('versie').notNull().default(1),
  aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
  gewijzigdOp: timestamp('gewijzigd_op', { withTimezone: true }).notNull().defaultNow(),
});

const NotitieSchema = z.object({ id: z.uuid(), titel: z.string(), versie: z.int() });
apiSchemas.add(NotitieSchema, { id: 'ProefNotitie', description: 'Een notitie uit de test.' });

// Labels come from the one catalogue, so a test kind borrows existing texts.
const notitieKind = defineRecordKind({
  name: 'proef-notitie',
  table: notitie,
  permission: 'agenda.bewerken',
  notFound: 'api.ambitieNietGevonden',
  fields: {
    titel: requiredText({ label: 'ambitieBewerken.veldNaam', empty: 'ambitieBewerken.naamLeeg', max: 100 }),
    tekst: textField({ label: 'ambitieBewerken.veldOmschrijving', widget: 'markdown', max: 1000 }),
    prioriteit: wholeNumber({ label: 'ambitieBewerken.veldVolgorde', min: 1, max: 5, invalid: 'ambitieBewerken.volgordeOngeldig', empty: 'ambitieBewerken.volgordeLeeg' }),
  },
  describe: (record) => `Notitie ${record.values.titel}`,
  pages: {
    base: '/proef-notities',
    title: (record) => (record ? `Notitie ${record.values.titel}` : 'Nieuwe notitie'),
    crumbs: () => [{ href: '/', label: 'Agenda' }],
    cancel: () => '/',
    archive: { style: 'inline', button: 'ambitieBewerken.archiveren', explanation: 'ambitieBewerken.archiverenUitleg', conflict: 'ambitieBewerken.conflictArchiveren' },
  },
  api: {
    path: '/proef-notities',
    tag: 'Proef',
    operation: 'ProefNotitie',
    noun: 'een notitie',
    schema: NotitieSchema,
    toApi: (r) => ({ id: r.id, titel: r.values.titel, versie: r.versie }),
    example: { titel: 'Agenda voor maart', prioriteit: 2 },
  },
});

let t: TestApp;
let pm: Browser;
let token: string;
let gid: string;
let other: { host: string };

beforeAll(async () => {
  const database = await openSeededDatabase();
  await database.db.execute(sql`
    create table proef_notitie (
      id uuid primary key default gen_random_uuid(),
      gemeente_id uuid not null references gemeente(id),
      titel text not null,
      tekst text,
      prioriteit integer not null,
      gearchiveerd_op timestamptz,
      versie integer not null default 1,
      aangemaakt_op timestamptz not null default now(),
      gewijzigd_op timestamptz not null default now()
    )`);
  const proefModule = defineModule('proef', async (app, context) => {
    registerRecordKinds(app, context, [notitieKind]);
  });
  const app = await buildApp(testConfig({ DEFAULT_GEMEENTE: 'zoetermeer' }), database, { modules: [...modules, proefModule] });
  await app.ready();
  t = { app, database, close: async () => (await app.close(), await database.close()) };
  other = await addOtherGemeente(t);
  gid = await gemeenteId(t);
  const user = await createUser(t, gid, { email: 'pm@proef.example', naam: 'Proef Procesmanager', rollen: [rol('procesmanager')], totp: true });
  pm = await loginAs(t, user);
  token = (await t.app.services.accounts.createToken(gid, user, 'proef', { gebruikerId: user.id, naam: user.naam, ip: null })).token;
}, 60_000);
afterAll(() => t?.close());

function api(method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
}

const auditOf = (id: string) =>
  t.database.db
    .select({ actie: auditRegel.actie, voor: auditRegel.voor, na: auditRegel.na, omschrijving: auditRegel.omschrijving })
    .from(auditRegel)
    .where(and(eq(auditRegel.objectId, id), eq(auditRegel.objectType, 'proef-notitie')));

describe('a record kind declared in a test', () => {
  it('has a new-record form that checks its input in Dutch, keeps it, and saves with an audit line', async () => {
    expect((await pm.get('/proef-notities/nieuw')).statusCode).toBe(200);
    const invalid = await pm.submit('/proef-notities/nieuw', { titel: ' ', tekst: 'Blijft staan', prioriteit: 'hoog' });
    expect(invalid.statusCode).toBe(400);
    const html = decodeHtml(invalid.body);
    expect(html).toContain('href="#veld-titel"');
    expect(html).toContain('Vul de naam van de ambitie in.');
    expect(html).toContain('href="#veld-prioriteit"');
    expect(html).toContain('Blijft staan');
    expect(html).toContain('value="hoog"');
    const created = await pm.submit('/proef-notities/nieuw', { titel: 'Agenda voor maart', tekst: 'Met **vet**', prioriteit: '2' });
    expect(created.statusCode).toBe(303);
    const id = /^\/proef-notities\/([0-9a-f-]{36})\/bewerken\?melding=opgeslagen$/.exec(String(created.headers.location))?.[1];
    expect(id).toBeDefined();
    expect(await auditOf(id!)).toEqual([expect.objectContaining({ actie: 'aangemaakt', omschrijving: 'Notitie Agenda voor maart', na: expect.objectContaining({ titel: 'Agenda voor maart', prioriteit: 2, versie: 1 }) })]);
    const page = decodeHtml((await pm.get(String(created.headers.location))).body);
    expect(page).toContain('De wijzigingen zijn opgeslagen.');
    expect(page).toContain('id="historie"');
  });

  it('refuses a stale save with both versions shown and the typed text kept, and keeps the saved one', async () => {
    const [row] = await t.database.db.select().from(notitie);
    const edit = `/proef-notities/${row!.id}/bewerken`;
    const stale = await pm.get(edit);
    expect((await pm.submit(edit, { titel: 'Door A', tekst: '', prioriteit: '3' })).statusCode).toBe(303);
    const versie = /name="versie" value="(\d+)"/.exec(stale.body)![1]!;
    const conflict = await pm.post(edit, { _csrf: csrfOf(stale.body)!, versie, titel: 'Door B', tekst: '', prioriteit: '3' });
    expect(conflict.statusCode).toBe(409);
    const html = decodeHtml(conflict.body);
    expect(html).toContain('Door A');
    expect(html).toContain('value="Door B"');
    expect(html).toContain(`name="versie" value="${Number(versie) + 1}"`);
    const [saved] = await t.database.db.select().from(notitie).where(eq(notitie.id, row!.id));
    expect(saved).toMatchObject({ titel: 'Door A', prioriteit: 3, versie: 2 });
  });

  it('has POST, PATCH and DELETE in the API, documented in OpenAPI, with problem+json errors', async () => {
    const created = await api('POST', '/api/v1/proef-notities', { titel: 'Via de API', prioriteit: 1 });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    expect(created.headers.location).toBe(`/api/v1/proef-notities/${id}`);
    const invalid = await api('PATCH', `/api/v1/proef-notities/${id}`, { versie: 1, prioriteit: 9 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json().invalidParams).toEqual([{ name: 'body.prioriteit', reason: 'Vul bij volgorde een heel getal in van 1 tot en met 999.' }]);
    expect((await api('PATCH', `/api/v1/proef-notities/${id}`, { versie: 1, tekst: 'Aangevuld' })).json()).toMatchObject({ titel: 'Via de API', versie: 2 });
    expect((await api('PATCH', `/api/v1/proef-notities/${id}`, { versie: 1, tekst: 'Oud' })).statusCode).toBe(409);
    expect((await api('DELETE', `/api/v1/proef-notities/${id}`, { versie: 2 })).statusCode).toBe(204);
    expect((await auditOf(id)).map((line) => line.actie).sort()).toEqual(['aangemaakt', 'gearchiveerd', 'gewijzigd']);
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths['/proef-notities/{id}']).sort()).toEqual(['delete', 'patch']);
    expect(doc.paths['/proef-notities'].post.requestBody.content['application/json'].example).toEqual({ titel: 'Agenda voor maart', prioriteit: 2 });
    expect(doc.paths['/proef-notities'].post.security).toEqual([{ apiToken: [] }]);
  });

  it('is reachable only for its own gemeente and the roles that may edit it', async () => {
    const [row] = await t.database.db.select().from(notitie);
    const stranger = new TestBrowser(t);
    const vb = await gemeenteId(t, 'voorbeeldstad');
    const vbUser = await createUser(t, vb, { email: 'pm@vb.proef.example', naam: 'VB', rollen: [rol('procesmanager')] });
    stranger.cookies.set('lea_sessie', await t.app.services.sessions.create(vb, vbUser.id, true, null));
    expect((await stranger.get(`/proef-notities/${row!.id}/bewerken`, other)).statusCode).toBe(404);
    const lid = await loginAs(t, await createUser(t, gid, { email: 'lid@proef.example', naam: 'Lid', rollen: [rol('stuurgroeplid')] }));
    expect((await lid.get(`/proef-notities/${row!.id}/bewerken`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/proef-notities/${row!.id}/bewerken` })).headers.location).toBe(`/inloggen?terug=%2Fproef-notities%2F${row!.id}%2Fbewerken`);
    expect(t.app.records.get('proef-notitie').kind).toBe(notitieKind);
  });
});
