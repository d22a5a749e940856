import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSeededDatabase } from '../../test/helpers/app.js';
import type { DatabaseHandle } from './client.js';
import { demoDataSchema, DemoDataError, loadDemoData, readDemoData, type DemoData } from './demo-data.js';
import * as t from './schema.js';

let database: DatabaseHandle;
let data: DemoData;

beforeAll(async () => {
  database = await openSeededDatabase();
  data = await readDemoData();
});
afterAll(() => database.close());

async function countRows(table: PgTable) {
  const [row] = await database.db.select({ n: count() }).from(table);
  return row!.n;
}

describe('the Zoetermeer demo data', () => {
  it('holds the whole agenda of the seed document', () => {
    expect(data.gemeente).toMatchObject({ slug: 'zoetermeer', naam: 'Zoetermeer', cbsCode: 'GM0637' });
    expect(data.ambities.map((a) => a.naam)).toEqual(['Zoetermeer 2040', 'Gelijke kansen', 'Passende plek']);
    expect(data.actielijnen.map((al) => al.nummer)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(data.actielijnen.every((al) => al.focusdoelen.length >= 1 && al.focusdoelen.length <= 2)).toBe(true);
    expect(data.oabAfspraken.categorieen.map((c) => c.afspraken.length)).toEqual([2, 5, 5, 1]);
    expect(data.gremia.map((g) => g.type)).toEqual(
      expect.arrayContaining(['stuurgroep', 'bestuurlijk-platform', 'kernteam', 'overlegtafel', 'werkgroep']),
    );
    const daphne = data.lidmaatschappen.find((l) => l.persoon === 'daphne-van-der-aa')!;
    expect(daphne.namens).toEqual([{ sector: 'po' }, { sector: 'vo' }]);
  });

  it('is loaded once: a second load changes nothing', async () => {
    const before = await Promise.all([t.gemeente, t.actielijn, t.focusdoel, t.oabAfspraak, t.lidmaatschap].map(countRows));
    expect(before).toEqual([1, 6, 7, 13, 10]);
    const result = await loadDemoData(database.db, data);
    expect(result.status).toBe('al-aanwezig');
    const after = await Promise.all([t.gemeente, t.actielijn, t.focusdoel, t.oabAfspraak, t.lidmaatschap].map(countRows));
    expect(after).toEqual(before);
  });

  it('is loaded all or nothing: an error halfway leaves no trace', async () => {
    const broken: DemoData = {
      ...data,
      gemeente: { ...data.gemeente, slug: 'kapot', cbsCode: 'GM9998', domeinen: [] },
      actielijnen: [{ ...data.actielijnen[0]!, ambities: ['bestaat-niet'] }],
    };
    await expect(loadDemoData(database.db, broken)).rejects.toThrow(DemoDataError);
    const rows = await database.db.select().from(t.gemeente).where(eq(t.gemeente.slug, 'kapot'));
    expect(rows).toEqual([]);
  });
});

describe('the rule "at most two focusdoelen per actielijn"', () => {
  it('is refused by the data file schema with a clear message', () => {
    const three = structuredClone(data) as unknown as { actielijnen: { focusdoelen: { tekst: string; subpunten: string[] }[] }[] };
    three.actielijnen[0]!.focusdoelen.push({ tekst: 'Een derde focusdoel.', subpunten: [] });
    const parsed = demoDataSchema.safeParse({ ...three, uitvoeringsagenda: { ...data.uitvoeringsagenda } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe('Een actielijn heeft maximaal 2 focusdoelen.');
  });

  it('is enforced by the database itself', async () => {
    const [al] = await database.db.select().from(t.actielijn).where(eq(t.actielijn.nummer, 1));
    const base = { gemeenteId: al!.gemeenteId, actielijnId: al!.id, tekst: 'Een derde focusdoel.' };
    await expect(database.db.insert(t.focusdoel).values({ ...base, positie: 3 })).rejects.toThrow();
    // Both places are taken for actielijn 1, so a second row at place 2 collides too.
    await expect(database.db.insert(t.focusdoel).values({ ...base, positie: 2 })).rejects.toThrow();
    const [row] = await database.db.select({ n: count() }).from(t.focusdoel).where(eq(t.focusdoel.actielijnId, al!.id));
    expect(row!.n).toBe(2);
  });

  it('keeps rows of one gemeente from pointing into another', async () => {
    const [other] = await database.db
      .insert(t.gemeente)
      .values({ slug: 'andere', naam: 'Andere', cbsCode: 'GM9997' })
      .returning();
    const [al] = await database.db.select().from(t.actielijn).where(eq(t.actielijn.nummer, 2));
    await expect(
      database.db.insert(t.focusdoel).values({ gemeenteId: other!.id, actielijnId: al!.id, positie: 2, tekst: 'x' }),
    ).rejects.toThrow();
  });
});
