import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherGemeente, createTestApp, type TestApp } from '../../test/helpers/app.js';

describe('with two gemeenten on one installation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DEFAULT_GEMEENTE: 'zoetermeer' });
    await addOtherGemeente(t);
  });
  afterAll(() => t.close());

  const zoetermeer = { host: 'localhost' };
  const voorbeeldstad = { host: 'lea.voorbeeldstad.example' };

  it('serves each gemeente its own agenda, chosen by host name', async () => {
    const own = await t.app.inject({ url: '/api/v1/actielijnen', headers: voorbeeldstad });
    expect((JSON.parse(own.body) as { titel: string }[]).map((al) => al.titel.split(':')[0])).toEqual(['Voorbeeldstad', 'Voorbeeldstad']);
    const other = await t.app.inject({ url: '/api/v1/actielijnen', headers: zoetermeer });
    expect(JSON.parse(other.body)).toHaveLength(6);
    const home = await t.app.inject({ url: '/', headers: { host: 'LEA.Voorbeeldstad.example:443' } });
    expect(home.body).toContain('Agenda Voorbeeldstad');
    expect(home.body).not.toContain('LEA uitvoeringsagenda 2025-2026');
  });

  it("gives 404 for every record of another gemeente, by API and by page", async () => {
    const theirs = JSON.parse((await t.app.inject({ url: '/api/v1/actielijnen', headers: zoetermeer })).body) as { id: string }[];
    for (const al of theirs) {
      const response = await t.app.inject({ url: `/api/v1/actielijnen/${al.id}`, headers: voorbeeldstad });
      expect(response.statusCode).toBe(404);
    }
    const gremia = JSON.parse((await t.app.inject({ url: '/api/v1/gremia', headers: zoetermeer })).body) as { id: string }[];
    for (const g of gremia) {
      expect((await t.app.inject({ url: `/api/v1/gremia/${g.id}`, headers: voorbeeldstad })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ url: '/actielijnen/3', headers: voorbeeldstad })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/actielijnen/3', headers: zoetermeer })).statusCode).toBe(200);
  });
});

describe('a host that matches no gemeente', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await addOtherGemeente(t);
  });
  afterAll(() => t.close());

  it('gets a clear 404 once there is more than one gemeente and no default', async () => {
    const page = await t.app.inject({ url: '/', headers: { host: 'onbekend.example' } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Gemeente niet gevonden');
    const api = await t.app.inject({ url: '/api/v1/actielijnen', headers: { host: 'onbekend.example' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('still reaches the routes that belong to no gemeente', async () => {
    for (const url of ['/health/live', '/health/ready', '/api/v1/openapi.json']) {
      expect((await t.app.inject({ url, headers: { host: 'onbekend.example' } })).statusCode, url).toBe(200);
    }
  });
});
