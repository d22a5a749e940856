import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../../test/helpers/app.js';
import { API_VERSION } from './api-registry.js';

const fx = useSeededApp();

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fx.t.app.inject({ method: 'GET', url, headers });
  return { response, json: response.body ? (JSON.parse(response.body) as unknown) : undefined };
}

function expectProblem(response: Awaited<ReturnType<typeof get>>['response'], status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(response.headers['api-version']).toBe(API_VERSION);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return body;
}

/** Full paths from Fastify's route tree print-out, where each line adds a segment to its parent's path. */
function routesOf(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n').filter(Boolean)) {
    const match = line.match(/^([\s│]*)[└├]── (\S+)(?: \((.+)\))?$/);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    if (match[3]) routes.push(stack.join(''));
  }
  return routes;
}

type Actielijn = { id: string; nummer: number; titel: string; focusdoelen: { id: string; tekst: string }[]; ambities: { naam: string }[] };

describe('/api/v1/actielijnen', () => {
  it('lists the six actielijnen with their focusdoelen, ambities and the API-Version header', async () => {
    const { response, json } = await get('/api/v1/actielijnen');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['api-version']).toBe(API_VERSION);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const list = json as Actielijn[];
    expect(list).toHaveLength(6);
    expect(list.map((al) => al.titel)).toEqual(fx.data.actielijnen.map((al) => al.titel));
    expect(list[2]!.ambities.map((a) => a.naam)).toEqual(['Gelijke kansen', 'Zoetermeer 2040', 'Passende plek']);
    expect(list[0]!.focusdoelen.map((fd) => fd.tekst)).toEqual(fx.data.actielijnen[0]!.focusdoelen.map((fd) => fd.tekst));
  });

  it('gives one actielijn and its focusdoelen by id, and the same focusdoel on its own', async () => {
    const list = (await get('/api/v1/actielijnen')).json as Actielijn[];
    const first = list[0]!;
    const one = await get(`/api/v1/actielijnen/${first.id}`);
    expect(one.json).toEqual(first);
    const focusdoelen = (await get(`/api/v1/actielijnen/${first.id}/focusdoelen`)).json as { id: string }[];
    expect(focusdoelen).toEqual(first.focusdoelen);
    expect((await get(`/api/v1/focusdoelen/${focusdoelen[1]!.id}`)).json).toEqual(first.focusdoelen[1]);
  });

  it('answers an unknown or malformed id with a problem+json 404', async () => {
    for (const id of ['123', '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const body = expectProblem((await get(`/api/v1/actielijnen/${id}`)).response, 404);
      expect(body.detail).toBe(`Er is geen actielijn met id ${id}.`);
    }
    expectProblem((await get('/api/v1/focusdoelen/xyz')).response, 404);
  });

  it('answers a trailing slash or an unknown path with a problem+json 404', async () => {
    expectProblem((await get('/api/v1/actielijnen/')).response, 404);
    expectProblem((await get('/api/v1/')).response, 404);
    expectProblem((await get('/api/v1/bestaat-niet')).response, 404);
  });

  it('supports conditional requests', async () => {
    const first = await get('/api/v1/actielijnen');
    const second = await get('/api/v1/actielijnen', { 'if-none-match': String(first.response.headers.etag) });
    expect(second.response.statusCode).toBe(304);
    expect(second.response.headers['api-version']).toBe(API_VERSION);
  });
});

describe('/api/v1/oab-afspraken', () => {
  type Afspraak = { id: string; jaar: number; tekst: string; categorie: { code: string } };

  it('lists all afspraken, and filters by year and category', async () => {
    const all = (await get('/api/v1/oab-afspraken')).json as Afspraak[];
    const expected = fx.data.oabAfspraken.categorieen.flatMap((c) => c.afspraken);
    expect(all.map((a) => a.tekst).sort()).toEqual([...expected].sort());

    const segregatie = (await get('/api/v1/oab-afspraken?categorie=voorkomen-segregatie&jaar=2025')).json as Afspraak[];
    expect(segregatie.map((a) => a.tekst)).toEqual(fx.data.oabAfspraken.categorieen[0]!.afspraken);
    expect((await get('/api/v1/oab-afspraken?jaar=2030')).json).toEqual([]);

    const one = (await get(`/api/v1/oab-afspraken/${all[0]!.id}`)).json;
    expect(one).toEqual(all[0]);
  });

  it('refuses an invalid filter with a problem+json 400 naming the parameter', async () => {
    const body = expectProblem((await get('/api/v1/oab-afspraken?jaar=twintig')).response, 400);
    expect(body.invalidParams).toEqual([expect.objectContaining({ name: 'query.jaar' })]);
    // Also a check without a message of its own explains itself in Dutch.
    const type = expectProblem((await get('/api/v1/gremia?type=onzin')).response, 400);
    expect(type.invalidParams).toEqual([{ name: 'query.type', reason: expect.stringMatching(/^Ongeldige (invoer|optie)/) }]);
  });

  it('lists the four categories in order', async () => {
    const categorieen = (await get('/api/v1/oab-categorieen')).json as { naam: string }[];
    expect(categorieen.map((c) => c.naam)).toEqual(fx.data.oabAfspraken.categorieen.map((c) => c.naam));
  });
});

describe('/api/v1/uitvoeringsagendas', () => {
  it('lists the agenda with its period, theme and visiedocument, marked as the one in force', async () => {
    type Ua = { id: string; titel: string; periodeStart: string; periodeEind: string; geldend: boolean; overkoepelendThema: string; visiedocument: { beginjaar: number; eindjaar: number } };
    const list = (await get('/api/v1/uitvoeringsagendas')).json as Ua[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      titel: fx.data.uitvoeringsagenda.titel,
      periodeStart: '2025-09-01',
      periodeEind: '2026-12-31',
      geldend: true,
      overkoepelendThema: 'inclusie',
      visiedocument: { beginjaar: 2021, eindjaar: 2030 },
    });
    expect((await get(`/api/v1/uitvoeringsagendas/${list[0]!.id}`)).json).toEqual(list[0]);
    expectProblem((await get('/api/v1/uitvoeringsagendas/onbekend')).response, 404);
  });
});

describe('/api/v1/ambities', () => {
  it('lists the three ambities and gives each by id', async () => {
    const ambities = (await get('/api/v1/ambities')).json as { id: string; naam: string }[];
    expect(ambities.map((a) => a.naam)).toEqual(['Zoetermeer 2040', 'Gelijke kansen', 'Passende plek']);
    expect((await get(`/api/v1/ambities/${ambities[1]!.id}`)).json).toEqual(ambities[1]);
    expectProblem((await get('/api/v1/ambities/onbekend')).response, 404);
  });
});

describe('/api/v1/gremia', () => {
  type Gremium = { id: string; slug: string; type: string; relaties: { soort: string }[] };
  type Lid = { persoon: { naam: string }; namens: { sector: string | null; organisatieId: string | null }[] };

  it('lists the gremia with their relations, filtered by type', async () => {
    const gremia = (await get('/api/v1/gremia')).json as Gremium[];
    expect(gremia.map((g) => g.slug)).toEqual(fx.data.gremia.map((g) => g.slug));
    const stuurgroep = gremia.find((g) => g.slug === 'stuurgroep-lea')!;
    expect(stuurgroep.relaties).toHaveLength(fx.data.gremiumRelaties.filter((r) => r.van === 'stuurgroep-lea' || r.naar === 'stuurgroep-lea').length);
    const tafels = (await get('/api/v1/gremia?type=overlegtafel')).json as Gremium[];
    expect(tafels.every((g) => g.type === 'overlegtafel')).toBe(true);
    expect(tafels.length).toBe(fx.data.gremia.filter((g) => g.type === 'overlegtafel').length);
    expectProblem((await get('/api/v1/gremia?type=onzin')).response, 400);
  });

  it('gives the members of the stuurgroep; one represents both po and vo', async () => {
    const gremia = (await get('/api/v1/gremia')).json as Gremium[];
    const stuurgroep = gremia.find((g) => g.slug === 'stuurgroep-lea')!;
    const leden = (await get(`/api/v1/gremia/${stuurgroep.id}/lidmaatschappen`)).json as Lid[];
    expect(leden).toHaveLength(fx.data.lidmaatschappen.length);
    const daphne = leden.find((l) => l.persoon.naam === 'Daphne van der Aa')!;
    expect(daphne.namens).toEqual([
      { sector: 'po', organisatieId: null },
      { sector: 'vo', organisatieId: null },
    ]);
    expectProblem((await get('/api/v1/gremia/onbekend/lidmaatschappen')).response, 404);
  });

  it('lists organisaties and personen, and gives each by id', async () => {
    const organisaties = (await get('/api/v1/organisaties')).json as { id: string; naam: string; sectoren: string[] }[];
    expect(organisaties).toHaveLength(fx.data.organisaties.length);
    expect(organisaties.find((o) => o.naam === 'Unicoz')!.sectoren).toEqual(['po', 'vo']);
    expect((await get(`/api/v1/organisaties/${organisaties[0]!.id}`)).json).toEqual(organisaties[0]);
    const personen = (await get('/api/v1/personen')).json as { id: string; naam: string }[];
    expect(personen).toHaveLength(fx.data.personen.length);
    expect(personen[0]).not.toHaveProperty('email');
    expect((await get(`/api/v1/personen/${personen[0]!.id}`)).json).toEqual(personen[0]);
  });
});

describe('/api/v1/openapi.json', () => {
  it('is public, in Dutch, with contact details, and documents every API route the app serves', async () => {
    const { response, json } = await get('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = json as {
      openapi: string;
      info: { version: string; contact: Record<string, string>; description: string };
      servers: { url: string }[];
      paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: unknown[] }>>;
    };
    expect(doc.openapi).toMatch(/^3\.0\.\d$/);
    expect(doc.info.version).toBe(API_VERSION);
    expect(Object.keys(doc.info.contact).sort()).toEqual(['email', 'name', 'url']);
    expect(doc.info.description).toContain('gemeente');
    expect(doc.servers[0]!.url).toMatch(/\/api\/v1$/);

    const served = routesOf(fx.t.app.printRoutes({ commonPrefix: false })).filter(
      (route) => route.startsWith('/api/v1/') && route !== '/api/v1/openapi.json',
    );
    const documented = Object.keys(doc.paths).map((p) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    for (const [pad, operations] of Object.entries(doc.paths)) {
      const operation = operations.get!;
      expect(operation.responses, pad).toHaveProperty('200');
      if (operation.parameters?.length) expect(operation.responses, pad).toHaveProperty('400');
    }
  });
});
